import type { PolicyResource } from "@pulumi/policy";
import { isKind, isWorkloadKind, kubernetesKinds, podTemplateKinds, stackPolicy, type Json } from "../lib";
import { formatLabels, namespaceOf, nameOf, podLabelsOf, objectRef, resourcesOfKind, selectorMatches, selectsEverything } from "./objects";

/** policyTypes as the API server defaults them: Ingress always, Egress when egress rules exist. */
function policyTypes(np: PolicyResource): string[] {
    const declared: Json = np.props.spec?.policyTypes;
    if (Array.isArray(declared) && declared.length > 0) return declared.filter((t): t is string => typeof t === "string");
    return Array.isArray(np.props.spec?.egress) && np.props.spec.egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
}

function isolatesIngress(np: PolicyResource): boolean {
    return policyTypes(np).includes("Ingress");
}

/** podSelector is required, and an omitted one decodes as `{}`: every pod of the namespace. */
function podSelector(np: PolicyResource): Json {
    return np.props.spec?.podSelector ?? {};
}

/** podSelector {}, isolating ingress, with no ingress rule: nothing gets in unless allowed elsewhere. */
export function isDefaultDeny(np: PolicyResource): boolean {
    const ingress: Json = np.props.spec?.ingress;
    return selectsEverything(podSelector(np)) && isolatesIngress(np) && (ingress === undefined || ingress === null || (Array.isArray(ingress) && ingress.length === 0));
}

/** A rule with no `from` and no `ports` (`{}`) admits every source on every port. */
function isEmptyRule(rule: Json): boolean {
    const empty = (v: Json) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);
    return empty(rule?.from) && empty(rule?.ports);
}

/**
 * Every pod-template workload is selected by an ingress NetworkPolicy of its namespace, and
 * each such namespace has a default deny, so a pod nobody thought about is closed, not open.
 * NetworkPolicies are additive, so an `ingress: [{}]` rule opens the selected pods to the
 * whole cluster even beside a default deny, while the object reads as a restriction (the
 * microservices-demo and kube-prometheus manifests ship such policies); it is refused too.
 */
export const workloadsPodMissingNetworkpolicy = stackPolicy({
    name: "workloads-pod-missing-networkpolicy",
    description: "Every namespace with workloads has a default-deny ingress NetworkPolicy, every workload is selected by one, and no NetworkPolicy has an allow-everything ingress rule.",
    severity: "high",
    runbook: ["004.infra.network-policies"],
    remediation: "Add a default-deny NetworkPolicy (podSelector {}, policyTypes [Ingress], no ingress rules) per namespace, then allow ingress only from the gateway and declared callers.",
    // Workloads to cover, or NetworkPolicies whose rules are judged on their own.
    appliesTo: kubernetesKinds(...podTemplateKinds, "networking.k8s.io/NetworkPolicy"),
    validateStack: (args, reportViolation) => {
        const policies = resourcesOfKind(args.resources, "networking.k8s.io", "NetworkPolicy");
        for (const np of policies) {
            const ingress: Json = np.props.spec?.ingress;
            if (!isolatesIngress(np) || !Array.isArray(ingress)) continue;
            ingress.forEach((rule: Json, i: number) => {
                if (isEmptyRule(rule)) {
                    reportViolation(`${objectRef(np.type, np.props)} ingress[${i}] is an empty rule {}, which admits traffic from every pod and address on every port while the policy looks restrictive. Name the allowed sources (from: podSelector/namespaceSelector) and ports in the rule.`, np.urn);
                }
            });
        }
        const workloads = args.resources.filter((r) => isWorkloadKind(r.type));
        const namespaces = [...new Set(workloads.map((w) => namespaceOf(w.props)))];
        for (const ns of namespaces) {
            if (policies.some((np) => namespaceOf(np.props) === ns && isDefaultDeny(np))) continue;
            const nsResource = args.resources.find((r) => isKind(r.type, "core", "Namespace") && nameOf(r.props) === ns);
            reportViolation(`namespace "${ns}" has no default-deny NetworkPolicy (podSelector {}, policyTypes [Ingress], no ingress rules), so every pod there that no other policy selects accepts traffic from anywhere. Add one, then allow ingress only from the gateway and declared callers.`, nsResource?.urn);
        }
        for (const w of workloads) {
            const ns = namespaceOf(w.props);
            const labels = podLabelsOf(w.type, w.props);
            const selected = policies.some((np) => namespaceOf(np.props) === ns && isolatesIngress(np) && selectorMatches(podSelector(np), labels));
            if (!selected) {
                reportViolation(`${objectRef(w.type, w.props)} is not selected by any ingress NetworkPolicy in namespace "${ns}" (pod labels ${formatLabels(labels)}), so it accepts traffic from every pod in the cluster. Add a NetworkPolicy selecting those labels that allows only its declared callers, beside a default deny.`, w.urn);
            }
        }
    },
});
