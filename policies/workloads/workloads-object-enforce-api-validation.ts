import { apiRuleKinds, formatApiProblem, kindOf, kubernetesApiProblems, kubernetesKinds, objectRef, resourcePolicy } from "../lib";

/**
 * The Kubernetes API server validates more than its OpenAPI schemas say: a request above its
 * limit, a Deployment whose selector does not select its own pods, a label key with two '/',
 * two containers of one name, a probe with no handler. Such an object plans and previews fine
 * and is refused only when `pulumi up` or `kubectl apply` reaches the cluster, half-way through
 * a launch. The rules live in policies/lib/kubernetes-api, shared with the offline plan.
 */
export const workloadsObjectEnforceApiValidation = resourcePolicy({
    name: "workloads-object-enforce-api-validation",
    description: "Every Kubernetes object passes the API server's own validation (names, labels, ports, probes, requests within limits, selectors matching their pods).",
    severity: "high",
    runbook: ["004.deploy.valid-manifests"],
    remediation: "Fix the field the message names; `kubectl apply --dry-run=server` reports the same refusal against a cluster.",
    appliesTo: kubernetesKinds(...apiRuleKinds),
    validateResource: (args, reportViolation) => {
        const kind = kindOf(args.type);
        if (!kind) return;
        for (const problem of kubernetesApiProblems(kind.group, kind.kind, args.props)) {
            reportViolation(`${objectRef(args.type, args.props)} would be refused by the Kubernetes API server: ${formatApiProblem(problem)}.`);
        }
    },
});
