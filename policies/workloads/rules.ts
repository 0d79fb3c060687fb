/**
 * The workloads area's launch rules as values: the canary steps and how a canary is named
 * and recognised, the replica floor, the health path, graceful shutdown. The policies judge
 * planned objects by them, the workloads component builds and checks its arguments by them,
 * and the stack config schema reuses the component's checks. Not a policy.
 */
import { goliveLabels, type Json } from "../lib";

/** Runbook 002's rollout steps, as the canary's percent of the traffic. */
export const canarySteps = [0, 10, 50, 100] as const;

export type CanaryStep = (typeof canarySteps)[number];

export function isCanaryStep(weight: unknown): weight is CanaryStep {
    return (canarySteps as readonly unknown[]).includes(weight);
}

/**
 * A canary's objects are named `<service>-canary`. A route's backendRef carries no labels,
 * so the name is how the route policy tells the canary's side of a split.
 */
export const canarySuffix = "-canary";

export function canaryName(service: string): string {
    return `${service}${canarySuffix}`;
}

/** Whether an object belongs to a canary track (label golive.dev/track: canary). */
export function isCanaryTrack(props: Json): boolean {
    return props?.metadata?.labels?.[goliveLabels.track] === "canary";
}

/** The runbook's "Auto-scaling policies configured (min: 2, max: 10 pods)": no workload runs fewer pods. */
export const minReplicas = 2;

/** Where a service answers its health checks unless it says otherwise. */
export const defaultHealthPath = "/health";

/** An absolute HTTP path without spaces, as probes and load balancer health checks request it. */
export function isHttpPath(path: unknown): path is string {
    return typeof path === "string" && /^\/\S*$/.test(path);
}

/**
 * The grace period counts the preStop time, so it must be longer than the preStop sleep,
 * or the kubelet kills the container before it has drained.
 */
export function drainsBeforeKill(terminationGracePeriodSeconds: number, preStopSleepSeconds: number): boolean {
    return terminationGracePeriodSeconds > preStopSleepSeconds;
}
