import { strict as assert } from "node:assert";
import { workloadsDeploymentRequireReplicas as policy } from "../../../policies/workloads";
import { resource, stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { stackPolicyWithConfig } from "./config";
import { bucket, compliantStack, deployment, hpa, stackWith, stackWithout } from "./fixtures";

const single = (replicas: string, floor = 2) =>
    `Deployment teei/reporting-api spec.replicas is ${replicas}, below ${floor}, and no HorizontalPodAutoscaler scales it, so one crash or node drain takes it down. Set spec.replicas to at least ${floor} or add an HPA with minReplicas of at least ${floor}.`;

describe("workloads-deployment-require-replicas", () => {
    it("passes the compliant stack", async () => {
        assert.deepEqual(await stackMessages(policy, compliantStack()), []);
    });

    it("declares minReplicas in its config schema with the default it applies", () => {
        assert.deepEqual(policy.configSchema?.properties["minReplicas"], { type: "integer", minimum: 1, default: 2 });
    });

    it("passes 2 replicas without an HPA", async () => {
        assert.deepEqual(await stackMessages(policy, stackWithout("HorizontalPodAutoscaler")), []);
    });

    it("leaves a Deployment an HPA scales to the HPA, whatever spec.replicas says", async () => {
        const d = deployment((_, props) => { props.spec.replicas = 1; });
        assert.deepEqual(await stackMessages(policy, stackWith(d)), []);
    });

    it("refuses 1 replica without an HPA", async () => {
        const d = deployment((_, props) => { props.spec.replicas = 1; });
        assert.deepEqual(await stackMessages(policy, [d]), [single("1")]);
    });

    it("refuses an unset replica count, 1 by default", async () => {
        const d = deployment((_, props) => { delete props.spec.replicas; });
        assert.deepEqual(await stackMessages(policy, [d]), [single("unset (1 by default)")]);
    });

    it("does not count an HPA that targets another Deployment", async () => {
        const d = deployment((_, props) => { props.spec.replicas = 1; });
        const other = hpa((p) => { p.spec.scaleTargetRef.name = "billing-api"; });
        assert.deepEqual(await stackMessages(policy, [d, other]), [single("1")]);
    });

    it("does not count an HPA in another namespace", async () => {
        const d = deployment((_, props) => { props.spec.replicas = 1; });
        const other = hpa((p) => { p.metadata.namespace = "staging"; });
        assert.deepEqual(await stackMessages(policy, [d, other]), [single("1")]);
    });

    it("judges a StatefulSet without a namespace as living in default", async () => {
        const sts = resource("kubernetes:apps/v1:StatefulSet", "redis", { metadata: { name: "redis" }, spec: { replicas: 1 } });
        assert.deepEqual(await stackMessages(policy, [sts]), ["StatefulSet default/redis spec.replicas is 1, below 2, and no HorizontalPodAutoscaler scales it, so one crash or node drain takes it down. Set spec.replicas to at least 2 or add an HPA with minReplicas of at least 2."]);
    });

    it("uses the minimum set in policy config", async () => {
        const configured = stackPolicyWithConfig(policy, { minReplicas: 3 });
        assert.deepEqual(await stackMessages(configured, stackWithout("HorizontalPodAutoscaler")), [single("2", 3)]);
    });

    it("cannot pass silently when replicas are unknown during preview", async () => {
        const d = deployment((_, props) => { props.spec.replicas = UNKNOWN; });
        const [message, ...rest] = await stackMessages(policy, [d]);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-deployment-require-replicas'.*during preview: string value at \.spec\.replicas can't be known during preview/);
    });

    it("is not applicable to a stack without Deployments or StatefulSets, and gives no violation", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket()]), [policy.name]);
        assert.deepEqual(await stackMessages(policy, [bucket()]), []);
        assert.deepEqual(await stackNotApplicable(policy, stackWithout("Deployment")), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, compliantStack()), []);
    });
});
