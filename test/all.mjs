// `npm test`: the type-check and the lint (one program for both, test/check.mjs) beside the
// mocha suite, everything CI needs; on a 2-core machine both cores stay busy. The check's
// output is printed when it ends, the suite's as it runs. Exits non-zero when either fails.
// The suite's files are named here, not in .mocharc.json (mocha adds a config's spec to the
// files on its command line), so `npx mocha test/<path>.test.ts` runs that file alone.
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

const check = run("typecheck and lint", process.execPath, [path.join(root, "test", "check.mjs")], true);
const suite = await run("mocha", bin("mocha"), ["test/**/*.test.ts"], false);
report(suite);
const checked = await check;
report(checked);
process.exitCode = [checked, suite].some((r) => r.code !== 0) ? 1 : 0;
