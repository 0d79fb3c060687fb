/**
 * The commands' TypeScript loader (`node -r ./tools/register.js tools/<command>.ts`): what
 * `ts-node/register/transpile-only` does (each .ts file transpiled alone, no type-check;
 * `npm run typecheck` is the type-check), with the output kept on disk per file content, so
 * an unchanged file is never transpiled twice. ts-node transpiles every one of golive's files
 * on every start: about 6 s of CPU on this 2-core machine for a plan, more than Pulumi's own
 * cost of declaring the production stack. TypeScript is loaded only when a file changed.
 * With GOLIVE_DEBUG set, stack traces point at the .ts lines (inline source maps, Node's own support).
 *
 * Plain JavaScript on purpose: it is what makes TypeScript loadable.
 */
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const projectDir = path.resolve(__dirname, "..");
/** Inside node_modules/.cache, where tools keep rebuildable caches (git-ignored with node_modules). */
const cacheDir = path.join(projectDir, "node_modules", ".cache", "golive-ts");

/**
 * What ts-node's transpile-only mode makes of tsconfig.json for this CommonJS package: the
 * target and interop settings, module nodenext (a .ts file of a package without "type":
 * "module" becomes CommonJS, but a dynamic `import()` stays a real import: module CommonJS
 * would turn it into require(), which cannot load an ESM-only package such as
 * kubernetes-models), an inline source map.
 */
const compilerOptions = {
    target: "ES2022",
    module: "NodeNext",
    esModuleInterop: true,
    resolveJsonModule: true,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: false,
};

let typescript;
function ts() {
    typescript ??= require("typescript");
    return typescript;
}

/** The TypeScript version (read from its package.json, without loading the compiler) and the options: part of every key. */
const salt = (() => {
    const version = JSON.parse(fs.readFileSync(require.resolve("typescript/package.json", { paths: [projectDir] }), "utf8")).version;
    return `${version}\n${JSON.stringify(compilerOptions)}\n`;
})();

function transpiled(source, filename) {
    const key = crypto.createHash("sha256").update(salt).update(filename).update("\n").update(source).digest("hex").slice(0, 32);
    const file = path.join(cacheDir, `${key}.js`);
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        // Not transpiled yet: below.
    }
    const out = ts().transpileModule(source, { compilerOptions, fileName: filename, reportDiagnostics: false }).outputText;
    try {
        fs.mkdirSync(cacheDir, { recursive: true });
        // Written aside and renamed, so a concurrent run never reads half a file.
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, out);
        fs.renameSync(tmp, file);
    } catch {
        // A read-only checkout still runs, transpiling each time.
    }
    return out;
}

// Stack traces are printed only with GOLIVE_DEBUG (tools/cli/command.ts); mapping every stack the
// Pulumi SDK captures (one per promise) to .ts lines costs seconds in a large plan.
if (process.env.GOLIVE_DEBUG) process.setSourceMapsEnabled(true);
require.extensions[".ts"] = function loadTypeScript(module, filename) {
    module._compile(transpiled(fs.readFileSync(filename, "utf8"), filename), filename);
};
