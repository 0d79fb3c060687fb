import { strict as assert } from "node:assert";
import { workloadsHpaConfigureReplicas as policy } from "../../../policies/workloads";
import { messages, notApplicable, resource, UNKNOWN } from "../harness";
import { resourcePolicyWithConfig } from "./config";
import { bucket, deployment, hpa, plannedFrom } from "./fixtures";

describe("workloads-hpa-configure-replicas", () => {
    it("passes an HPA scaling from 2 to 10 pods", async () => {
        assert.deepEqual(await messages(policy, hpa()), []);
    });

    it("declares minReplicas in its config schema with the default it applies", () => {
        assert.deepEqual(policy.configSchema?.properties["minReplicas"], { type: "integer", minimum: 1, default: 2 });
    });

    it("refuses minReplicas 1", async () => {
        const h = hpa((p) => { p.spec.minReplicas = 1; });
        assert.deepEqual(await messages(policy, h), ["HorizontalPodAutoscaler teei/reporting-api minReplicas is 1, below 2, so one pod carries all traffic at low load and a single eviction is an outage. Set spec.minReplicas to at least 2."]);
    });

    it("refuses an unset minReplicas, 1 by default", async () => {
        const h = hpa((p) => { delete p.spec.minReplicas; });
        assert.deepEqual(await messages(policy, h), ["HorizontalPodAutoscaler teei/reporting-api minReplicas is unset (1 by default), below 2, so one pod carries all traffic at low load and a single eviction is an outage. Set spec.minReplicas to at least 2."]);
    });

    it("refuses maxReplicas equal to minReplicas, which never scales", async () => {
        const h = hpa((p) => { p.spec.maxReplicas = 2; });
        assert.deepEqual(await messages(policy, h), ["HorizontalPodAutoscaler teei/reporting-api maxReplicas is 2, not above minReplicas 2, so it can never scale out. Set spec.maxReplicas above 2 (e.g. 10)."]);
    });

    it("refuses maxReplicas below minReplicas", async () => {
        const h = hpa((p) => { p.spec.maxReplicas = 1; });
        assert.deepEqual(await messages(policy, h), ["HorizontalPodAutoscaler teei/reporting-api maxReplicas is 1, not above minReplicas 2, so it can never scale out. Set spec.maxReplicas above 2 (e.g. 10)."]);
    });

    it("judges an autoscaling/v1 HPA the same way", async () => {
        const v1 = resource("kubernetes:autoscaling/v1:HorizontalPodAutoscaler", "podinfo", {
            metadata: { name: "podinfo" }, spec: { scaleTargetRef: { kind: "Deployment", name: "podinfo" }, minReplicas: 1, maxReplicas: 4 },
        });
        assert.deepEqual(await messages(policy, v1), ["HorizontalPodAutoscaler default/podinfo minReplicas is 1, below 2, so one pod carries all traffic at low load and a single eviction is an outage. Set spec.minReplicas to at least 2."]);
    });

    it("names the stack config keys of the range for an HPA golive planned", async () => {
        const h = hpa((p) => { plannedFrom(p, "golive:services[2]"); p.spec.minReplicas = 1; p.spec.maxReplicas = 1; });
        assert.deepEqual(await messages(policy, h), [
            "HorizontalPodAutoscaler teei/reporting-api minReplicas is 1, below 2, so one pod carries all traffic at low load and a single eviction is an outage. Set Pulumi.test.yaml: golive:services[2].replicas.min (spec.minReplicas) to at least 2.",
            "HorizontalPodAutoscaler teei/reporting-api maxReplicas is 1, not above minReplicas 1, so it can never scale out. Set Pulumi.test.yaml: golive:services[2].replicas.max (spec.maxReplicas) above 1 (e.g. 10).",
        ]);
    });

    it("names the stack file of the stack the HPA belongs to", async () => {
        const h = hpa((p) => { plannedFrom(p); p.spec.minReplicas = 1; });
        const production = { ...h, urn: h.urn.replace("urn:pulumi:test::", "urn:pulumi:production::") };
        assert.deepEqual(await messages(policy, production), [
            "HorizontalPodAutoscaler teei/reporting-api minReplicas is 1, below 2, so one pod carries all traffic at low load and a single eviction is an outage. Set Pulumi.production.yaml: golive:services[0].replicas.min (spec.minReplicas) to at least 2.",
        ]);
    });

    it("ignores a golive.dev/config annotation that is not a golive config key", async () => {
        const h = hpa((p) => { plannedFrom(p, "services[0]; rm -rf"); p.spec.minReplicas = 1; });
        assert.deepEqual(await messages(policy, h), ["HorizontalPodAutoscaler teei/reporting-api minReplicas is 1, below 2, so one pod carries all traffic at low load and a single eviction is an outage. Set spec.minReplicas to at least 2."]);
    });

    it("uses the minimum set in policy config", async () => {
        const configured = resourcePolicyWithConfig(policy, { minReplicas: 3 });
        assert.deepEqual(await messages(configured, hpa()), ["HorizontalPodAutoscaler teei/reporting-api minReplicas is 2, below 3, so one pod carries all traffic at low load and a single eviction is an outage. Set spec.minReplicas to at least 3."]);
    });

    it("cannot pass silently when minReplicas is unknown during preview", async () => {
        const h = hpa((p) => { p.spec.minReplicas = UNKNOWN; });
        const [message, ...rest] = await messages(policy, h);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-hpa-configure-replicas'.*during preview: string value at \.spec\.minReplicas can't be known during preview/);
    });

    it("reports a resource that is not an HPA as not applicable, without a violation", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await messages(policy, bucket()), []);
        assert.deepEqual(await notApplicable(policy, deployment()), [policy.name]);
        assert.deepEqual(await notApplicable(policy, hpa()), []);
    });
});
