// `npm run test:fuzz [-- --seed N] [-- --runs N]`: the property suite (test/properties/) as a
// larger campaign: every property runs `--runs` times (a tenth of that for a property that
// judges a whole stack per run, a fiftieth for one that plans or serves one), from a fixed
// seed unless told otherwise. `npm test` runs the same properties with a few runs each.
// A failure prints fast-check's counterexample and the command that replays it.
import { spawn } from "node:child_process";
import * as path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const usage = "usage: npm run test:fuzz -- [--seed <integer>] [--runs <integer>] [mocha file ...]";
let values, positionals;
try {
    ({ values, positionals } = parseArgs({ options: { seed: { type: "string" }, runs: { type: "string" }, help: { type: "boolean", short: "h" } }, allowPositionals: true }));
} catch (e) {
    console.error(`error: ${e.message}\n${usage}`);
    process.exit(2);
}
if (values.help) {
    console.log(usage);
    process.exit(0);
}
const integer = (flag, given, fallback) => {
    if (given === undefined) return fallback;
    if (!/^-?\d+$/.test(given)) {
        console.error(`error: --${flag} ${JSON.stringify(given)}: expected an integer\n${usage}`);
        process.exit(2);
    }
    return Number(given);
};
const seed = integer("seed", values.seed, 20261201);
const runs = integer("runs", values.runs, 50);
const files = positionals.length ? positionals : ["test/properties/**/*.test.ts"];
console.log(`fuzz campaign: seed ${seed}, ${runs} runs per cheap property (replay: npm run test:fuzz -- --seed ${seed} --runs ${runs})`);
const started = Date.now();
const child = spawn(path.join(root, "node_modules", ".bin", "mocha"), ["--reporter", "dot", ...files], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, GOLIVE_FUZZ_SEED: String(seed), GOLIVE_FUZZ_RUNS: String(runs) },
});
child.on("close", (code) => {
    console.log(`fuzz campaign: seed ${seed}, ${runs} runs: ${code === 0 ? "no counterexample" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s` + (code === 0 ? "" : ` (replay: npm run test:fuzz -- --seed ${seed} --runs ${runs})`));
    process.exitCode = code ?? 1;
});
