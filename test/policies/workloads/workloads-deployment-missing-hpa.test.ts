import { strict as assert } from "node:assert";
import { workloadsDeploymentMissingHpa as policy } from "../../../policies/workloads";
import { resource, stackMessages, stackNotApplicable } from "../harness";
import { bucket, canaryDeployment, compliantStack, hpa, stackWith, stackWithout } from "./fixtures";

const noHpa = "Deployment teei/reporting-api has no HorizontalPodAutoscaler, so it runs a fixed number of pods and cannot absorb load. Add an autoscaling/v2 HorizontalPodAutoscaler in its namespace whose scaleTargetRef names it (kind Deployment), with minReplicas of at least 2 and a maxReplicas above it.";

describe("workloads-deployment-missing-hpa", () => {
    it("passes a Deployment an HPA scales", async () => {
        assert.deepEqual(await stackMessages(policy, compliantStack()), []);
    });

    it("refuses a Deployment without an HPA, even with replicas: 2 and a PDB", async () => {
        assert.deepEqual(await stackMessages(policy, stackWithout("HorizontalPodAutoscaler")), [noHpa]);
    });

    it("refuses a Deployment whose HPA targets another Deployment", async () => {
        const other = hpa((props) => { props.spec.scaleTargetRef.name = "billing-api"; });
        assert.deepEqual(await stackMessages(policy, stackWith(other)), [noHpa]);
    });

    it("refuses a Deployment whose HPA lives in another namespace", async () => {
        const other = hpa((props) => { props.metadata.namespace = "default"; });
        assert.deepEqual(await stackMessages(policy, stackWith(other)), [noHpa]);
    });

    it("refuses a Deployment whose HPA targets a StatefulSet of the same name", async () => {
        const other = hpa((props) => { props.spec.scaleTargetRef.kind = "StatefulSet"; });
        assert.deepEqual(await stackMessages(policy, stackWith(other)), [noHpa]);
    });

    it("asks no HPA of a canary Deployment: its size follows the rollout step", async () => {
        assert.deepEqual(await stackMessages(policy, stackWith(canaryDeployment())), []);
    });

    it("is not applicable to a stack without Deployments, and gives no violation", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket()]), [policy.name]);
        assert.deepEqual(await stackMessages(policy, [bucket()]), []);
        const sts = resource("kubernetes:apps/v1:StatefulSet", "redis", { metadata: { name: "redis", namespace: "teei" }, spec: { replicas: 3 } });
        assert.deepEqual(await stackNotApplicable(policy, [sts]), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, compliantStack()), []);
    });
});
