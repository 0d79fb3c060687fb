import { strict as assert } from "node:assert";
import { workloadsPodMissingNetworkpolicy as policy } from "../../../policies/workloads";
import { resource, stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { allowPolicy, bucket, compliantStack, defaultDeny, namespace, stackWithout } from "./fixtures";

const notSelected = (ref = "Deployment teei/reporting-api", ns = "teei", labels = "app.kubernetes.io/name=reporting-api") =>
    `${ref} is not selected by any ingress NetworkPolicy in namespace "${ns}" (pod labels ${labels}), so it accepts traffic from every pod in the cluster. Add a NetworkPolicy selecting those labels that allows only its declared callers, beside a default deny.`;

describe("workloads-pod-missing-networkpolicy", () => {
    it("passes a Deployment its allow policy selects", async () => {
        assert.deepEqual(await stackMessages(policy, compliantStack()), []);
    });

    it("passes a Deployment selected only by an allow policy, leaving the default deny to workloads-namespace-missing-default-deny", async () => {
        assert.deepEqual(await stackMessages(policy, stackWithout("NetworkPolicy").concat(allowPolicy())), []);
    });

    it("refuses a workload no NetworkPolicy selects", async () => {
        assert.deepEqual(await stackMessages(policy, stackWithout("NetworkPolicy")), [notSelected()]);
    });

    it("does not count an allow policy whose selector misses the pod labels", async () => {
        const allow = allowPolicy((p) => { p.spec.podSelector = { matchLabels: { "app.kubernetes.io/name": "billing-api" } }; });
        assert.deepEqual(await stackMessages(policy, stackWithout("NetworkPolicy").concat(allow)), [notSelected()]);
    });

    it("does not count an egress-only policy", async () => {
        const allow = allowPolicy((p) => { p.spec.policyTypes = ["Egress"]; });
        assert.deepEqual(await stackMessages(policy, stackWithout("NetworkPolicy").concat(allow)), [notSelected()]);
    });

    it("does not count a policy of another namespace", async () => {
        const allow = allowPolicy((p) => { p.metadata.namespace = "gateway"; });
        assert.deepEqual(await stackMessages(policy, stackWithout("NetworkPolicy").concat(allow)), [notSelected()]);
    });

    it("judges manifests without a namespace as living in default", async () => {
        const web = resource("kubernetes:apps/v1:Deployment", "frontend", {
            metadata: { name: "frontend" }, spec: { template: { metadata: { labels: { app: "frontend" } }, spec: { containers: [] } } },
        });
        assert.deepEqual(await stackMessages(policy, [web, defaultDeny()]), [notSelected("Deployment default/frontend", "default", "app=frontend")]);
    });

    it("cannot pass silently when a pod selector is unknown during preview", async () => {
        const allow = allowPolicy((p) => { p.spec.podSelector = UNKNOWN; });
        const [message, ...rest] = await stackMessages(policy, stackWithout("NetworkPolicy").concat(allow));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-pod-missing-networkpolicy'.*during preview: string value at \.spec\.podSelector can't be known during preview/);
    });

    it("is not applicable to a stack without workloads, and gives no violation", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket()]), [policy.name]);
        assert.deepEqual(await stackMessages(policy, [bucket()]), []);
        assert.deepEqual(await stackNotApplicable(policy, [namespace(), defaultDeny()]), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, compliantStack()), []);
    });
});
