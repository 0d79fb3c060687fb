import { isWorkloadKind, kubernetesKinds, namespaceOf, objectRef, podTemplateKinds, resourcesOfKind, selectorMatches, stackPolicy } from "../lib";
import { isolatesIngress, podSelector } from "./network";
import { formatLabels, podLabelsOf } from "./selectors";

/**
 * Every pod-template workload is selected by an ingress NetworkPolicy of its namespace that
 * says who may call it. The namespace's default deny is
 * workloads-namespace-missing-default-deny's concern, and allow-everything rules are
 * workloads-networkpolicy-disallow-allow-all's.
 */
export const workloadsPodMissingNetworkpolicy = stackPolicy({
    name: "workloads-pod-missing-networkpolicy",
    description: "Every workload's pods are selected by an ingress NetworkPolicy of their namespace.",
    severity: "high",
    runbook: ["004.infra.network-policies"],
    remediation: "Add a NetworkPolicy selecting the workload's pod labels that allows ingress only from the gateway and its declared callers, beside a default deny.",
    appliesTo: kubernetesKinds(...podTemplateKinds),
    validateStack: (args, reportViolation) => {
        const policies = resourcesOfKind(args.resources, "networking.k8s.io", "NetworkPolicy");
        for (const w of args.resources) {
            if (!isWorkloadKind(w.type)) continue;
            const ns = namespaceOf(w.props);
            const labels = podLabelsOf(w.type, w.props);
            const selected = policies.some((np) => namespaceOf(np.props) === ns && isolatesIngress(np.props.spec) && selectorMatches(podSelector(np.props.spec), labels));
            if (!selected) {
                reportViolation(`${objectRef(w.type, w.props)} is not selected by any ingress NetworkPolicy in namespace "${ns}" (pod labels ${formatLabels(labels)}), so it accepts traffic from every pod in the cluster. Add a NetworkPolicy selecting those labels that allows only its declared callers, beside a default deny.`, w.urn);
            }
        }
    },
});
