/**
 * Which HorizontalPodAutoscaler scales which workload, as the HPA controller resolves its
 * scaleTargetRef (kind and name, in the HPA's own namespace). Not a policy.
 */
import type { PolicyResource } from "@pulumi/policy";
import { kindOf, nameOf, namespaceOf, resourcesOfKind, type Json } from "../lib";

/** The HPAs of the stack that target this workload. */
export function hpasTargeting(resources: readonly PolicyResource[], workload: PolicyResource): PolicyResource[] {
    const kind = kindOf(workload.type)?.kind;
    const ns = namespaceOf(workload.props);
    const name = nameOf(workload.props);
    return resourcesOfKind(resources, "autoscaling", "HorizontalPodAutoscaler").filter((h) => {
        const target = h.props.spec?.scaleTargetRef;
        return target?.kind === kind && target?.name === name && namespaceOf(h.props) === ns;
    });
}

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
