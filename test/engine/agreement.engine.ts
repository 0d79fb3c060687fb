/**
 * The real Pulumi engine as the judge of golive's offline gate (npm run test:engine).
 * Each case gives one stack export to both: `pulumi policy analyze --file` (the CLI built by
 * npm run engine:build, local backend, no login, no network) and golive's `npm run analyze
 * -- --file` (its main, in-process, on the run's shared pack); they must report the same
 * violations (policy, resource URN, enforcement level, message), the same checks left
 * unevaluated, and the same verdict (tools/engine/compare.ts lists the normalisations that
 * are by design). Both judge with the same clock: --now for golive, GOLIVE_NOW for the
 * pack the engine starts (the language host passes the CLI's environment on).
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { policies } from "../../policies/all";
import { main as analyzeMain } from "../../tools/analyze";
import { projectDir } from "../../tools/cli/command";
import { isCurrent } from "../../tools/engine/build";
import { compare, explain, fromFindingsFile, rootStackUrn, type Comparison } from "../../tools/engine/compare";
import { pinnedVersion } from "../../tools/engine/layout";
import { engineSandbox, policyAnalyze, pulumi, type EngineAnalysis, type EngineSandbox } from "../../tools/engine/pulumi";
import { main as planMain } from "../../tools/plan";
import type { FindingsFile } from "../../tools/report/findings-file";
import { corpusDir, corpusPresent } from "../corpus";
import { run } from "../tools/cli";
import { batches, mutations, unknownMutations, type Mutation, type StackExport } from "./mutations";

const configOf = (stack: string) => path.join(projectDir, "policies", "config", `${stack}.json`);
const fixtures = path.join(projectDir, "test", "fixtures", "stack-exports");
/** The clock both judges use, so a time rule's message is the same on both sides. */
const now = "2026-12-01T09:00:00.000Z";

interface Judged {
    comparison: Comparison;
    findings: FindingsFile;
    engine: EngineAnalysis;
    goliveCode: number;
}

const jsonFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : []);

describe("the real Pulumi CLI and golive's offline gate judge stack exports alike", function () {
    this.timeout(900_000);
    let sandbox: EngineSandbox;
    let work: string;
    const planExport: Record<string, string> = {};

    before(async function () {
        if (!isCurrent()) throw new Error("the Pulumi CLI built for this checkout is missing (see .engine): run npm run engine:build (npm run test:engine does it first)");
        sandbox = engineSandbox(undefined, { GOLIVE_NOW: now });
        work = fs.mkdtempSync(path.join(os.tmpdir(), "golive-agreement-"));
        // Both shipped stacks' plans, as `npm run plan -- --stack <s> --export <file>` writes them.
        for (const stack of ["staging", "production"]) {
            const file = path.join(work, `${stack}.plan.json`);
            const r = await run(planMain, ["--stack", stack, "--export", file]);
            assert.ok(r.code === 0 || r.code === 1, `npm run plan -- --stack ${stack} failed (exit ${r.code}):\n${r.stderr}`);
            planExport[stack] = file;
        }
    });
    after(() => {
        sandbox?.remove();
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    /** golive's `npm run analyze -- --file`, in-process; its findings when it judged the file. */
    async function goliveAnalyze(file: string, stack: string, config?: string) {
        const out = path.join(work, `${path.basename(file, ".json")}.${stack}.${Date.now()}.findings.json`);
        const r = await run(analyzeMain, ["--file", file, "--stack", stack, "--json", out, "--now", now, ...(config ? ["--policy-pack-config", config] : [])]);
        return { ...r, findings: fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, "utf8")) as FindingsFile) : undefined };
    }

    /**
     * Both judges on one file, side by side; `engineFile` when the CLI needs the same
     * resources in another shape. Null when both refuse the file as bad input.
     */
    async function judge(file: string, stack: string, engineFile = file, config = configOf(stack)): Promise<Judged | null> {
        const [g, engine] = await Promise.all([goliveAnalyze(file, stack, config), policyAnalyze(engineFile, config, sandbox)]);
        if (g.code === 2) {
            // Bad input for golive must be bad input for the engine too: refused before any analysis.
            assert.ok(engine.code !== 0 && engine.result === undefined, `golive refused ${file} (${g.stderr.trim()}) but the engine analyzed it:\n${engine.stdout}`);
            return null;
        }
        assert.ok((g.code === 0 || g.code === 1) && g.findings, `npm run analyze -- --file ${file} failed (exit ${g.code}):\n${g.stderr}`);
        assert.ok(engine.result !== undefined, `pulumi policy analyze --file ${engineFile} did not finish its analysis (exit ${engine.code}):\n${engine.stderr}`);
        const resources = (JSON.parse(fs.readFileSync(engineFile, "utf8")) as StackExport).deployment.resources;
        return { comparison: compare(fromFindingsFile(g.findings), engine, rootStackUrn(resources)), findings: g.findings, engine, goliveCode: g.code };
    }

    function assertAgree(j: Judged | null): asserts j is Judged {
        assert.ok(j, "both refused the file");
        assert.ok(j.comparison.agree, explain(j.comparison));
        // The CLI's exit code is its verdict: non-zero exactly when a mandatory violation was found.
        assert.equal(j.engine.code === 0, j.comparison.engine.pass);
        assert.equal(j.goliveCode, j.findings.ok ? 0 : 1);
    }

    /** An export file as both take it: a backend checkpoint is unwrapped for the CLI (see below). */
    async function judgeFile(full: string): Promise<Judged | null> {
        const doc = JSON.parse(fs.readFileSync(full, "utf8")) as { version: number; features?: unknown; checkpoint?: { latest?: unknown } };
        // Checkpoints before v3 are refused by golive ("export the stack with a current CLI");
        // the raw file is refused by the engine too, so both get it as it is.
        if (!doc.checkpoint || doc.version < 3) return judge(full, "production");
        // A backend checkpoint: golive reads it, `pulumi policy analyze --file` takes only
        // `pulumi stack export` output, so the engine judges the deployment it holds.
        const unwrapped = path.join(work, `export-of-${path.basename(full)}`);
        fs.writeFileSync(unwrapped, JSON.stringify({ version: doc.version, ...(doc.features ? { features: doc.features } : {}), deployment: doc.checkpoint.latest }));
        return judge(full, "production", unwrapped);
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
                assert.ok(fromFindingsFile(j.findings).judged && j.findings.checklist.some((c) => c.status === "PASS" || c.status === "WARN"), "the plan was judged by at least one policy");
            });
        }
    });

    describe("golive's own stack export fixtures", () => {
        for (const file of jsonFiles(fixtures)) {
            it(`agree on ${file}`, async () => {
                const j = await judgeFile(path.join(fixtures, file));
                if (j) assertAgree(j);
            });
        }
        it("the CLI refuses a backend checkpoint file as --file input, which golive also reads", async () => {
            const r = await policyAnalyze(path.join(fixtures, "checkpoint-v4.json"), configOf("production"), sandbox);
            assert.notEqual(r.code, 0);
            assert.equal(r.result, undefined);
            assert.match(r.stderr, /deserializing deployment from .*checkpoint-v4\.json/);
        });
    });

    describe("every stack export of the real-file corpus", () => {
        const folder = path.join(corpusDir, "stack-exports");
        if (!corpusPresent) {
            it(`skips: the corpus is not at ${corpusDir} (CI has it; set GOLIVE_CORPUS)`, function () {
                this.skip();
            });
        }
        for (const file of corpusPresent ? jsonFiles(folder) : []) {
            it(`agree on ${file}`, async () => {
                const j = await judgeFile(path.join(folder, file));
                if (j) assertAgree(j);
            });
        }
    });

    /** The production plan export with these changes, written to its own file. */
    function mutated(ms: readonly Mutation[], tag: string): string {
        const doc = JSON.parse(fs.readFileSync(planExport["production"]!, "utf8")) as StackExport;
        for (const m of ms) m.apply(doc);
        const file = path.join(work, `${tag}.json`);
        fs.writeFileSync(file, JSON.stringify(doc));
        return file;
    }

    describe("the production plan export changed to violate every policy, a batch of changes per export", () => {
        it("has a change for every policy of the pack, and none for a policy it does not have", () => {
            assert.deepEqual([...new Set(mutations.map((m) => m.policy))].sort(), policies.map((p) => p.name).sort());
        });
        batches(mutations).forEach((batch, i) => {
            it(`agree on batch ${i + 1}: ${batch.map((m) => m.policy).join(", ")}`, async () => {
                const j = await judge(mutated(batch, `violates-${i + 1}`), "production");
                assertAgree(j);
                const violated = new Set(j.findings.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.policy));
                const missed = batch.filter((m) => !violated.has(m.policy)).map((m) => `${m.policy} (${m.change})`);
                assert.deepEqual(missed, [], "these changes violate nothing");
                assert.notEqual(j.engine.code, 0);
            });
        });
    });

    describe("values unknown at preview", () => {
        it(`agree that checks could not run when ${unknownMutations.map((m) => `the ${m.change.replace(/ unknown$/, "")}`).join(" and ")} are unknown`, async () => {
            const j = await judge(mutated(unknownMutations, "unknown"), "production");
            assertAgree(j);
            for (const m of unknownMutations) assert.ok(j.comparison.engine.notEvaluated.some((k) => k.startsWith(`${m.policy} | `)), `${m.policy}: ${explain(j.comparison)}`);
        });
    });

    /**
     * --policy-pack-config: the CLI validates each policy's settings against its configSchema
     * before the analysis; golive's tools/analyzer/policy-config.ts must accept and refuse
     * the same files. Where golive is stricter by design (README), the case says so.
     */
    describe("policy config: the same files accepted and refused", () => {
        const cases: Array<{ title: string; text: string; golive: "accept" | "refuse"; engine: "accept" | "refuse" }> = [
            { title: "every policy advisory", text: '{"all": "advisory"}', golive: "accept", engine: "accept" },
            { title: "an empty file", text: "", golive: "accept", engine: "accept" },
            { title: "all as an object, and one policy disabled", text: '{"all": {"enforcementLevel": "advisory"}, "edge-zone-missing-caa": "disabled"}', golive: "accept", engine: "accept" },
            { title: "a setting within its schema", text: '{"all": "mandatory", "workloads-hpa-configure-replicas": {"enforcementLevel": "mandatory", "minReplicas": 3}}', golive: "accept", engine: "accept" },
            { title: "a file that is not JSON", text: '{"all": mandatory', golive: "refuse", engine: "refuse" },
            { title: "a level that is none", text: '{"all": "sometimes"}', golive: "refuse", engine: "refuse" },
            { title: "a setting of the wrong type", text: '{"workloads-hpa-configure-replicas": {"minReplicas": "two"}}', golive: "refuse", engine: "refuse" },
            { title: "a setting outside its enum", text: '{"monitoring-uptimecheck-configure-schedule": {"maxPeriodSeconds": 120}}', golive: "refuse", engine: "refuse" },
            { title: "a policy name the pack does not have (golive refuses it, the CLI ignores it)", text: '{"workloads-hpa-configure-replica": "advisory"}', golive: "refuse", engine: "accept" },
            { title: "a setting the policy does not have (golive refuses it, the CLI ignores it)", text: '{"workloads-hpa-configure-replicas": {"minReplica": 3}}', golive: "refuse", engine: "accept" },
        ];
        cases.forEach((c, i) => {
            it(`${c.golive === c.engine ? "both" : "they"} ${c.golive === c.engine ? `${c.golive}` : "differ on"} ${c.title}`, async () => {
                const config = path.join(work, `policy-config-${i}.json`);
                fs.writeFileSync(config, c.text);
                const file = planExport["production"]!;
                const [g, engine] = await Promise.all([goliveAnalyze(file, "production", config), policyAnalyze(file, config, sandbox)]);
                const goliveSaid = g.code === 2 ? "refuse" : "accept";
                const engineSaid = engine.result === undefined ? "refuse" : "accept";
                assert.deepEqual({ golive: goliveSaid, engine: engineSaid }, { golive: c.golive, engine: c.engine }, `golive (exit ${g.code}): ${g.stderr.trim()}\nengine (exit ${engine.code}): ${engine.stderr.trim()}`);
                if (goliveSaid === "accept" && engineSaid === "accept") {
                    const resources = (JSON.parse(fs.readFileSync(file, "utf8")) as StackExport).deployment.resources;
                    const comparison = compare(fromFindingsFile(g.findings!), engine, rootStackUrn(resources));
                    assert.ok(comparison.agree, explain(comparison));
                }
            });
        });
    });
});
