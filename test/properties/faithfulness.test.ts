/**
 * The pack driven through its gRPC Analyzer service (tools/analyzer/evaluate.ts, the test
 * run's one served pack, test/hooks.ts) and the same policies called in this process
 * (@pulumi/policy's own Analyze/AnalyzeStack handlers over policies/all.ts, as the policy
 * tests call them) give the same findings on the same resources: the shipped stacks' plans
 * and random mutations of them. Compared: each diagnostic (policy, resource, message) and
 * how many resources each policy judged. Levels are not compared: the served pack takes them
 * from the policy config, the direct call from the policy. The served side's config sets
 * levels only (`{"all": "mandatory"}`): the direct calls have no policy config, so no setting
 * may differ (the shipped configs set some, such as the peer stack's services).
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Policy } from "@pulumi/policy";
import type * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import fc from "fast-check";
import { packName } from "../../policies/all";
import { openGate, type Gate } from "../../tools/analyzer/evaluate";
import { analyzeRequest, analyzeStackRequest, diagnostics } from "../../tools/analyzer/protocol";
import type { EngineResource } from "../../tools/analyzer/resource";
import { packDir } from "../../tools/cli/command";
import { check, kindOf, mutateResource, mutations, policies, runs, shippedPlan, shippedStacks, timeLimit } from "./support";

type Handler = (call: { request: unknown }, cb: (err: unknown, resp?: analyzerProto.AnalyzeResponse) => void) => Promise<void>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- internal module without typings (as test/policies/harness.ts)
const server = require("@pulumi/policy/server") as {
    makeAnalyzeRpcFun(pack: string, version: string, level: string, policies: Policy[]): Handler;
    makeAnalyzeStackRpcFun(pack: string, version: string, level: string, policies: Policy[]): Handler;
};

const packVersion = (JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as { version: string }).version;
const analyzeAll = server.makeAnalyzeRpcFun(packName, packVersion, "mandatory", policies.filter((p) => kindOf(p) === "resource"));
const analyzeStackAll = server.makeAnalyzeStackRpcFun(packName, packVersion, "mandatory", policies.filter((p) => kindOf(p) === "stack"));

function call(handler: Handler, request: unknown): Promise<analyzerProto.AnalyzeResponse> {
    return new Promise((resolve, reject) => void handler({ request }, (err, resp) => (err || !resp ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(resp))));
}

interface Seen {
    diagnostics: string[];
    judged: Record<string, number>;
}

const line = (d: { policyName: string; urn: string | null; message: string }) => `${d.policyName} | ${d.urn ?? "(stack)"} | ${d.message}`;

/** Every policy called in this process, as the engine calls the served pack: Analyze per resource (inputs), AnalyzeStack once (outputs). */
async function direct(resources: readonly EngineResource[]): Promise<Seen> {
    const index = new Map(resources.map((r) => [r.urn, r]));
    const judged: Record<string, number> = Object.fromEntries(policies.map((p) => [p.name, 0]));
    const found: string[] = [];
    const count = (resp: analyzerProto.AnalyzeResponse, kind: "resource" | "stack") => {
        const skipped = new Set(resp.getNotApplicableList().map((n) => n.getPolicyName()));
        for (const p of policies) if (kindOf(p) === kind && !skipped.has(p.name)) judged[p.name]!++;
    };
    for (const r of resources) {
        const resp = await call(analyzeAll, analyzeRequest(r, index));
        count(resp, "resource");
        found.push(...diagnostics(resp, r.urn).map(line));
    }
    const resp = await call(analyzeStackAll, analyzeStackRequest(resources));
    count(resp, "stack");
    found.push(...diagnostics(resp, null).map(line));
    return { diagnostics: found.sort(), judged };
}

async function served(gate: Gate, resources: readonly EngineResource[], stack: string): Promise<Seen> {
    const e = await gate.evaluate(resources, { project: "golive", stack, dryRun: true });
    return { diagnostics: e.diagnostics.map(line).sort(), judged: Object.fromEntries(e.policies.map((p) => [p.name, p.applied])) };
}

describe("properties: the served pack and direct calls give the same findings", function () {
    this.timeout(timeLimit(300_000));
    let gate: Gate;

    before(async () => {
        const levelsOnly = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "golive-faithfulness-")), "levels-only.json");
        fs.writeFileSync(levelsOnly, JSON.stringify({ all: "mandatory" }));
        gate = await openGate({ packDir, policyConfigFile: levelsOnly });
    });
    after(() => gate?.stop());

    for (const stack of shippedStacks) {
        it(`on the ${stack} plan`, async () => {
            const resources = await shippedPlan(stack);
            const [a, b] = [await served(gate, resources, stack), await direct(resources)];
            assert.deepEqual(a.diagnostics, b.diagnostics);
            assert.deepEqual(a.judged, b.judged);
            assert.ok(a.diagnostics.length + Object.values(a.judged).reduce((x, y) => x + y, 0) > 0, "nothing judged: the comparison would be vacuous");
        });
    }

    it("on random mutations of the shipped plans", async () => {
        await check(
            fc.asyncProperty(fc.constantFrom(...shippedStacks), fc.array(fc.tuple(fc.nat(), mutations(3)), { minLength: 1, maxLength: 6 }), async (stack, edits) => {
                const resources = await shippedPlan(stack);
                for (const [i, picks] of edits) resources[i % resources.length] = mutateResource(resources[i % resources.length]!, picks);
                const [a, b] = [await served(gate, resources, stack), await direct(resources)];
                assert.deepEqual(a.diagnostics, b.diagnostics);
                assert.deepEqual(a.judged, b.judged);
            }),
            runs(1, "costly"),
        );
    });
});
