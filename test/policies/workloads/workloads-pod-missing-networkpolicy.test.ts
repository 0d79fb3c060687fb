import { strict as assert } from "node:assert";
import { workloadsPodMissingNetworkpolicy as policy } from "../../../policies/workloads";
import { analyzeStack, resource, stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { allowPolicy, bucket, compliantStack, defaultDeny, namespace, stackWith, stackWithout } from "./fixtures";

const noDefaultDeny = (ns: string) =>
    `namespace "${ns}" has no default-deny NetworkPolicy (podSelector {}, policyTypes [Ingress], no ingress rules), so every pod there that no other policy selects accepts traffic from anywhere. Add one, then allow ingress only from the gateway and declared callers.`;
const emptyRule = (np: string, i = 0) =>
    `NetworkPolicy ${np} ingress[${i}] is an empty rule {}, which admits traffic from every pod and address on every port while the policy looks restrictive. Name the allowed sources (from: podSelector/namespaceSelector) and ports in the rule.`;

describe("workloads-pod-missing-networkpolicy", () => {
    it("passes a namespace with a default deny and an allow policy for the Deployment", async () => {
        assert.deepEqual(await stackMessages(policy, compliantStack()), []);
    });

    it("passes a default deny that leaves policyTypes to the API's default (Ingress)", async () => {
        const deny = defaultDeny((p) => { delete p.spec.policyTypes; });
        assert.deepEqual(await stackMessages(policy, stackWith(deny)), []);
    });

    it("passes an ingress rule that opens named ports to every source, which says what it does", async () => {
        const allow = allowPolicy((p) => { delete p.spec.ingress[0].from; });
        assert.deepEqual(await stackMessages(policy, stackWith(allow)), []);
    });

    it("refuses a namespace without a default deny, reported on the Namespace", async () => {
        const diagnostics = await analyzeStack(policy, stackWithout("NetworkPolicy").concat(allowPolicy()));
        assert.deepEqual(diagnostics.map((d) => [d.urn, d.message.split("\n")[1]]), [[namespace().urn, noDefaultDeny("teei")]]);
    });

    it("refuses a namespace without any NetworkPolicy, and each workload nobody selects", async () => {
        assert.deepEqual(await stackMessages(policy, stackWithout("NetworkPolicy")), [
            noDefaultDeny("teei"),
            'Deployment teei/reporting-api is not selected by any ingress NetworkPolicy in namespace "teei" (pod labels app.kubernetes.io/name=reporting-api), so it accepts traffic from every pod in the cluster. Add a NetworkPolicy selecting those labels that allows only its declared callers, beside a default deny.',
        ]);
    });

    it("does not take an egress-only policy for a default deny", async () => {
        const deny = defaultDeny((p) => { p.spec.policyTypes = ["Egress"]; });
        assert.deepEqual(await stackMessages(policy, stackWith(deny)), [noDefaultDeny("teei")]);
    });

    it("does not take a policy that selects some pods for a default deny", async () => {
        const deny = defaultDeny((p) => { p.spec.podSelector = { matchLabels: { tier: "web" } }; });
        assert.deepEqual(await stackMessages(policy, stackWith(deny)), [noDefaultDeny("teei")]);
    });

    it("does not count a default deny of another namespace", async () => {
        const deny = defaultDeny((p) => { p.metadata.namespace = "gateway"; });
        assert.deepEqual(await stackMessages(policy, stackWith(deny)), [noDefaultDeny("teei")]);
    });

    it("refuses ingress: [{}], which allows everything while looking restrictive", async () => {
        const allow = allowPolicy((p) => { p.spec.ingress = [{}]; });
        assert.deepEqual(await stackMessages(policy, stackWith(allow)), [emptyRule("teei/reporting-api")]);
    });

    it("refuses a rule whose from and ports are empty lists", async () => {
        const allow = allowPolicy((p) => { p.spec.ingress.push({ from: [], ports: [] }); });
        assert.deepEqual(await stackMessages(policy, stackWith(allow)), [emptyRule("teei/reporting-api", 1)]);
    });

    it("judges manifests without a namespace as living in default", async () => {
        const web = resource("kubernetes:apps/v1:Deployment", "frontend", {
            metadata: { name: "frontend" }, spec: { template: { metadata: { labels: { app: "frontend" } }, spec: { containers: [] } } },
        });
        const np = resource("kubernetes:networking.k8s.io/v1:NetworkPolicy", "frontend", {
            metadata: { name: "frontend" }, spec: { podSelector: { matchLabels: { app: "frontend" } }, policyTypes: ["Ingress", "Egress"], ingress: [{}], egress: [{}] },
        });
        assert.deepEqual(await stackMessages(policy, [web, np]), [emptyRule("default/frontend"), noDefaultDeny("default")]);
    });

    it("cannot pass silently when an ingress rule is unknown during preview", async () => {
        const allow = allowPolicy((p) => { p.spec.ingress[0].from = UNKNOWN; });
        const [message, ...rest] = await stackMessages(policy, stackWith(allow));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-pod-missing-networkpolicy'.*during preview: string value at \.spec\.ingress\.0\.from can't be known during preview/);
    });

    it("is not applicable to a stack without workloads or NetworkPolicies, and gives no violation", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket()]), [policy.name]);
        assert.deepEqual(await stackMessages(policy, [bucket()]), []);
        assert.deepEqual(await stackNotApplicable(policy, [namespace(), bucket()]), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, compliantStack()), []);
        // NetworkPolicies alone are judged too: their rules can open everything.
        assert.deepEqual(await stackNotApplicable(policy, [defaultDeny()]), []);
    });
});
