import type { PolicyResource, ReportViolation } from "@pulumi/policy";
import { isKind, kubernetesKinds, namespaceOf, objectRef, resourcesOfKind, selectorMatches, stackPolicy } from "../lib";
import { formatIntOrPercent, intOrPercent, scaled } from "./int-or-percent";
import { hpaMinReplicas, hpasTargeting, specReplicas } from "./scaling";
import { formatLabels, podLabelsOf } from "./selectors";

const fix = "Cover it with exactly one PodDisruptionBudget that selects its pod labels and sets maxUnavailable: 1 or a minAvailable below its minimum scale.";

/** The pod count a PDB must still allow a disruption at, and how messages name it. */
interface Floor { pods: number; text: string }

/** Why a PDB blocks every eviction at `floor` pods, or undefined when it allows one. */
function blockingReason(pdb: PolicyResource, floor: Floor): string | undefined {
    const spec = pdb.props.spec;
    const maxUnavailable: unknown = spec?.maxUnavailable;
    const minAvailable: unknown = spec?.minAvailable;
    if (maxUnavailable !== undefined && maxUnavailable !== null) {
        const v = intOrPercent(maxUnavailable);
        if (!v || scaled(v, floor.pods) < 1) {
            return `sets maxUnavailable ${formatIntOrPercent(maxUnavailable)}, so no pod can ever be evicted`;
        }
        return undefined;
    }
    if (minAvailable !== undefined && minAvailable !== null) {
        const v = intOrPercent(minAvailable);
        if (!v || floor.pods - scaled(v, floor.pods) < 1) {
            return `sets minAvailable ${formatIntOrPercent(minAvailable)}, not below ${floor.text}, so at that scale no pod can be evicted`;
        }
        return undefined;
    }
    return "sets neither minAvailable nor maxUnavailable, so it says nothing about disruptions";
}

/** A Deployment's minimum scale: its HPA's minReplicas, else spec.replicas (1 when unset). */
function floorOf(d: PolicyResource, hpas: readonly PolicyResource[]): Floor {
    if (hpas.length > 0) {
        const min = Math.min(...hpas.map((h) => hpaMinReplicas(h.props)));
        return { pods: min, text: `the HPA minimum of ${min}` };
    }
    const count = specReplicas(d.props);
    return { pods: count, text: `its ${count} replica${count === 1 ? "" : "s"}` };
}

/**
 * Every Deployment is covered by one PodDisruptionBudget that still allows a disruption at
 * minimum scale (the HPA's minReplicas, else spec.replicas; summed over every Deployment the
 * PDB selects, since it counts all their pods). Polaris
 * (pdbMinAvailableGreaterThanHPAMinReplicas, #1190) and kube-linter (#637) pass this
 * cross-check when the PDB is missing; here a missing PDB is a finding (a missing HPA is
 * workloads-deployment-missing-hpa's). Two PDBs on one pod are refused: the eviction API
 * rejects such pods outright.
 */
export const workloadsDeploymentMissingPdb = stackPolicy({
    name: "workloads-deployment-missing-pdb",
    description: "Every Deployment is covered by exactly one PodDisruptionBudget that still allows a disruption at its minimum scale (the HPA minimum, else spec.replicas).",
    severity: "high",
    runbook: ["004.deploy.zero-downtime"],
    remediation: fix,
    appliesTo: kubernetesKinds("apps/Deployment"),
    validateStack: (args, reportViolation: ReportViolation) => {
        const pdbs = resourcesOfKind(args.resources, "policy", "PodDisruptionBudget");
        const deployments = args.resources.filter((r) => isKind(r.type, "apps", "Deployment"));
        const floors = new Map(deployments.map((d) => [d, floorOf(d, hpasTargeting(args.resources, d))]));
        // Who covers whom, worked out once: every (PDB, Deployment) pair is matched one time,
        // each object's namespace, labels and selector read once (props are the SDK's
        // unknown-checking proxies, slow to walk), not once per Deployment judged.
        const pods = new Map(deployments.map((d) => [d, { ns: namespaceOf(d.props), labels: podLabelsOf(d.type, d.props) }]));
        const coveredBy = new Map<PolicyResource, PolicyResource[]>(deployments.map((d) => [d, []]));
        const coverage = new Map<PolicyResource, PolicyResource[]>();
        for (const pdb of pdbs) {
            const ns = namespaceOf(pdb.props);
            const selector: unknown = pdb.props.spec?.selector;
            const covered = deployments.filter((d) => pods.get(d)!.ns === ns && selectorMatches(selector, pods.get(d)!.labels));
            coverage.set(pdb, covered);
            for (const d of covered) coveredBy.get(d)!.push(pdb);
        }
        for (const d of deployments) {
            const name = objectRef(d.type, d.props);
            const ns = namespaceOf(d.props);
            const covering = coveredBy.get(d)!;
            if (covering.length === 0) {
                const labels = podLabelsOf(d.type, d.props);
                reportViolation(`${name} is not covered by a PodDisruptionBudget (none in namespace "${ns}" selects its pod labels ${formatLabels(labels)}), so a node drain may evict all its pods at once. ${fix}`, d.urn);
                continue;
            }
            if (covering.length > 1) {
                const names = covering.map((p) => objectRef(p.type, p.props)).join(", ");
                reportViolation(`${name} is covered by ${covering.length} PodDisruptionBudgets (${names}); the eviction API refuses pods with more than one, so node drains stall. ${fix}`, d.urn);
                continue;
            }
            const pdb = covering[0]!;
            const covered = coverage.get(pdb)!;
            // Judge a PDB shared by several Deployments once, at the first of them.
            if (covered[0] !== d) continue;
            const floor: Floor = covered.length === 1
                ? floors.get(d)!
                : { pods: covered.reduce((sum, c) => sum + floors.get(c)!.pods, 0), text: "" };
            if (covered.length > 1) floor.text = `the ${floor.pods} pods of the ${covered.length} Deployments it covers at minimum scale`;
            const reason = blockingReason(pdb, floor);
            if (reason) {
                reportViolation(`${objectRef(pdb.type, pdb.props)} covering ${name} ${reason}, and node drains and upgrades stall. Set maxUnavailable: 1 or a minAvailable below ${floor.pods}.`, pdb.urn);
            }
        }
    },
});
