import { configNumber, isOneOf, kubernetesKinds, objectRef, stackPolicy, type GroupKind } from "../lib";
import { minReplicas } from "./rules";
import { hpasTargeting, specReplicas } from "./scaling";

const replicated: readonly GroupKind[] = ["apps/Deployment", "apps/StatefulSet"];

/**
 * Deployments and StatefulSets run at least `minReplicas` (policy config, default 2) pods.
 * Those an HPA scales are left to workloads-hpa-configure-replicas, since the HPA, not
 * spec.replicas, decides their count; that needs the whole stack, hence a stack policy.
 */
export const workloadsDeploymentRequireReplicas = stackPolicy({
    name: "workloads-deployment-require-replicas",
    description: "Every Deployment and StatefulSet that no HorizontalPodAutoscaler scales runs at least the minimum number of replicas.",
    severity: "high",
    runbook: ["004.infra.autoscaling", "004.deploy.zero-downtime"],
    remediation: "Set spec.replicas to at least 2, or scale the workload with an autoscaling/v2 HorizontalPodAutoscaler whose minReplicas is at least 2.",
    appliesTo: kubernetesKinds(...replicated),
    configSchema: {
        properties: {
            minReplicas: { type: "integer", minimum: 1, default: minReplicas },
        },
    },
    validateStack: (args, reportViolation) => {
        // The CLI applies schema defaults, but getConfig() returns {} when no config is given.
        const floor = configNumber(args.getConfig<Record<string, unknown>>(), "minReplicas", minReplicas);
        for (const w of args.resources) {
            if (!isOneOf(w.type, replicated)) continue;
            if (hpasTargeting(args.resources, w).length > 0) continue;
            const count = specReplicas(w.props);
            if (count >= floor) continue;
            const text = typeof w.props.spec?.replicas === "number" ? `${count}` : "unset (1 by default)";
            reportViolation(`${objectRef(w.type, w.props)} spec.replicas is ${text}, below ${floor}, and no HorizontalPodAutoscaler scales it, so one crash or node drain takes it down. Set spec.replicas to at least ${floor} or add an HPA with minReplicas of at least ${floor}.`, w.urn);
        }
    },
});
