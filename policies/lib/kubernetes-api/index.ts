/**
 * The Kubernetes API server's own validation, for the rules the OpenAPI schemas cannot
 * express: name and label formats, port ranges, unique container and port names, one
 * handler per probe, requests within limits, a controller's selector matching its pods.
 * Pure functions of an object's JSON; the pack's workloads-object-enforce-api-validation
 * policy, the offline plan's manifest validation and the stack config schema all use them.
 * The rules are written from kubernetes/kubernetes' pkg/apis/<group>/validation.
 */
import type { GroupKind, Json } from "../kubernetes";
import {
    checkConfigMap, checkCronJob, checkDeployment, checkHorizontalPodAutoscaler, checkJob, checkNetworkPolicy, checkPod,
    checkPodDisruptionBudget, checkReplicatedController, checkService,
} from "./kinds";
import { checkObjectMeta, type NameRule } from "./metadata";
import { dns1035LabelProblem, dns1123LabelProblem, dns1123SubdomainProblem } from "./names";
import { Problems, type ApiProblem } from "./problems";

export { formatApiProblem, type ApiProblem } from "./problems";
export { selectorMatches } from "./metadata";
export * from "./names";
export * from "./quantity";
export { defaultGracePeriodSeconds, maxPort } from "./pod";
export { quantityProblem, resourceRequirementsProblems, type ResourceProblem } from "./resources";

interface KindRules {
    /** The format metadata.name must have. */
    name: NameRule;
    /** The kind's own rules, if any beyond metadata. */
    check?: (p: Problems, obj: Json) => void;
}

/** HPA names only need to be a path segment, which every object's identity check covers already. */
const anyName: NameRule = () => undefined;

const rules: Readonly<Record<GroupKind, KindRules>> = {
    "core/Namespace": { name: dns1123LabelProblem },
    "core/Service": { name: dns1035LabelProblem, check: checkService },
    "core/Pod": { name: dns1123SubdomainProblem, check: checkPod },
    "core/ConfigMap": { name: dns1123SubdomainProblem, check: checkConfigMap },
    "core/Secret": { name: dns1123SubdomainProblem },
    "core/ServiceAccount": { name: dns1123SubdomainProblem },
    "core/PersistentVolumeClaim": { name: dns1123SubdomainProblem },
    "apps/Deployment": { name: dns1123SubdomainProblem, check: checkDeployment },
    "apps/ReplicaSet": { name: dns1123SubdomainProblem, check: checkReplicatedController("ReplicaSet") },
    "apps/StatefulSet": { name: dns1123SubdomainProblem, check: checkReplicatedController("StatefulSet") },
    "apps/DaemonSet": { name: dns1123SubdomainProblem, check: checkReplicatedController("DaemonSet") },
    "batch/Job": { name: dns1123SubdomainProblem, check: checkJob },
    "batch/CronJob": { name: dns1123SubdomainProblem, check: checkCronJob },
    "autoscaling/HorizontalPodAutoscaler": { name: anyName, check: checkHorizontalPodAutoscaler },
    "policy/PodDisruptionBudget": { name: dns1123SubdomainProblem, check: checkPodDisruptionBudget },
    "networking.k8s.io/NetworkPolicy": { name: dns1123SubdomainProblem, check: checkNetworkPolicy },
    "networking.k8s.io/Ingress": { name: dns1123SubdomainProblem },
};

/** The kinds these rules judge, as `group/Kind` (the built-in kinds golive plans and gates). */
export const apiRuleKinds: readonly GroupKind[] = Object.keys(rules) as GroupKind[];

/**
 * Everything the API server would refuse in this object, beyond its OpenAPI schema; [] for a
 * kind these rules do not cover. `group` is `core` for the core group, and kinds served by
 * the old `extensions` group are passed under their current group.
 */
export function kubernetesApiProblems(group: string, kind: string, obj: Json): ApiProblem[] {
    const r = rules[`${group}/${kind}`];
    if (!r) return [];
    const p = new Problems();
    checkObjectMeta(p, obj?.metadata, "metadata", r.name);
    r.check?.(p, obj);
    return p.list;
}
