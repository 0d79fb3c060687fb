/**
 * What the components declare for the example stacks passes every workload policy, run
 * through @pulumi/policy's own Analyze/AnalyzeStack handlers (the policy tests' harness).
 * The whole plan of each shipped stack through the served pack is test/tools/plan.test.ts;
 * this one pins the components to the gate, so a default that drifts below it, or a label a
 * policy no longer sees, fails here first.
 */
import * as assert from "node:assert/strict";
import type { Policy, StackValidationPolicy } from "@pulumi/policy";
import { policies } from "../../../policies/all";
import { workloadPolicies } from "../../../policies/workloads";
import { Workloads, type WorkloadsArgs } from "../../../components/workloads";
import { judgement, resource } from "../../policies/harness";
import { stackArgs, withService } from "./fixtures";
import { installMocks, kubernetesObjects, record } from "./harness";

function isStackPolicy(p: Policy): p is StackValidationPolicy {
    return "validateStack" in p;
}

/**
 * Every workload policy on what `args` declares: its findings as `policy: message` lines, and
 * the policies that judged something (did not report every resource not applicable).
 */
async function gate(args: WorkloadsArgs): Promise<{ findings: string[]; judging: string[] }> {
    const resources = kubernetesObjects(await record(() => new Workloads("platform", args))).map((r) => resource(r.type, r.name, r.inputs));
    const findings: string[] = [];
    const judging: string[] = [];
    for (const policy of workloadPolicies) {
        const answers = isStackPolicy(policy) ? [await judgement(policy, resources)] : await Promise.all(resources.map((r) => judgement(policy, r)));
        findings.push(...answers.flatMap((a) => a.diagnostics).map((d) => `${d.policyName}: ${d.message}`));
        if (answers.some((a) => a.judged)) judging.push(policy.name);
    }
    return { findings, judging };
}

async function findings(args: WorkloadsArgs): Promise<string[]> {
    return (await gate(args)).findings;
}

const workloadNames = workloadPolicies.map((p) => p.name);

/** The production example moved to launch-eve, where the rollback versions are judged too (it ships at pre-launch). */
const productionAtLaunchEve = (): WorkloadsArgs => ({ ...stackArgs("production"), launchPhase: "launch-eve" });

describe("Workloads against the workload policies", () => {
    before(installMocks);

    it("runs every workload policy of the pack", () => {
        assert.deepEqual(workloadNames, policies.map((p) => p.name).filter((n) => n.startsWith("workloads-")));
    });

    it("passes every workload policy for the production example at launch-eve, each judging something but the canary's (production has no canary)", async () => {
        const g = await gate(productionAtLaunchEve());
        assert.deepEqual(g.findings, []);
        assert.deepEqual(g.judging, workloadNames.filter((n) => n !== "workloads-canary-require-same-image"));
    });

    it("passes every workload policy for the staging example, each judging something, its canary included, but the rollback version (staging is pre-launch)", async () => {
        const g = await gate(stackArgs("staging"));
        assert.deepEqual(g.findings, []);
        assert.deepEqual(g.judging, workloadNames.filter((n) => n !== "workloads-deployment-require-rollback-version"));
    });

    it("keeps a production canary within the gate at every rollout step", async () => {
        for (const weight of [0, 10, 50, 100] as const) {
            const args = withService(productionAtLaunchEve(), "export-service", (s) => ({ ...s, canary: { image: "ghcr.io/teei/export-service:v2.2.0", weight } }));
            const g = await gate(args);
            assert.deepEqual(g.findings, [], `weight ${weight}`);
            assert.deepEqual(g.judging, workloadNames, `weight ${weight}: the canary's policies look at it`);
        }
    });

    it("is caught by the gate when a tuning override weakens a default, naming the stack config key to change", async () => {
        const weak = withService(stackArgs("production"), "q2q-pipeline", (s) => ({ ...s, replicas: { min: 1, max: 1 } }));
        const found = (await findings(weak)).filter((f) => f.startsWith("workloads-hpa-configure-replicas: ")).map((f) => f.split("\n")[1]);
        assert.deepEqual(found, [
            "HorizontalPodAutoscaler teei/q2q-pipeline minReplicas is 1, below 2, so one pod carries all traffic at low load and a single eviction is an outage. Set Pulumi.test.yaml: golive:services[1].replicas.min (spec.minReplicas) to at least 2.",
            "HorizontalPodAutoscaler teei/q2q-pipeline maxReplicas is 1, not above minReplicas 1, so it can never scale out. Set Pulumi.test.yaml: golive:services[1].replicas.max (spec.maxReplicas) above 1 (e.g. 10).",
        ]);
    });
});
