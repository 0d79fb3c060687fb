/**
 * Every `npm run` command the README shows names a script package.json has, and every one a
 * reader can paste as written (no `<placeholder>`) runs here, in-process through the command's
 * `main(argv)`, and exits 0; its output files go to a temporary folder. The long-running ones
 * are run where they belong, and this file says where, so none is left unrun.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { main as analyze } from "../tools/analyze";
import { main as indexes } from "../tools/indexes";
import { main as plan } from "../tools/plan";
import { projectDir, run, tmpDir } from "./tools/cli";

const readme = fs.readFileSync(path.join(projectDir, "README.md"), "utf8");
const scripts = (JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

/** The shell lines of the README's ```sh blocks, continuation lines joined, comments dropped. */
function shellLines(): string[] {
    const lines: string[] = [];
    for (const block of readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)) {
        const joined = block[1]!.replace(/\\\n\s*/g, " ");
        for (const raw of joined.split("\n")) {
            const line = raw.replace(/\s+#.*$/, "").trim();
            if (line && !line.startsWith("#")) lines.push(line);
        }
    }
    return lines;
}

interface NpmRun {
    script: string;
    args: string[];
    line: string;
}

/** Each `npm run <script> [-- args]` in a shell line (a line may chain several with &&). */
function npmRuns(): NpmRun[] {
    const found: NpmRun[] = [];
    for (const line of shellLines()) {
        for (const part of line.split(/\s*(?:&&|;)\s*/)) {
            const m = /^(?:[A-Z_]+=\S+\s+)*npm run (\S+)(?:\s+--\s+(.*))?$/.exec(part.trim());
            if (m) found.push({ script: m[1]!, args: m[2] ? m[2].split(/\s+/) : [], line });
        }
    }
    return found;
}

/** Optional `[...]` parts are left out, as a reader trying the command would. */
function withoutOptional(args: string[]): string[] {
    return args.join(" ").replace(/\s*\[[^\]]*\]/g, "").split(/\s+/).filter(Boolean);
}

const runsInProcess: Record<string, (argv: string[]) => Promise<number>> = {
    plan,
    analyze,
    indexes: (argv) => Promise.resolve(indexes(argv, { out: () => undefined, err: () => undefined })),
};

/** Scripts too long for npm test, and where each runs instead. */
const runElsewhere: Record<string, string> = {
    bench: "test/tools/bench.test.ts runs it at 1x with one repetition",
    "engine:build": "CI's `npm run test:engine` runs it first (.ci/run)",
    "test:engine": ".ci/run",
    "engine:bench": ".ci/run runs it on a 4-service stack",
    "test:fuzz": ".ci/run",
};

describe("the README's commands", function () {
    this.timeout(120_000);
    const commands = npmRuns();
    const out = tmpDir("readme");

    it("shows npm run commands (the extraction found them)", () => {
        assert.ok(commands.length >= 10, commands.map((c) => c.line).join("\n"));
    });

    it("names only scripts package.json has", () => {
        assert.deepEqual(commands.filter((c) => !(c.script in scripts)).map((c) => c.line), []);
    });

    it("runs every script it names somewhere: here, or where this file says", () => {
        const unrun = [...new Set(commands.map((c) => c.script))].filter((s) => !(s in runsInProcess) && !(s in runElsewhere));
        assert.deepEqual(unrun, []);
    });

    const concrete = new Map<string, NpmRun>();
    for (const c of commands) {
        const args = withoutOptional(c.args);
        if (c.script in runsInProcess && !args.some((a) => /[<>]|\.\.\./.test(a))) concrete.set(`${c.script} ${args.join(" ")}`, { ...c, args });
    }
    for (const [label, c] of concrete) {
        it(`npm run ${label.trim()} exits 0`, async () => {
            // Output files the README names (report.md, bench.json) are written to a temporary folder.
            const args = c.args.map((a, i) => (i > 0 && /^--(json|markdown|export)$/.test(c.args[i - 1]!) ? path.join(out, path.basename(a)) : a));
            const r = await run(runsInProcess[c.script]!, args);
            assert.equal(r.code, 0, `${c.line}\n${r.stderr}\n${r.stdout.slice(-2000)}`);
        });
    }
});
