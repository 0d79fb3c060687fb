import { strict as assert } from "node:assert";
import { workloadsNetworkpolicyDisallowAllowAll as policy } from "../../../policies/workloads";
import { messages, notApplicable, UNKNOWN } from "../harness";
import { allowPolicy, bucket, defaultDeny, deployment } from "./fixtures";

const emptyRule = (np: string, i = 0) =>
    `NetworkPolicy ${np} ingress[${i}] is an empty rule {}, which admits traffic from every pod and address on every port while the policy looks restrictive. Name the allowed sources (from: podSelector/namespaceSelector) and ports in the rule.`;

describe("workloads-networkpolicy-disallow-allow-all", () => {
    it("passes an allow policy that names its sources and ports", async () => {
        assert.deepEqual(await messages(policy, allowPolicy()), []);
    });

    it("passes a default deny, which has no ingress rule", async () => {
        assert.deepEqual(await messages(policy, defaultDeny()), []);
    });

    it("passes an ingress rule that opens named ports to every source, which says what it does", async () => {
        assert.deepEqual(await messages(policy, allowPolicy((p) => { delete p.spec.ingress[0].from; })), []);
    });

    it("refuses ingress: [{}], which allows everything while looking restrictive", async () => {
        assert.deepEqual(await messages(policy, allowPolicy((p) => { p.spec.ingress = [{}]; })), [emptyRule("teei/reporting-api")]);
    });

    it("refuses a rule whose from and ports are empty lists", async () => {
        assert.deepEqual(await messages(policy, allowPolicy((p) => { p.spec.ingress.push({ from: [], ports: [] }); })), [emptyRule("teei/reporting-api", 1)]);
    });

    it("leaves an egress-only policy's ingress alone: it isolates no ingress", async () => {
        assert.deepEqual(await messages(policy, allowPolicy((p) => { p.spec.policyTypes = ["Egress"]; p.spec.ingress = [{}]; })), []);
    });

    it("cannot pass silently when an ingress rule is unknown during preview", async () => {
        const [message, ...rest] = await messages(policy, allowPolicy((p) => { p.spec.ingress[0].from = UNKNOWN; }));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-networkpolicy-disallow-allow-all'.*during preview: string value at \.spec\.ingress\.0\.from can't be known during preview/);
    });

    it("reports anything but a NetworkPolicy as not applicable, without a violation", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await notApplicable(policy, deployment()), [policy.name]);
        assert.deepEqual(await messages(policy, deployment()), []);
        assert.deepEqual(await notApplicable(policy, allowPolicy()), []);
    });
});
