/**
 * The defaults a careful SRE picks for a launch, in one place so the args interfaces, the
 * components and the tests read the same numbers. Each is explained at the `@default` of
 * the args field that overrides it; the thresholds the gate also holds come from the pack.
 */
import { defaultHealthPath, minReplicas } from "../../policies/workloads/rules";

/** The environments a stack deploys; each picks the production or staging default where they differ. */
export const environments = ["staging", "production"] as const;

export type Environment = (typeof environments)[number];

export interface ReplicaRange {
    min: number;
    max: number;
}

export interface ProbeTiming {
    periodSeconds: number;
    timeoutSeconds: number;
    failureThreshold: number;
}

export interface ProbeTimings {
    /** Holds liveness and readiness off until the app has started once. */
    startup: ProbeTiming;
    /** Takes a pod out of the Service quickly (15 s) when /health fails. */
    readiness: ProbeTiming;
    /** Restarts a pod only after a much longer failure (60 s), so overload is not "fixed" by restarts. */
    liveness: ProbeTiming;
}

export interface ResourceSpec {
    requests: { cpu: string; memory: string };
    limits: { cpu?: string; memory: string };
}

export const defaults = {
    healthPath: defaultHealthPath,
    /** The runbook's "Auto-scaling policies configured (min: 2, max: 10 pods)"; staging mirrors it smaller. */
    replicas: {
        production: { min: minReplicas, max: 10 },
        staging: { min: minReplicas, max: 3 },
    } satisfies Record<Environment, ReplicaRange>,
    resources: {
        requests: { cpu: "100m", memory: "128Mi" },
        limits: { cpu: "500m", memory: "256Mi" },
    } satisfies ResourceSpec,
    targetCpuUtilization: 70,
    /** Scale down no faster than half the pods a minute, after 5 minutes of lower load. */
    scaleDownStabilizationSeconds: 300,
    probes: {
        // 30 x 5 s: up to 150 s to start before the kubelet gives up.
        startup: { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 30 },
        // 3 x 5 s = 15 s out of the endpoints.
        readiness: { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3 },
        // 6 x 10 s = 60 s before a restart: four times the readiness window.
        liveness: { periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 6 },
    } satisfies ProbeTimings,
    /**
     * Endpoint removal reaches kube-proxy and the load balancer's NEGs asynchronously; the pod
     * keeps serving this long after it is marked terminating, before SIGTERM.
     */
    preStopSleepSeconds: 15,
    /** preStop (15 s) + 30 s for the app to finish in-flight requests after SIGTERM. */
    terminationGracePeriodSeconds: 45,
    maxSurge: "25%" as number | string,
    /** A new pod must stay ready this long before the rollout counts it and moves on. */
    minReadySeconds: 10,
    /** Old ReplicaSets kept: `kubectl rollout undo` targets. */
    revisionHistoryLimit: 10,
    runAsUser: 10001,
    runAsGroup: 10001,
    tmpSizeLimit: "64Mi",
    /**
     * Production refuses to put a second replica in a zone that already has one more than
     * another (a zone outage must not take most of a service); staging prefers spreading
     * but schedules anyway, so a small staging cluster never leaves pods Pending.
     */
    zoneSpread: {
        production: "DoNotSchedule",
        staging: "ScheduleAnyway",
    } satisfies Record<Environment, WhenUnsatisfiable>,
    /** A canary is held to the same floor as any Deployment. */
    canaryMinReplicas: minReplicas,
    /** Where the feature flags ConfigMap is mounted in every pod. */
    featureFlagsMountPath: "/etc/golive/feature-flags",
    featureFlagsFile: "flags.json",
} as const;

export type WhenUnsatisfiable = "DoNotSchedule" | "ScheduleAnyway";
