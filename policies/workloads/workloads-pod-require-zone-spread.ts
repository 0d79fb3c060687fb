import type { PolicyResource } from "@pulumi/policy";
import { isOneOf, kubernetesKinds, kubernetesLabels, objectRef, podSpecOf, selectorMatches, stackPolicy, type GroupKind, type Json } from "../lib";
import { hpasTargeting, specReplicas } from "./scaling";
import { formatLabels, podLabelsOf } from "./selectors";

const zoneTopologyKey = kubernetesLabels.zone;

const replicated: readonly GroupKind[] = ["apps/Deployment", "apps/StatefulSet"];

/** The most pods a workload runs: its HPAs' maxReplicas, else spec.replicas (1 when unset). */
function podRange(w: PolicyResource, resources: readonly PolicyResource[]): { max: number; text: string } {
    const hpas = hpasTargeting(resources, w);
    if (hpas.length > 0) {
        const maxes = hpas.map((h) => h.props.spec?.maxReplicas).filter((m): m is number => typeof m === "number");
        const max = maxes.length > 0 ? Math.max(...maxes) : 1;
        return { max, text: `up to ${max} pods (HorizontalPodAutoscaler maxReplicas)` };
    }
    const count = specReplicas(w.props);
    return { max: count, text: `${count} pods (spec.replicas)` };
}

function list(v: Json): Json[] {
    return Array.isArray(v) ? v : [];
}

/** The zone-keyed spread constraints and anti-affinity terms of a pod spec, and whether one selects these labels. */
function zoneRules(spec: Json, labels: Record<string, string>): { any: boolean; selectsOwnPods: boolean } {
    const selectors: Json[] = [];
    for (const c of list(spec?.topologySpreadConstraints)) {
        if (c?.topologyKey === zoneTopologyKey) selectors.push(c.labelSelector);
    }
    const anti: Json = spec?.affinity?.podAntiAffinity;
    for (const t of list(anti?.requiredDuringSchedulingIgnoredDuringExecution)) {
        if (t?.topologyKey === zoneTopologyKey) selectors.push(t.labelSelector);
    }
    for (const w of list(anti?.preferredDuringSchedulingIgnoredDuringExecution)) {
        if (w?.podAffinityTerm?.topologyKey === zoneTopologyKey) selectors.push(w.podAffinityTerm.labelSelector);
    }
    return { any: selectors.length > 0, selectsOwnPods: selectors.some((s) => selectorMatches(s, labels)) };
}

/**
 * A workload that runs two or more pods spreads them across zones, so one zone outage never
 * takes all of them: a topologySpreadConstraint on topology.kubernetes.io/zone, or a pod
 * anti-affinity term on that key, whose labelSelector selects the workload's own pods (a
 * rule that selects other pods spreads nothing of this workload). Without it the scheduler
 * may put every replica in one zone, and "min 2 pods" protects against a pod failure only.
 * Polaris (topologySpreadConstraint) and kube-score (pod anti-affinity) check the same;
 * the HPA's maxReplicas counts, so it needs the whole stack, hence a stack policy. Which
 * stacks must hold to it is the policy config's to say (production mandatory).
 */
export const workloadsPodRequireZoneSpread = stackPolicy({
    name: "workloads-pod-require-zone-spread",
    description: "Every Deployment and StatefulSet that runs two or more pods spreads them across zones (topology spread or pod anti-affinity on topology.kubernetes.io/zone).",
    severity: "high",
    runbook: ["004.infra.autoscaling", "004.deploy.zero-downtime"],
    remediation: `Add a topologySpreadConstraint {topologyKey: ${zoneTopologyKey}, maxSkew: 1, whenUnsatisfiable: DoNotSchedule} whose labelSelector selects the workload's own pod labels (or a pod anti-affinity term on ${zoneTopologyKey}).`,
    appliesTo: kubernetesKinds(...replicated),
    validateStack: (args, reportViolation) => {
        for (const w of args.resources) {
            if (!isOneOf(w.type, replicated)) continue;
            const pods = podRange(w, args.resources);
            if (pods.max < 2) continue;
            const pod = podSpecOf(w.type, w.props);
            const labels = podLabelsOf(w.type, w.props);
            const rules = zoneRules(pod?.spec, labels);
            if (rules.selectsOwnPods) continue;
            const ref = objectRef(w.type, w.props);
            const matchLabels = Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join(", ");
            const fix = `Add a topologySpreadConstraint {topologyKey: ${zoneTopologyKey}, maxSkew: 1, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {${matchLabels}}}}.`;
            if (rules.any) {
                reportViolation(`${ref} runs ${pods.text}, and its zone spread or anti-affinity rules select none of its own pods (labels ${formatLabels(labels)}), so they do not spread them and one zone outage can take them all. ${fix}`, w.urn);
            } else {
                reportViolation(`${ref} runs ${pods.text} with no topology spread or pod anti-affinity on ${zoneTopologyKey}, so the scheduler may put them all in one zone and one zone outage takes them all. ${fix}`, w.urn);
            }
        }
    },
});
