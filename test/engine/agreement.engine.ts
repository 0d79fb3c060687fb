/**
 * The real Pulumi engine as the judge of golive's offline gate (npm run test:engine).
 * Each case gives one stack export to both: `pulumi policy analyze --file` (the CLI built by
 * npm run engine:build, local backend, no login, no network) and `npm run analyze -- --file`;
 * they must report the same violations (policy, resource URN, enforcement level, message),
 * the same checks left unevaluated, and the same verdict (see tools/engine/compare.ts for
 * the two normalisations that are by design).
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { policies } from "../../policies/all";
import { projectDir } from "../../tools/cli/main";
import { compare, explain, rootStackUrn, type Comparison } from "../../tools/engine/compare";
import { golive } from "../../tools/engine/golive";
import { isCurrent } from "../../tools/engine/build";
import { pinnedVersion } from "../../tools/engine/layout";
import { engineSandbox, policyAnalyze, pulumi, type EngineAnalysis, type EngineSandbox } from "../../tools/engine/pulumi";
import type { Findings } from "../../tools/report/findings";
import { mutations, unknownMutations, type Mutation, type StackExport } from "./mutations";

const sharedExports = path.resolve(projectDir, "..", "shared", "corpus", "stack-exports");
const configOf = (stack: string) => path.join(projectDir, "policies", "config", `${stack}.json`);

interface Judged {
    comparison: Comparison;
    findings: Findings;
    engine: EngineAnalysis;
    goliveCode: number | null;
}

describe("the real Pulumi CLI and golive's offline gate judge stack exports alike", function () {
    this.timeout(900_000);
    let sandbox: EngineSandbox;
    let work: string;
    const planExport: Record<string, string> = {};

    before(async function () {
        if (!isCurrent()) throw new Error("the Pulumi CLI in .engine/bin is missing or stale for this checkout: run npm run engine:build (npm run test:engine does it first)");
        sandbox = engineSandbox();
        work = fs.mkdtempSync(path.join(os.tmpdir(), "golive-agreement-"));
        // Both shipped stacks' plans, as `npm run plan -- --stack <s> --export <file>` writes them.
        await Promise.all(["staging", "production"].map(async (stack) => {
            const file = path.join(work, `${stack}.plan.json`);
            const r = await golive("plan", ["--stack", stack, "--export", file]);
            assert.ok(r.code === 0 || r.code === 1, `npm run plan -- --stack ${stack} failed (exit ${r.code}):\n${r.stderr}`);
            planExport[stack] = file;
        }));
    });
    after(() => {
        sandbox?.remove();
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    /**
     * Both judges on one file, side by side; `engineFile` when the CLI needs the same
     * resources in another shape. Null when both refuse the file as bad input.
     */
    async function judge(file: string, stack: string, engineFile = file): Promise<Judged | null> {
        const out = path.join(work, `${path.basename(file, ".json")}.${stack}.findings.json`);
        const [g, engine] = await Promise.all([
            golive("analyze", ["--file", file, "--stack", stack, "--json", out]),
            policyAnalyze(engineFile, configOf(stack), sandbox),
        ]);
        if (g.code === 2) {
            // Bad input for golive must be bad input for the engine too: refused before any analysis.
            assert.ok(engine.code !== 0 && engine.result === undefined, `golive refused ${file} (${g.stderr.trim()}) but the engine analyzed it:\n${engine.stdout}`);
            return null;
        }
        assert.ok(g.code === 0 || g.code === 1, `npm run analyze -- --file ${file} failed (exit ${g.code}):\n${g.stderr}`);
        assert.ok(engine.result !== undefined, `pulumi policy analyze --file ${engineFile} did not finish its analysis (exit ${engine.code}):\n${engine.stderr}`);
        const findings = JSON.parse(fs.readFileSync(out, "utf8")) as Findings;
        const resources = (JSON.parse(fs.readFileSync(engineFile, "utf8")) as StackExport).deployment.resources;
        const comparison = compare(findings, engine, rootStackUrn(resources));
        return { comparison, findings, engine, goliveCode: g.code };
    }

    function assertAgree(j: Judged | null): asserts j is Judged {
        assert.ok(j, "both refused the file");
        assert.ok(j.comparison.agree, explain(j.comparison));
        // The CLI's exit code is its verdict: non-zero exactly when a mandatory violation was found.
        assert.equal(j.engine.code === 0, j.comparison.engine.pass);
        assert.equal(j.goliveCode, j.findings.ok ? 0 : 1);
    }

    it("runs the CLI version engine/go.mod pins", async () => {
        const r = await pulumi(["version"], sandbox);
        assert.equal(r.stdout.trim(), pinnedVersion());
    });

    describe("the shipped stacks' plan exports", () => {
        for (const stack of ["staging", "production"]) {
            it(`agree on the ${stack} plan, which has workloads to judge`, async () => {
                const j = await judge(planExport[stack]!, stack);
                assertAgree(j);
                assert.ok(j.findings.checklist.some((c) => c.status === "PASS" || c.status === "WARN"), "the plan was judged by at least one policy");
            });
        }
    });

    describe("every stack export of the shared corpus", () => {
        const files = fs.existsSync(sharedExports) ? fs.readdirSync(sharedExports).filter((f) => f.endsWith(".json")).sort() : [];
        if (files.length === 0) {
            it("skips: ../shared/corpus/stack-exports is not beside this checkout", function () {
                console.log(`      (no corpus at ${sharedExports})`);
                this.skip();
            });
        }
        for (const file of files) {
            it(`agree on ${file}`, async () => {
                const full = path.join(sharedExports, file);
                const doc = JSON.parse(fs.readFileSync(full, "utf8")) as { version: number; features?: unknown; checkpoint?: { latest?: unknown } };
                // Checkpoints before v3 are refused by golive ("export the stack with a current
                // CLI"); the raw file is refused by the engine too, so both get it as it is.
                if (!doc.checkpoint || doc.version < 3) {
                    const j = await judge(full, "production");
                    if (j) assertAgree(j);
                    return;
                }
                // A backend checkpoint: golive reads it, `pulumi policy analyze --file` takes
                // only `pulumi stack export` output, so the engine judges the deployment it holds.
                const unwrapped = path.join(work, `export-of-${file}`);
                fs.writeFileSync(unwrapped, JSON.stringify({ version: doc.version, ...(doc.features ? { features: doc.features } : {}), deployment: doc.checkpoint.latest }));
                const j = await judge(full, "production", unwrapped);
                if (j) assertAgree(j);
            });
        }
        if (files.some((f) => f.includes("checkpoint-v4"))) {
            it("the CLI refuses a backend checkpoint file as --file input, which golive also reads", async () => {
                const r = await policyAnalyze(path.join(sharedExports, files.find((f) => f.includes("checkpoint-v4"))!), configOf("production"), sandbox);
                assert.notEqual(r.code, 0);
                assert.equal(r.result, undefined);
                assert.match(r.stderr, /deserializing deployment from .*checkpoint-v4\.json/);
            });
        }
    });

    /** The production plan export with one change, written to its own file. */
    function mutated(m: Mutation, tag: string): string {
        const doc = JSON.parse(fs.readFileSync(planExport["production"]!, "utf8")) as StackExport;
        m.apply(doc);
        const file = path.join(work, `${tag}-${m.policy}.json`);
        fs.writeFileSync(file, JSON.stringify(doc));
        return file;
    }

    describe("the production plan export changed to violate each policy in turn", () => {
        it("has a change for every policy of the pack", () => {
            assert.deepEqual([...new Set(mutations.map((m) => m.policy))].sort(), policies.map((p) => p.name).sort());
        });
        for (const m of mutations) {
            it(`agree when ${m.change}, a ${m.policy} violation`, async () => {
                const j = await judge(mutated(m, "violates"), "production");
                assertAgree(j);
                assert.ok(
                    j.findings.violations.some((v) => v.policy === m.policy && v.enforcementLevel === "mandatory"),
                    `the change does not violate ${m.policy}: ${JSON.stringify(j.findings.violations.map((v) => v.policy))}`,
                );
                assert.equal(j.engine.code === 0, false);
            });
        }
    });

    describe("values unknown at preview", () => {
        for (const m of unknownMutations) {
            it(`agree that ${m.policy} could not run when the ${m.change.replace(/ unknown$/, "")} is unknown`, async () => {
                const j = await judge(mutated(m, "unknown"), "production");
                assertAgree(j);
                assert.ok(j.comparison.engine.notEvaluated.some((k) => k.startsWith(`${m.policy} | `)), explain(j.comparison));
            });
        }
    });
});
