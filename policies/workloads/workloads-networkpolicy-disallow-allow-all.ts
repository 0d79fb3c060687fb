import { kubernetesKinds, objectRef, resourcePolicy, type Json } from "../lib";
import { isEmptyRule, isolatesIngress } from "./network";

/**
 * NetworkPolicies are additive, so an `ingress: [{}]` rule opens the selected pods to the
 * whole cluster even beside a default deny, while the object reads as a restriction (the
 * microservices-demo and kube-prometheus manifests ship such policies). A rule that names
 * ports but no sources says what it does and is left alone.
 */
export const workloadsNetworkpolicyDisallowAllowAll = resourcePolicy({
    name: "workloads-networkpolicy-disallow-allow-all",
    description: "No NetworkPolicy has an empty ingress rule {}, which admits every source on every port.",
    severity: "high",
    runbook: ["004.infra.network-policies"],
    remediation: "Name the allowed sources (from: podSelector/namespaceSelector) and ports in every ingress rule.",
    appliesTo: kubernetesKinds("networking.k8s.io/NetworkPolicy"),
    validateResource: (args, reportViolation) => {
        const spec: Json = args.props.spec;
        const ingress: Json = spec?.ingress;
        if (!isolatesIngress(spec) || !Array.isArray(ingress)) return;
        ingress.forEach((rule: Json, i: number) => {
            if (isEmptyRule(rule)) {
                reportViolation(`${objectRef(args.type, args.props)} ingress[${i}] is an empty rule {}, which admits traffic from every pod and address on every port while the policy looks restrictive. Name the allowed sources (from: podSelector/namespaceSelector) and ports in the rule.`);
            }
        });
    },
});
