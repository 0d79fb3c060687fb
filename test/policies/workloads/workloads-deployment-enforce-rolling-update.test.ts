import { strict as assert } from "node:assert";
import { workloadsDeploymentEnforceRollingUpdate as policy } from "../../../policies/workloads";
import { messages, notApplicable, resource, UNKNOWN } from "../harness";
import { bucket, deployment, deploymentAt } from "./fixtures";

const fix = "Set strategy {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0, maxSurge: 1}}.";
const d = "Deployment teei/reporting-api";

describe("workloads-deployment-enforce-rolling-update", () => {
    it("passes RollingUpdate with maxUnavailable 0 and maxSurge 1", async () => {
        assert.deepEqual(await messages(policy, deployment()), []);
    });

    it("passes maxUnavailable written as 0%", async () => {
        const dep = deployment((_, props) => { props.spec.strategy.rollingUpdate.maxUnavailable = "0%"; });
        assert.deepEqual(await messages(policy, dep), []);
    });

    it("refuses the Recreate strategy", async () => {
        const dep = deployment((_, props) => { props.spec.strategy = { type: "Recreate" }; });
        assert.deepEqual(await messages(policy, dep), [`${d} uses strategy "Recreate", which stops every pod before starting the new version, so each rollout is an outage. ${fix}`]);
    });

    it("refuses a Deployment without a strategy, which rolls out with maxUnavailable 25%", async () => {
        const dep = deployment((_, props) => { delete props.spec.strategy; });
        assert.deepEqual(await messages(policy, dep), [`${d} rollingUpdate.maxUnavailable is unset (25% by default), so a rollout takes ready pods out of service before their replacements are ready. ${fix}`]);
    });

    it("refuses maxUnavailable 1", async () => {
        const dep = deployment((_, props) => { props.spec.strategy.rollingUpdate.maxUnavailable = 1; });
        assert.deepEqual(await messages(policy, dep), [`${d} rollingUpdate.maxUnavailable is 1, so a rollout takes ready pods out of service before their replacements are ready. ${fix}`]);
    });

    it("refuses maxUnavailable 25%", async () => {
        const dep = deployment((_, props) => { props.spec.strategy.rollingUpdate.maxUnavailable = "25%"; });
        assert.deepEqual(await messages(policy, dep), [`${d} rollingUpdate.maxUnavailable is "25%", so a rollout takes ready pods out of service before their replacements are ready. ${fix}`]);
    });

    it("refuses maxSurge 0 beside maxUnavailable 0, which can never roll out", async () => {
        const dep = deployment((_, props) => { props.spec.strategy.rollingUpdate.maxSurge = 0; });
        assert.deepEqual(await messages(policy, dep), [`${d} rollingUpdate.maxSurge is 0 with maxUnavailable 0, so a rollout can never start a new pod. ${fix}`]);
    });

    it("leaves StatefulSets alone", async () => {
        const sts = resource("kubernetes:apps/v1:StatefulSet", "redis", { metadata: { name: "redis" }, spec: { updateStrategy: { type: "OnDelete" } } });
        assert.deepEqual(await messages(policy, sts), []);
    });

    it("cannot pass silently when maxUnavailable is unknown during preview", async () => {
        const dep = deployment((_, props) => { props.spec.strategy.rollingUpdate.maxUnavailable = UNKNOWN; });
        const [message, ...rest] = await messages(policy, dep);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-deployment-enforce-rolling-update'.*during preview: string value at \.spec\.strategy\.rollingUpdate\.maxUnavailable can't be known during preview/);
    });

    it("reports a resource that is not a Deployment as not applicable, without a violation", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await messages(policy, bucket()), []);
        assert.deepEqual(await notApplicable(policy, resource("kubernetes:apps/v1:StatefulSet", "redis", { spec: { replicas: 3 } })), [policy.name]);
        assert.deepEqual(await notApplicable(policy, deployment()), []);
    });

    it("judges an extensions/v1beta1 Deployment as a Deployment", async () => {
        const old = deploymentAt("extensions/v1beta1", (_, props) => { props.spec.strategy = { type: "Recreate" }; });
        assert.deepEqual(await messages(policy, old), [`${d} uses strategy "Recreate", which stops every pod before starting the new version, so each rollout is an outage. ${fix}`]);
    });
});
