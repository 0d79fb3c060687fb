import type { PolicyResource } from "@pulumi/policy";
import { isKind, isWorkloadKind, kubernetesKinds, nameOf, namespaceOf, podTemplateKinds, resourcesOfKind, stackPolicy, type Json } from "../lib";
import { isolatesIngress, podSelector } from "./network";
import { selectsEverything } from "./selectors";

/** podSelector {}, isolating ingress, with no ingress rule: nothing gets in unless allowed elsewhere. */
export function isDefaultDeny(np: PolicyResource): boolean {
    const spec: Json = np.props.spec;
    const ingress: Json = spec?.ingress;
    return selectsEverything(podSelector(spec)) && isolatesIngress(spec) && (ingress === undefined || ingress === null || (Array.isArray(ingress) && ingress.length === 0));
}

/**
 * Every namespace with workloads has a default deny, so a pod nobody thought about is
 * closed, not open. Reported on the Namespace when the stack declares it. Which pods an
 * allow policy selects is workloads-pod-missing-networkpolicy's concern.
 */
export const workloadsNamespaceMissingDefaultDeny = stackPolicy({
    name: "workloads-namespace-missing-default-deny",
    description: "Every namespace with workloads has a default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no ingress rules).",
    severity: "high",
    runbook: ["004.infra.network-policies"],
    remediation: "Add a default-deny NetworkPolicy (podSelector {}, policyTypes [Ingress], no ingress rules) per namespace, then allow ingress only from the gateway and declared callers.",
    appliesTo: kubernetesKinds(...podTemplateKinds),
    validateStack: (args, reportViolation) => {
        const policies = resourcesOfKind(args.resources, "networking.k8s.io", "NetworkPolicy");
        const workloads = args.resources.filter((r) => isWorkloadKind(r.type));
        const namespaces = [...new Set(workloads.map((w) => namespaceOf(w.props)))];
        for (const ns of namespaces) {
            if (policies.some((np) => namespaceOf(np.props) === ns && isDefaultDeny(np))) continue;
            const nsResource = args.resources.find((r) => isKind(r.type, "core", "Namespace") && nameOf(r.props) === ns);
            reportViolation(`namespace "${ns}" has no default-deny NetworkPolicy (podSelector {}, policyTypes [Ingress], no ingress rules), so every pod there that no other policy selects accepts traffic from anywhere. Add one, then allow ingress only from the gateway and declared callers.`, nsResource?.urn);
        }
    },
});
