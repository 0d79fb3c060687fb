/**
 * What the components declare for the example stacks passes every workload policy, run
 * through @pulumi/policy's own Analyze/AnalyzeStack handlers (the policy tests' harness).
 * The end-to-end plan (tools/, in a subprocess) is the lead's test; this one pins the
 * components to the gate, so a default that drifts below it fails here first.
 */
import * as assert from "node:assert/strict";
import type { Policy, StackValidationPolicy } from "@pulumi/policy";
import { workloadPolicies } from "../../../policies/workloads";
import { Workloads, type WorkloadsArgs } from "../../../components/workloads";
import { analyze, analyzeStack, resource } from "../../policies/harness";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { stackArgs, withService } from "./fixtures";
import { installMocks, kubernetesObjects, record } from "./harness";

function isStackPolicy(p: Policy): p is StackValidationPolicy {
    return "validateStack" in p;
}

/** Every workload policy's findings on what `args` declares, as `policy: message` lines. */
async function findings(args: WorkloadsArgs): Promise<string[]> {
    const declared = await record(() => new Workloads("platform", args));
    const resources: EngineResource[] = kubernetesObjects(declared).map((r) => resource(r.type, r.name, r.inputs));
    const out: string[] = [];
    for (const policy of workloadPolicies) {
        const diagnostics = isStackPolicy(policy)
            ? await analyzeStack(policy, resources)
            : (await Promise.all(resources.map((r) => analyze(policy, r)))).flat();
        out.push(...diagnostics.map((d) => `${d.policyName}: ${d.message}`));
    }
    return out;
}

describe("Workloads against the workload policies", () => {
    before(installMocks);

    it("runs every workload policy of the pack", () => {
        assert.ok(workloadPolicies.length >= 14, `${workloadPolicies.length} policies`);
    });

    it("passes every workload policy for the production example", async () => {
        assert.deepEqual(await findings(stackArgs("production")), []);
    });

    it("passes every workload policy for the staging example, canary included", async () => {
        assert.deepEqual(await findings(stackArgs("staging")), []);
    });

    it("keeps a production canary within the gate at every rollout step", async () => {
        for (const weight of [0, 10, 50, 100] as const) {
            const args = withService(stackArgs("production"), "export-service", (s) => ({ ...s, canary: { image: "ghcr.io/teei/export-service:v2.2.0", weight } }));
            assert.deepEqual(await findings(args), [], `weight ${weight}`);
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
