// The type-check and the lint on one TypeScript program: `tsc --noEmit -p .` and
// `eslint --max-warnings 0 .` each build the same program of the whole repository, which on a
// 2-core machine costs more than half of npm test's CPU. Here the program is built once, its
// diagnostics are the type-check, and typescript-eslint lints with it (parserOptions.programs)
// under the repository's own eslint.config.mjs. `npm run typecheck` and `npm run lint` stay
// the tools themselves, for one of the two. Exits 1 when either finds a problem.
import { createRequire } from "node:module";
import * as path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(path.join(root, "package.json"));
const ts = require("typescript");
const { ESLint } = require("eslint");

const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n")); } };
const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, host);
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences });
const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" };
const typeErrors = ts.formatDiagnostics(diagnostics, formatHost);
console.log(`${typeErrors}typecheck (tsc --noEmit): ${diagnostics.length === 0 ? "ok" : `${diagnostics.length} error(s)`}`);

// A file the program does not include is an error from typescript-eslint, never skipped.
const eslint = new ESLint({ cwd: root, overrideConfig: { languageOptions: { parserOptions: { projectService: false, programs: [program] } } } });
const results = await eslint.lintFiles(["."]);
const problems = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
const text = await (await eslint.loadFormatter("stylish")).format(results);
console.log(`${text}lint (eslint, ${results.length} files): ${problems === 0 ? "ok" : `${problems} problem(s)`}`);
process.exitCode = diagnostics.length === 0 && problems === 0 ? 0 : 1;
