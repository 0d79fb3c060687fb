import { strict as assert } from "node:assert";
import { workloadsDeploymentMissingPdb as policy } from "../../../policies/workloads";
import { resource, stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { bucket, canaryDeployment, compliantStack, deployment, pdb, stackWith, stackWithout } from "./fixtures";

const fix = "Cover it with exactly one PodDisruptionBudget that selects its pod labels and sets maxUnavailable: 1 or a minAvailable below its minimum scale.";
const noPdb = `Deployment teei/reporting-api is not covered by a PodDisruptionBudget (none in namespace "teei" selects its pod labels app.kubernetes.io/name=reporting-api), so a node drain may evict all its pods at once. ${fix}`;
const blocks = (reason: string, below = 2) =>
    `PodDisruptionBudget teei/reporting-api covering Deployment teei/reporting-api ${reason}, and node drains and upgrades stall. Set maxUnavailable: 1 or a minAvailable below ${below}.`;

describe("workloads-deployment-missing-pdb", () => {
    it("passes a Deployment with an HPA (min 2) and a PDB with minAvailable 1", async () => {
        assert.deepEqual(await stackMessages(policy, compliantStack()), []);
    });

    it("passes a PDB with maxUnavailable 1", async () => {
        const p = pdb((props) => { delete props.spec.minAvailable; props.spec.maxUnavailable = 1; });
        assert.deepEqual(await stackMessages(policy, stackWith(p)), []);
    });

    it("passes minAvailable 50%, which leaves one of two pods evictable", async () => {
        const p = pdb((props) => { props.spec.minAvailable = "50%"; });
        assert.deepEqual(await stackMessages(policy, stackWith(p)), []);
    });

    it("passes a PDB that selects the pods with matchExpressions", async () => {
        const p = pdb((props) => { props.spec.selector = { matchExpressions: [{ key: "app.kubernetes.io/name", operator: "In", values: ["reporting-api", "billing-api"] }] }; });
        assert.deepEqual(await stackMessages(policy, stackWith(p)), []);
    });

    it("passes a Deployment with replicas: 2 and a PDB but no HPA: a missing HPA is workloads-deployment-missing-hpa's concern", async () => {
        assert.deepEqual(await stackMessages(policy, stackWithout("HorizontalPodAutoscaler")), []);
    });

    it("refuses a Deployment without a PDB even when its HPA is fine", async () => {
        assert.deepEqual(await stackMessages(policy, stackWithout("PodDisruptionBudget")), [noPdb]);
    });

    it("does not pass when both the HPA and the PDB are missing (the Polaris #1190 false pass)", async () => {
        assert.deepEqual(await stackMessages(policy, stackWithout("HorizontalPodAutoscaler", "PodDisruptionBudget")), [noPdb]);
    });

    it("refuses a PDB whose selector does not match the pod labels", async () => {
        const p = pdb((props) => { props.spec.selector.matchLabels = { "app.kubernetes.io/name": "reporting" }; });
        assert.deepEqual(await stackMessages(policy, stackWith(p)), [noPdb]);
    });

    it("refuses a PDB in another namespace", async () => {
        const p = pdb((props) => { props.metadata.namespace = "default"; });
        assert.deepEqual(await stackMessages(policy, stackWith(p)), [noPdb]);
    });

    it("refuses two PDBs on the same pods, which the eviction API rejects", async () => {
        const second = resource("kubernetes:policy/v1:PodDisruptionBudget", "reporting-api-extra", {
            metadata: { name: "reporting-api-extra", namespace: "teei" }, spec: { maxUnavailable: 1, selector: {} },
        });
        assert.deepEqual(await stackMessages(policy, stackWith(second)), [
            `Deployment teei/reporting-api is covered by 2 PodDisruptionBudgets (PodDisruptionBudget teei/reporting-api, PodDisruptionBudget teei/reporting-api-extra); the eviction API refuses pods with more than one, so node drains stall. ${fix}`,
        ]);
    });

    it("refuses maxUnavailable 0", async () => {
        const p = pdb((props) => { delete props.spec.minAvailable; props.spec.maxUnavailable = 0; });
        assert.deepEqual(await stackMessages(policy, stackWith(p)), [blocks("sets maxUnavailable 0, so no pod can ever be evicted")]);
    });

    it("refuses maxUnavailable 0%", async () => {
        const p = pdb((props) => { delete props.spec.minAvailable; props.spec.maxUnavailable = "0%"; });
        assert.deepEqual(await stackMessages(policy, stackWith(p)), [blocks('sets maxUnavailable "0%", so no pod can ever be evicted')]);
    });

    it("refuses minAvailable equal to the HPA minimum", async () => {
        const p = pdb((props) => { props.spec.minAvailable = 2; });
        assert.deepEqual(await stackMessages(policy, stackWith(p)), [blocks("sets minAvailable 2, not below the HPA minimum of 2, so at that scale no pod can be evicted")]);
    });

    it("refuses minAvailable 100%", async () => {
        const p = pdb((props) => { props.spec.minAvailable = "100%"; });
        assert.deepEqual(await stackMessages(policy, stackWith(p)), [blocks('sets minAvailable "100%", not below the HPA minimum of 2, so at that scale no pod can be evicted')]);
    });

    it("refuses a PDB that sets neither minAvailable nor maxUnavailable", async () => {
        const p = pdb((props) => { delete props.spec.minAvailable; });
        assert.deepEqual(await stackMessages(policy, stackWith(p)), [blocks("sets neither minAvailable nor maxUnavailable, so it says nothing about disruptions")]);
    });

    it("judges a PDB against spec.replicas when there is no HPA", async () => {
        const d = deployment((_, props) => { props.spec.replicas = 1; });
        const stack = stackWithout("HorizontalPodAutoscaler").map((r) => (r.urn === d.urn ? d : r));
        assert.deepEqual(await stackMessages(policy, stack), [blocks("sets minAvailable 1, not below its 1 replica, so at that scale no pod can be evicted", 1)]);
    });

    it("counts a canary's pods in the PDB it shares with stable", async () => {
        assert.deepEqual(await stackMessages(policy, stackWith(canaryDeployment())), []);
        const p = pdb((props) => { props.spec.minAvailable = 4; });
        assert.deepEqual(await stackMessages(policy, stackWith(canaryDeployment(), p)), [
            blocks("sets minAvailable 4, not below the 4 pods of the 2 Deployments it covers at minimum scale, so at that scale no pod can be evicted", 4),
        ]);
    });

    it("cannot pass silently when minAvailable is unknown during preview", async () => {
        const p = pdb((props) => { props.spec.minAvailable = UNKNOWN; });
        const [message, ...rest] = await stackMessages(policy, stackWith(p));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-deployment-missing-pdb'.*during preview: string value at \.spec\.minAvailable can't be known during preview/);
    });

    it("is not applicable to a stack without Deployments, and gives no violation", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket()]), [policy.name]);
        assert.deepEqual(await stackMessages(policy, [bucket()]), []);
        assert.deepEqual(await stackNotApplicable(policy, stackWithout("Deployment")), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, compliantStack()), []);
    });
});
