import { isKind, kubernetesKinds, objectRef, stackPolicy } from "../lib";
import { isCanaryTrack, minReplicas } from "./rules";
import { hpasTargeting } from "./scaling";

/**
 * Every Deployment is scaled by a HorizontalPodAutoscaler: the runbook's "Auto-scaling
 * policies configured (min: 2, max: 10 pods)". A fixed spec.replicas cannot absorb launch
 * load. Canary Deployments (golive.dev/track: canary) are exempt: their size follows the
 * rollout step, not load. The HPA's own range is workloads-hpa-configure-replicas' concern;
 * finding the HPA that targets a Deployment needs the whole stack, hence a stack policy.
 */
export const workloadsDeploymentMissingHpa = stackPolicy({
    name: "workloads-deployment-missing-hpa",
    description: "Every Deployment but a canary is scaled by a HorizontalPodAutoscaler.",
    severity: "high",
    runbook: ["004.infra.autoscaling"],
    remediation: `Add an autoscaling/v2 HorizontalPodAutoscaler whose scaleTargetRef names the Deployment, with minReplicas of at least ${minReplicas} and a maxReplicas above it.`,
    appliesTo: kubernetesKinds("apps/Deployment"),
    validateStack: (args, reportViolation) => {
        for (const d of args.resources) {
            if (!isKind(d.type, "apps", "Deployment") || isCanaryTrack(d.props)) continue;
            if (hpasTargeting(args.resources, d).length > 0) continue;
            reportViolation(`${objectRef(d.type, d.props)} has no HorizontalPodAutoscaler, so it runs a fixed number of pods and cannot absorb load. Add an autoscaling/v2 HorizontalPodAutoscaler in its namespace whose scaleTargetRef names it (kind Deployment), with minReplicas of at least ${minReplicas} and a maxReplicas above it.`, d.urn);
        }
    },
});
