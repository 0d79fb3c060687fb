/**
 * Random and mutated stack configs, from the shipped stacks: keys dropped, duplicated,
 * retyped and perturbed. Either the config is refused, every problem one line naming the
 * stack file and the key (`Pulumi.production.yaml: golive:services[0].port: ...`), or it
 * plans: the Kubernetes objects valid and every registered policy run.
 *
 * Validation is the program's own parser (config.ts parseStackConfig), called directly for
 * many runs; whole plans (`main(argv)` in-process, ~1-3 s each) only a handful.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import * as YAML from "yaml";
import { ConfigError, parseStackConfig } from "../../config";
import { InputError } from "../../tools/cli/errors";
import { readManifests, validateManifest } from "../../tools/manifests";
import { main as plan } from "../../tools/plan";
import { readStackFile } from "../../tools/plan/stack-config";
import type { FindingsFile } from "../../tools/report/findings-file";
import { errorLines, run, tmpDir } from "../tools/cli";
import { check, hostilePresent, hostileValue, mutate, policies, positions, projectDir, remove, runs, setAt, shippedStacks, type ShippedStack, timeLimit } from "./support";

type Raw = Record<string, string>;

function shippedRaw(stack: ShippedStack): Raw {
    return readStackFile(projectDir, stack).config;
}

/** One change to a stack's raw config (`golive:key` -> the string the CLI hands over). */
const edit = fc.oneof(
    fc.record({ op: fc.constant("drop" as const), key: fc.nat() }),
    fc.record({ op: fc.constant("retype" as const), key: fc.nat(), picks: fc.array(fc.record({ pick: fc.nat(), to: hostileValue }), { minLength: 1, maxLength: 3 }) }),
    fc.record({ op: fc.constant("rename" as const), key: fc.nat(), how: fc.constantFrom("typo", "case", "nested") , pick: fc.nat() }),
    fc.record({ op: fc.constant("whole" as const), key: fc.nat(), to: hostilePresent }),
    fc.record({ op: fc.constant("add" as const), name: fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,12}$/), to: hostilePresent }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function decode(v: string): unknown {
    try {
        return JSON.parse(v);
    } catch {
        return v;
    }
}

function applyEdit(raw: Raw, e: Edit): Raw {
    const keys = Object.keys(raw);
    const out = { ...raw };
    if (e.op === "add") {
        out[`golive:${e.name}`] = JSON.stringify(e.to) ?? "null";
        return out;
    }
    const key = keys[e.key % keys.length]!;
    if (e.op === "drop") delete out[key];
    else if (e.op === "whole") out[key] = typeof e.to === "string" ? e.to : JSON.stringify(e.to);
    else if (e.op === "retype") {
        const v = decode(out[key]!);
        out[key] = JSON.stringify(v && typeof v === "object" ? mutate(v as Record<string, unknown>, e.picks).props : e.picks[0]!.to === remove ? null : e.picks[0]!.to) ?? "null";
    } else {
        const v = decode(out[key]!);
        const all = v && typeof v === "object" ? positions(v).filter((p) => typeof p[p.length - 1] === "string") : [];
        if (e.how === "nested" && all.length) {
            // A nested key misspelt: the same value under a near name.
            const at = all[e.pick % all.length]!;
            const name = String(at[at.length - 1]);
            const parent = at.slice(0, -1);
            let changed = setAt(v, at, remove);
            changed = setAt(changed, [...parent, `${name}s`], (at.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], v)));
            out[key] = JSON.stringify(changed);
        } else {
            delete out[key];
            const bare = key.slice("golive:".length);
            out[`golive:${e.how === "case" ? bare.toUpperCase() : `${bare}x`}`] = raw[key]!;
        }
    }
    return out;
}

/** Refused with ConfigError lines that each name the file and a golive: key; or accepted. */
function assertRefusedOrAccepted(raw: Raw, file: string, stack: ShippedStack): "refused" | "accepted" {
    try {
        parseStackConfig(raw, () => false, file, stack);
        return "accepted";
    } catch (e) {
        assert.ok(e instanceof ConfigError, `parseStackConfig threw ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`);
        assert.ok(e.problems.length > 0);
        for (const line of e.problems) {
            assert.ok(!line.includes("\n"));
            assert.match(line, new RegExp(`^${file.replace(/\./g, "\\.")}: golive:[A-Za-z]`), `not naming the file and key: ${line}`);
        }
        return "refused";
    }
}

describe("properties: a mutated stack config is refused naming the file and key, or plans", function () {
    this.timeout(timeLimit(300_000));

    for (const stack of shippedStacks) {
        it(`${stack}: the config parser refuses a mutated config line by line (file and key), or accepts it`, async () => {
            const raw = shippedRaw(stack);
            const file = `Pulumi.${stack}.yaml`;
            assert.equal(assertRefusedOrAccepted(raw, file, stack), "accepted", `the shipped ${file} is refused`);
            await check(
                fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
                    assertRefusedOrAccepted(edits.reduce(applyEdit, raw), file, stack);
                }),
                runs(150),
            );
        });
    }

    it("a stack file with a key given twice is refused in one line naming the file", () => {
        const dir = tmpDir("dup-key");
        const text = fs.readFileSync(path.join(projectDir, "Pulumi.production.yaml"), "utf8");
        fc.assert(
            fc.property(fc.nat(), (n) => {
                const lines = text.split("\n");
                const keyLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /^ {2}golive:[a-zA-Z]+:/.test(l));
                const [line, i] = keyLines[n % keyLines.length]!;
                const file = path.join(dir, "Pulumi.production.yaml");
                fs.writeFileSync(file, [...lines.slice(0, i + 1), line.replace(/^( {2}golive:[a-zA-Z]+):.*$/, "$1: duplicate"), ...lines.slice(i + 1)].join("\n"));
                assert.throws(() => readStackFile(projectDir, "production", file), (e: unknown) => e instanceof InputError && e.message.split("\n").length === 1 && e.message.startsWith(file));
            }),
            { seed: 15, numRuns: runs(10) },
        );
    });

    it("a handful of whole plans of mutated stacks: exit 2 naming the file, or a plan with valid Kubernetes objects and every policy run", async () => {
        const dir = tmpDir("config-plans");
        let n = 0;
        await check(
            fc.asyncProperty(fc.constantFrom(...shippedStacks), fc.array(edit, { minLength: 1, maxLength: 2 }), async (stack, edits) => {
                const raw = edits.reduce(applyEdit, shippedRaw(stack));
                const out = path.join(dir, String(n++));
                fs.mkdirSync(out);
                const file = path.join(out, `Pulumi.${stack}.yaml`);
                const config: Record<string, unknown> = {};
                for (const [k, v] of Object.entries(raw)) config[k] = decode(v);
                fs.writeFileSync(file, YAML.stringify({ config }));
                const r = await run(plan, ["--stack", stack, "--stack-file", file, "--json", path.join(out, "findings.json"), "--manifests", path.join(out, "manifests")]);
                assert.doesNotMatch(`${r.stdout}${r.stderr}`, /internal error|^\s+at .+:\d+:\d+\)?$/m, r.stderr);
                if (r.code === 2) {
                    const lines = errorLines(r);
                    assert.ok(lines.length > 0 && lines.every((l) => l.includes(file)), `exit 2 with lines not naming ${file}: ${r.stderr}`);
                    return;
                }
                assert.ok([0, 1].includes(r.code), `exit ${r.code}: ${r.stderr}`);
                const findings = JSON.parse(fs.readFileSync(path.join(out, "findings.json"), "utf8")) as FindingsFile;
                assert.deepEqual(findings.policies.map((p) => p.name).sort(), policies.map((p) => p.name).sort(), "not every registered policy ran");
                const objects = await readManifests(path.join(out, "manifests"));
                assert.ok(objects.length > 0);
                for (const o of objects) assert.deepEqual((await validateManifest(o.object)).errors, [], o.file);
            }),
            runs(1, "costly"),
        );
    });
});
