/**
 * The objects of one track (stable or canary) of a service besides its Deployment: the
 * ClusterIP Service, the HorizontalPodAutoscaler and the PodDisruptionBudget, as pure specs.
 * Each track has its own, so capacity follows each track's traffic.
 */
import type * as k8s from "@pulumi/kubernetes";
import { canaryName } from "../../policies/workloads/rules";
import { defaults, type ReplicaRange } from "./defaults";
import { portName } from "./deployment";
import { selectorLabels, type Track } from "./labels";

/** The Kubernetes name of every object of a track: the service's, or `<service>-canary`. */
export function trackName(service: string, track: Track): string {
    return track === "stable" ? service : canaryName(service);
}

/**
 * The canary's replica range: its share of the stable range, never below the floor, and
 * always able to scale (max above min, as the gate requires of every HPA).
 */
export function canaryReplicaRange(stable: ReplicaRange, weight: number, floor: number): ReplicaRange {
    const min = Math.max(floor, Math.ceil((stable.min * weight) / 100));
    const max = Math.max(min + 1, Math.ceil((stable.max * weight) / 100));
    return { min, max };
}

export function clusterServiceSpec(service: string, track: Track, port: number): k8s.types.input.core.v1.ServiceSpec {
    return {
        type: "ClusterIP",
        selector: selectorLabels(service, track),
        ports: [{ name: portName, port, targetPort: portName, protocol: "TCP" }],
    };
}

export function autoscalerSpec(deploymentName: string, range: ReplicaRange, targetCpuUtilization: number): k8s.types.input.autoscaling.v2.HorizontalPodAutoscalerSpec {
    return {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: deploymentName },
        minReplicas: range.min,
        maxReplicas: range.max,
        metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: targetCpuUtilization } } }],
        behavior: {
            scaleDown: {
                stabilizationWindowSeconds: defaults.scaleDownStabilizationSeconds,
                policies: [{ type: "Percent", value: 50, periodSeconds: 60 }],
            },
        },
    };
}

/**
 * maxUnavailable 1: a drain always makes progress and never takes more than one pod of a
 * track at a time; the selector includes the track, so no pod has two budgets.
 */
export function disruptionBudgetSpec(service: string, track: Track): k8s.types.input.policy.v1.PodDisruptionBudgetSpec {
    return {
        maxUnavailable: 1,
        selector: { matchLabels: selectorLabels(service, track) },
        // Crash-looping pods never block a drain.
        unhealthyPodEvictionPolicy: "AlwaysAllow",
    };
}
