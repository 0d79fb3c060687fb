import { strict as assert } from "node:assert";
import { workloadsPodRequireZoneSpread as policy } from "../../../policies/workloads";
import { resource, stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { bucket, canaryDeployment, compliantStack, deployment, hpa, stackWith, stackWithout } from "./fixtures";

const fix = "Add a topologySpreadConstraint {topologyKey: topology.kubernetes.io/zone, maxSkew: 1, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app.kubernetes.io/name: reporting-api}}}.";
const noSpread = (pods = "up to 10 pods (HorizontalPodAutoscaler maxReplicas)") =>
    `Deployment teei/reporting-api runs ${pods} with no topology spread or pod anti-affinity on topology.kubernetes.io/zone, so the scheduler may put them all in one zone and one zone outage takes them all. ${fix}`;
const notOwnPods = "Deployment teei/reporting-api runs up to 10 pods (HorizontalPodAutoscaler maxReplicas), and its zone spread or anti-affinity rules select none of its own pods (labels app.kubernetes.io/name=reporting-api), so they do not spread them and one zone outage can take them all. " + fix;
const withoutSpread = deployment((spec) => { delete spec.topologySpreadConstraints; });
const zoneTerm = { topologyKey: "topology.kubernetes.io/zone", labelSelector: { matchLabels: { "app.kubernetes.io/name": "reporting-api" } } };

describe("workloads-pod-require-zone-spread", () => {
    it("passes a Deployment whose topology spread on the zone selects its own pods", async () => {
        assert.deepEqual(await stackMessages(policy, compliantStack()), []);
    });

    it("passes a soft spread (ScheduleAnyway), which the scheduler still honours where it can", async () => {
        const d = deployment((spec) => { spec.topologySpreadConstraints[0].whenUnsatisfiable = "ScheduleAnyway"; });
        assert.deepEqual(await stackMessages(policy, stackWith(d)), []);
    });

    it("passes required or preferred pod anti-affinity on the zone", async () => {
        const required = deployment((spec) => { delete spec.topologySpreadConstraints; spec.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [zoneTerm] } }; });
        assert.deepEqual(await stackMessages(policy, stackWith(required)), []);
        const preferred = deployment((spec) => { delete spec.topologySpreadConstraints; spec.affinity = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: zoneTerm }] } }; });
        assert.deepEqual(await stackMessages(policy, stackWith(preferred)), []);
    });

    it("refuses a Deployment an HPA scales to 10 pods without zone spread", async () => {
        assert.deepEqual(await stackMessages(policy, stackWith(withoutSpread)), [noSpread()]);
    });

    it("refuses a Deployment with replicas: 2 and no HPA without zone spread", async () => {
        const stack = stackWithout("HorizontalPodAutoscaler").map((r) => (r.urn === withoutSpread.urn ? withoutSpread : r));
        assert.deepEqual(await stackMessages(policy, stack), [noSpread("2 pods (spec.replicas)")]);
    });

    it("refuses a spread on the hostname only, which keeps every pod in one zone possible", async () => {
        const d = deployment((spec) => { spec.topologySpreadConstraints[0].topologyKey = "kubernetes.io/hostname"; });
        assert.deepEqual(await stackMessages(policy, stackWith(d)), [noSpread()]);
    });

    it("refuses a zone spread whose labelSelector selects other pods", async () => {
        const d = deployment((spec) => { spec.topologySpreadConstraints[0].labelSelector = { matchLabels: { "app.kubernetes.io/name": "billing-api" } }; });
        assert.deepEqual(await stackMessages(policy, stackWith(d)), [notOwnPods]);
    });

    it("refuses a zone spread without a labelSelector, which counts no pods", async () => {
        const d = deployment((spec) => { delete spec.topologySpreadConstraints[0].labelSelector; });
        assert.deepEqual(await stackMessages(policy, stackWith(d)), [notOwnPods]);
    });

    it("asks nothing of a workload that never runs more than one pod", async () => {
        const single = hpa((props) => { props.spec.minReplicas = 1; props.spec.maxReplicas = 1; });
        assert.deepEqual(await stackMessages(policy, stackWith(withoutSpread, single)), []);
        const one = deployment((spec, props) => { delete spec.topologySpreadConstraints; props.spec.replicas = 1; });
        assert.deepEqual(await stackMessages(policy, stackWithout("HorizontalPodAutoscaler").map((r) => (r.urn === one.urn ? one : r))), []);
    });

    it("judges a StatefulSet like a Deployment", async () => {
        const sts = resource("kubernetes:apps/v1:StatefulSet", "redis", { metadata: { name: "redis", namespace: "teei" }, spec: { replicas: 3, template: { metadata: { labels: { app: "redis" } }, spec: { containers: [] } } } });
        assert.deepEqual(await stackMessages(policy, [sts]), [
            "StatefulSet teei/redis runs 3 pods (spec.replicas) with no topology spread or pod anti-affinity on topology.kubernetes.io/zone, so the scheduler may put them all in one zone and one zone outage takes them all. Add a topologySpreadConstraint {topologyKey: topology.kubernetes.io/zone, maxSkew: 1, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: redis}}}.",
        ]);
    });

    it("passes a canary whose spread selects its pods", async () => {
        assert.deepEqual(await stackMessages(policy, stackWith(canaryDeployment())), []);
    });

    it("cannot pass silently when the spread constraints are unknown during preview", async () => {
        const d = deployment((spec) => { spec.topologySpreadConstraints = UNKNOWN; });
        const [message, ...rest] = await stackMessages(policy, stackWith(d));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-pod-require-zone-spread'.*during preview: string value at \.spec\.template\.spec\.topologySpreadConstraints can't be known during preview/);
    });

    it("is not applicable to a stack without Deployments or StatefulSets, and gives no violation", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket()]), [policy.name]);
        assert.deepEqual(await stackMessages(policy, [bucket()]), []);
        assert.deepEqual(await stackNotApplicable(policy, compliantStack()), []);
    });
});
