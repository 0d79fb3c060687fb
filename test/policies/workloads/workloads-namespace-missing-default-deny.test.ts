import { strict as assert } from "node:assert";
import { workloadsNamespaceMissingDefaultDeny as policy } from "../../../policies/workloads";
import { analyzeStack, resource, stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { allowPolicy, bucket, compliantStack, defaultDeny, namespace, stackWith, stackWithout } from "./fixtures";

const noDefaultDeny = (ns: string) =>
    `namespace "${ns}" has no default-deny NetworkPolicy (podSelector {}, policyTypes [Ingress], no ingress rules), so every pod there that no other policy selects accepts traffic from anywhere. Add one, then allow ingress only from the gateway and declared callers.`;

describe("workloads-namespace-missing-default-deny", () => {
    it("passes a namespace with a default deny", async () => {
        assert.deepEqual(await stackMessages(policy, compliantStack()), []);
    });

    it("passes a default deny that leaves policyTypes to the API's default (Ingress)", async () => {
        const deny = defaultDeny((p) => { delete p.spec.policyTypes; });
        assert.deepEqual(await stackMessages(policy, stackWith(deny)), []);
    });

    it("refuses a namespace without a default deny, reported on the Namespace", async () => {
        const diagnostics = await analyzeStack(policy, stackWithout("NetworkPolicy").concat(allowPolicy()));
        assert.deepEqual(diagnostics.map((d) => [d.urn, d.message.split("\n")[1]]), [[namespace().urn, noDefaultDeny("teei")]]);
    });

    it("does not take an egress-only policy for a default deny", async () => {
        const deny = defaultDeny((p) => { p.spec.policyTypes = ["Egress"]; });
        assert.deepEqual(await stackMessages(policy, stackWith(deny)), [noDefaultDeny("teei")]);
    });

    it("does not take a policy that selects some pods for a default deny", async () => {
        const deny = defaultDeny((p) => { p.spec.podSelector = { matchLabels: { tier: "web" } }; });
        assert.deepEqual(await stackMessages(policy, stackWith(deny)), [noDefaultDeny("teei")]);
    });

    it("does not take a policy with an ingress rule for a default deny", async () => {
        const deny = defaultDeny((p) => { p.spec.ingress = [{ from: [{ podSelector: {} }] }]; });
        assert.deepEqual(await stackMessages(policy, stackWith(deny)), [noDefaultDeny("teei")]);
    });

    it("does not count a default deny of another namespace", async () => {
        const deny = defaultDeny((p) => { p.metadata.namespace = "gateway"; });
        assert.deepEqual(await stackMessages(policy, stackWith(deny)), [noDefaultDeny("teei")]);
    });

    it("judges manifests without a namespace as living in default", async () => {
        const web = resource("kubernetes:apps/v1:Deployment", "frontend", {
            metadata: { name: "frontend" }, spec: { template: { metadata: { labels: { app: "frontend" } }, spec: { containers: [] } } },
        });
        assert.deepEqual(await stackMessages(policy, [web, defaultDeny()]), [noDefaultDeny("default")]);
    });

    it("cannot pass silently when a default deny's selector is unknown during preview", async () => {
        const deny = defaultDeny((p) => { p.spec.podSelector = UNKNOWN; });
        const [message, ...rest] = await stackMessages(policy, stackWith(deny));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-namespace-missing-default-deny'.*during preview: string value at \.spec\.podSelector can't be known during preview/);
    });

    it("is not applicable to a stack without workloads, and gives no violation", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket()]), [policy.name]);
        assert.deepEqual(await stackMessages(policy, [bucket()]), []);
        assert.deepEqual(await stackNotApplicable(policy, [namespace(), defaultDeny()]), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, compliantStack()), []);
    });
});
