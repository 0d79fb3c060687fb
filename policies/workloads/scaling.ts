/**
 * Which HorizontalPodAutoscaler scales which workload, as the HPA controller resolves its
 * scaleTargetRef (kind and name, in the HPA's own namespace). Not a policy.
 */
import type { PolicyResource } from "@pulumi/policy";
import { kindOf } from "../lib";
import { namespaceOf, nameOf, resourcesOfKind } from "./objects";

/** The runbook's "Auto-scaling ... (min: 2, max: 10 pods)": the replica floor unless policy config says otherwise. */
export const defaultMinReplicas = 2;

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

/** An HPA's minReplicas, 1 when unset as the API defaults it. */
export function hpaMinReplicas(hpa: PolicyResource): number {
    const min: unknown = hpa.props.spec?.minReplicas;
    return typeof min === "number" ? min : 1;
}
