/**
 * Which HorizontalPodAutoscaler scales which workload, as the HPA controller resolves its
 * scaleTargetRef (kind and name, in the HPA's own namespace). Not a policy.
 */
import type { PolicyResource } from "@pulumi/policy";
import { kindOf, nameOf, namespaceOf, resourcesOfKind, type Json } from "../lib";

/** The HPAs of the stack that target this workload. */
export function hpasTargeting(resources: readonly PolicyResource[], workload: PolicyResource): PolicyResource[] {
    // Indexed once per resource list by what each HPA targets: stack policies ask for every
    // workload, which would otherwise read every HPA's target once per workload.
    let byTarget = hpasByTarget.get(resources);
    if (!byTarget) {
        byTarget = new Map();
        for (const h of resourcesOfKind(resources, "autoscaling", "HorizontalPodAutoscaler")) {
            const target = h.props.spec?.scaleTargetRef;
            const key = targetKey(target?.kind, namespaceOf(h.props), target?.name);
            if (key === undefined) continue;
            const list = byTarget.get(key);
            if (list) list.push(h);
            else byTarget.set(key, [h]);
        }
        hpasByTarget.set(resources, byTarget);
    }
    const key = targetKey(kindOf(workload.type)?.kind, namespaceOf(workload.props), nameOf(workload.props));
    return key === undefined ? [] : [...(byTarget.get(key) ?? [])];
}

/** An HPA's target (kind, its own namespace, name) as one key; undefined when kind or name is not a string. */
function targetKey(kind: unknown, ns: unknown, name: unknown): string | undefined {
    return typeof kind === "string" && typeof name === "string" ? JSON.stringify([kind, ns ?? null, name]) : undefined;
}

const hpasByTarget = new WeakMap<readonly PolicyResource[], Map<string, PolicyResource[]>>();

/** A workload's spec.replicas, 1 when unset as the API defaults it. */
export function specReplicas(props: Json): number {
    const replicas: unknown = props?.spec?.replicas;
    return typeof replicas === "number" ? replicas : 1;
}

/** An HPA's minReplicas, 1 when unset as the API defaults it. */
export function hpaMinReplicas(props: Json): number {
    const min: unknown = props?.spec?.minReplicas;
    return typeof min === "number" ? min : 1;
}
