/**
 * `analyze` on random, mutated and truncated stack exports and Kubernetes manifests, called
 * in-process through its `main(argv)` (the pack is the run's shared one): it exits 0, 1 or 2
 * with a message, never 3 (an internal error), never a stack trace, never a hang. A refusal
 * (exit 2) is one or more `error:` lines naming the file.
 *
 * The inputs start from the shipped plans' exports and the fixtures a user would pass, so
 * mutations reach the reader's and the pack's code rather than stopping at JSON.parse.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { main as analyze } from "../../tools/analyze";
import { stackExport } from "../../tools/export/write";
import { errorLines, run, tmpDir, type Run } from "../tools/cli";
import { check, hostilePresent, hostileValue, mutate, positions, runs, setAt, shippedPlan, timeLimit } from "./support";

const fixtures = path.resolve(__dirname, "..", "fixtures");
const exportFixtures = fs.readdirSync(path.join(fixtures, "stack-exports")).map((f) => path.join(fixtures, "stack-exports", f));
const manifestFixtures = fs.readdirSync(path.join(fixtures, "k8s-manifests")).map((f) => path.join(fixtures, "k8s-manifests", f));

/** A command must answer within this, or it hangs. */
const hangMs = 30_000;

async function analyzeWithin(argv: string[]): Promise<Run> {
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`analyze ${argv.join(" ")} did not answer within ${hangMs / 1000} s`)), hangMs)));
    try {
        return await Promise.race([run(analyze, argv), hang]);
    } finally {
        clearTimeout(timer);
    }
}

/** Exit 0, 1 or 2; a message; no stack trace; a refusal names the file. */
function assertAnswered(r: Run, file: string): void {
    const all = `${r.stdout}\n${r.stderr}`;
    assert.ok([0, 1, 2].includes(r.code), `exit ${r.code} on ${file}:\n${r.stderr.slice(0, 2000)}`);
    assert.doesNotMatch(all, /^\s+at .+:\d+:\d+\)?$/m, `a stack trace on ${file}:\n${all.slice(0, 2000)}`);
    assert.doesNotMatch(all, /internal error/);
    if (r.code === 2) {
        const lines = errorLines(r);
        assert.ok(lines.length > 0, `exit 2 without an error line on ${file}: ${r.stderr.slice(0, 500)}`);
        assert.ok(lines.some((l) => l.includes(file)), `exit 2 without naming ${file}: ${lines.join(" | ")}`);
    } else {
        assert.ok(r.stdout.trim().length > 0, `exit ${r.code} with no report on ${file}`);
    }
}

describe("properties: analyze answers random, mutated and truncated exports and manifests with exit 0, 1 or 2", function () {
    this.timeout(timeLimit(300_000));
    const dir = tmpDir("analyze-props");
    let shipped: string;
    let seq = 0;
    const write = (name: string, text: string) => {
        const file = path.join(dir, `${seq++}-${name}`);
        fs.writeFileSync(file, text);
        return file;
    };

    before(async () => {
        shipped = `${JSON.stringify(stackExport(await shippedPlan("production"), new Date("2026-01-01T00:00:00Z"), "0.0.0"), null, 2)}\n`;
    });

    const sources = () => [shipped, ...exportFixtures.map((f) => fs.readFileSync(f, "utf8"))];

    it("answers an export cut anywhere (a copy interrupted mid-write)", async () => {
        await check(
            fc.asyncProperty(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), async (which, cut) => {
                const text = sources()[which % sources().length]!;
                const file = write("truncated.json", text.slice(0, Math.floor(text.length * cut)));
                assertAnswered(await analyzeWithin(["--file", file, "--stack", "production"]), file);
            }),
            runs(6),
        );
    });

    it("answers an export with hostile values anywhere in it (wrong types, nulls, unknowns, removed keys, huge arrays)", async () => {
        await check(
            fc.asyncProperty(fc.nat(), fc.array(fc.record({ pick: fc.nat(), to: hostileValue }), { minLength: 1, maxLength: 4 }), async (which, picks) => {
                const source = JSON.parse(sources()[which % sources().length]!) as Record<string, unknown>;
                const file = write("mutated.json", JSON.stringify(mutate(source, picks).props));
                assertAnswered(await analyzeWithin(["--file", file, "--stack", "production"]), file);
            }),
            runs(1, "costly"),
        );
    });

    it("answers wholly random JSON given as an export", async () => {
        await check(
            fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ version: hostilePresent, deployment: fc.record({ resources: hostilePresent }) })), async (doc) => {
                const file = write("random.json", JSON.stringify(doc) ?? "");
                assertAnswered(await analyzeWithin(["--file", file, "--stack", "production"]), file);
            }),
            runs(6),
        );
    });

    it("answers Kubernetes manifests cut anywhere or with hostile values in an object", async () => {
        const YAML = await import("yaml");
        await check(
            fc.asyncProperty(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.option(fc.tuple(fc.nat(), hostilePresent)), async (which, cut, edit) => {
                const text = fs.readFileSync(manifestFixtures[which % manifestFixtures.length]!, "utf8");
                let out: string;
                if (edit) {
                    const docs = YAML.parseAllDocuments(text).map((d) => d.toJSON() as unknown);
                    const all = positions(docs);
                    const changed = all.length ? setAt(docs, all[edit[0] % all.length]!, edit[1]) : docs;
                    out = changed.map((d) => YAML.stringify(d)).join("---\n");
                } else out = text.slice(0, Math.floor(text.length * cut));
                const file = write("objects.yaml", out);
                assertAnswered(await analyzeWithin(["--manifests", file, "--stack", "production"]), file);
            }),
            runs(5),
        );
    });
});
