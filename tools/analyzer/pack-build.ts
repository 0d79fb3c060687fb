/**
 * The policy pack compiled once per version of its sources. For a TypeScript pack,
 * run-policy-pack registers ts-node with type-checking, which costs seconds on every start;
 * the gate instead compiles the pack with tsc, with the options run-policy-pack gives ts-node
 * (and the pack's tsconfig.json, if it has one), into `policies/.build/<hash>/`, and starts
 * run-policy-pack there. The folder sits inside the pack so Node resolves the pack's
 * node_modules as before. The hash covers every file of the pack (but node_modules/ and
 * .build/) and the TypeScript version, so any edit rebuilds; a type error fails the start,
 * as it fails under ts-node.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type * as TS from "typescript";

/** Where the compiled builds live, inside the pack folder (git-ignored). */
export const buildFolderName = ".build";

/** Finished builds kept beside the current one, so switching branches back and forth is free. */
const keptBuilds = 3;

/** The compiler options run-policy-pack hands ts-node (cmd/run-policy-pack/run.js), before the pack's tsconfig. */
const runPolicyPackOptions = { target: "ES2020", module: "nodenext", moduleResolution: "nodenext", sourceMap: true };

/** Every file of the pack, relative and sorted, but its dependencies and builds. */
function packFiles(packDir: string, sub = ""): string[] {
    const out: string[] = [];
    for (const entry of fs.readdirSync(path.join(packDir, sub), { withFileTypes: true })) {
        const rel = path.join(sub, entry.name);
        if (entry.isDirectory()) {
            if (entry.name === "node_modules" || rel === buildFolderName) continue;
            out.push(...packFiles(packDir, rel));
        } else if (entry.isFile()) {
            out.push(rel);
        }
    }
    return out.sort();
}

interface PackManifest {
    main?: string;
    [key: string]: unknown;
}

function readManifest(packDir: string): PackManifest {
    return JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as PackManifest;
}

/** Where the TypeScript the pack uses lives: the pack's own (as run-policy-pack loads it for ts-node), else golive's. */
function typeScriptPath(packDir: string, request: string): string {
    try {
        return require.resolve(request, { paths: [packDir] });
    } catch {
        return require.resolve(request);
    }
}

/** Its version, read without loading the compiler: an unchanged pack starts without TypeScript. */
function typeScriptVersion(packDir: string): string {
    return (JSON.parse(fs.readFileSync(typeScriptPath(packDir, "typescript/package.json"), "utf8")) as { version: string }).version;
}

function loadTypeScript(packDir: string): typeof TS {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a build is needed
    return require(typeScriptPath(packDir, "typescript")) as typeof TS;
}

/** run-policy-pack's options overlaid with the pack's tsconfig.json compilerOptions (raw JSON, as it reads them). */
function rawCompilerOptions(ts: typeof TS, packDir: string): Record<string, unknown> {
    const file = path.join(packDir, "tsconfig.json");
    if (!fs.existsSync(file)) return { ...runPolicyPackOptions };
    const read = ts.readConfigFile(file, (f) => fs.readFileSync(f, "utf8"));
    const own = (read.config as { compilerOptions?: Record<string, unknown> } | undefined)?.compilerOptions ?? {};
    return { ...runPolicyPackOptions, ...own };
}

/** The folder of the compiled pack for the pack's current sources, compiling it when it is not there yet. */
export function builtPack(packDir: string): string {
    const root = path.resolve(packDir);
    const files = packFiles(root);
    const hash = crypto.createHash("sha256");
    // The pack's tsconfig.json, if any, is one of its files: hashed with them.
    hash.update(`typescript ${typeScriptVersion(root)}\n${JSON.stringify(runPolicyPackOptions)}\n`);
    for (const f of files) {
        hash.update(`${f}\n`);
        hash.update(fs.readFileSync(path.join(root, f)));
        hash.update("\n");
    }
    const buildRoot = path.join(root, buildFolderName);
    const dir = path.join(buildRoot, hash.digest("hex").slice(0, 16));
    if (fs.existsSync(dir)) {
        const now = new Date();
        fs.utimesSync(dir, now, now); // most recently used: kept by the pruning below
        return dir;
    }
    fs.mkdirSync(buildRoot, { recursive: true });
    const tmp = fs.mkdtempSync(`${dir}.tmp-`);
    try {
        const ts = loadTypeScript(root);
        compile(ts, root, rawCompilerOptions(ts, root), files, tmp);
        try {
            fs.renameSync(tmp, dir);
        } catch (e) {
            // Another process finished the same build first: use it.
            if (!fs.existsSync(dir)) throw e;
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    } catch (e) {
        fs.rmSync(tmp, { recursive: true, force: true });
        throw e;
    }
    prune(buildRoot, dir);
    return dir;
}

function compile(ts: typeof TS, root: string, raw: Record<string, unknown>, files: readonly string[], outDir: string): void {
    const converted = ts.convertCompilerOptionsFromJson(raw, root);
    if (converted.errors.length) throw new Error(`policy pack ${root}: tsconfig.json: ${ts.flattenDiagnosticMessageText(converted.errors[0]!.messageText, "\n")}`);
    const options: TS.CompilerOptions = {
        ...converted.options,
        outDir,
        rootDir: root,
        noEmit: false,
        noEmitOnError: true,
        // ts-node reports the errors of the files it compiles, never of a dependency's
        // declarations: skipping those checks is the same verdict, sooner.
        skipLibCheck: true,
        declaration: false,
        composite: false,
        incremental: false,
    };
    const manifest = readManifest(root);
    const main = manifest.main ?? "index.js";
    // run-policy-pack requires the pack's main module; ts-node compiles what it imports, so
    // the roots are the main module alone, exactly what ts-node would check.
    const program = ts.createProgram([path.join(root, main)], options, ts.createCompilerHost(options));
    const own = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !f.fileName.includes("/node_modules/"));
    const diagnostics = [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...own.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
    ];
    const emitted = diagnostics.length ? undefined : program.emit();
    if (diagnostics.length || !emitted || emitted.emitSkipped) {
        const host: TS.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" };
        throw new Error(`policy pack ${root} does not compile (run-policy-pack would refuse to start it):\n${ts.formatDiagnostics([...diagnostics, ...(emitted?.diagnostics ?? [])], host).trim()}`);
    }
    // Everything that is not TypeScript travels as is (PulumiPolicy.yaml, config, data);
    // package.json points at the compiled main module.
    for (const f of files) {
        if (/\.(c|m)?ts$/.test(f) && !f.endsWith(".d.ts")) continue;
        const target = path.join(outDir, f);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        if (f === "package.json") {
            fs.writeFileSync(target, `${JSON.stringify({ ...manifest, main: main.replace(/\.ts$/, ".js") }, null, 2)}\n`);
        } else {
            fs.copyFileSync(path.join(root, f), target);
        }
    }
}

/** Keeps the current build and the few most recently used; removes older ones and stale temporary folders. */
function prune(buildRoot: string, current: string): void {
    const dayMs = 24 * 3600 * 1000;
    const entries = fs.readdirSync(buildRoot, { withFileTypes: true })
        .filter((e) => e.isDirectory() && path.join(buildRoot, e.name) !== current)
        .map((e) => ({ dir: path.join(buildRoot, e.name), tmp: e.name.includes(".tmp-"), mtime: fs.statSync(path.join(buildRoot, e.name)).mtimeMs }))
        .sort((a, b) => b.mtime - a.mtime);
    const builds = entries.filter((e) => !e.tmp);
    const old = [...builds.slice(keptBuilds), ...entries.filter((e) => e.tmp && Date.now() - e.mtime > dayMs)];
    for (const e of old) fs.rmSync(e.dir, { recursive: true, force: true });
}
