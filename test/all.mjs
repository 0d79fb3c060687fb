// `npm test`: the type-check, the lint and the mocha suite, everything CI needs. ESLint
// (the longest single step) runs beside the type-check and the suite, so a 2-core machine
// keeps both cores busy; its output is printed when it ends, the suite's as it runs. Exits
// non-zero when any step fails; a type error skips the suite. The suite's files are named
// here, not in .mocharc.json (mocha adds a config's spec to the files on its command line),
// so `npx mocha test/<path>.test.ts` runs that file alone.
import { spawn } from "node:child_process";
import * as path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(label, command, args, buffered) {
    return new Promise((resolve) => {
        const child = spawn(command, args, { cwd: root, stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit" });
        let output = "";
        if (buffered) {
            child.stdout.on("data", (d) => (output += d));
            child.stderr.on("data", (d) => (output += d));
        }
        child.on("error", (e) => resolve({ label, code: 1, output: `${label}: ${e.message}\n` }));
        child.on("close", (code) => resolve({ label, code: code ?? 1, output }));
    });
}

function report(r) {
    if (r.output) process.stdout.write(r.output);
    console.log(`${r.label}: ${r.code === 0 ? "ok" : `failed (exit ${r.code})`}`);
}

const lint = run("lint (eslint)", bin("eslint"), ["--max-warnings", "0", "."], true);
const typecheck = await run("typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "."], true);
report(typecheck);
const suite = typecheck.code === 0 ? await run("mocha", bin("mocha"), ["test/**/*.test.ts"], false) : { label: "mocha", code: 1, output: "skipped: the type-check failed\n" };
if (typecheck.code !== 0) report(suite);
const linted = await lint;
report(linted);
process.exitCode = [typecheck, suite, linted].some((r) => r.code !== 0) ? 1 : 0;
