/**
 * The arguments of Microservice (and, through WorkloadService, of every service of
 * Workloads): what a service declares, and the launch defaults it may override, each with
 * its `@default`; `resolveMicroservice` applies them.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { LaunchPhase } from "../../policies/lib/launch";
import type { CanaryStep } from "../../policies/workloads/rules";
import { defaults, type Environment, type ProbeTiming, type ProbeTimings, type ReplicaRange, type WhenUnsatisfiable } from "./defaults";
import { kubeDnsPeer, type NetworkPolicyEgressRule, type NetworkPolicyPeer } from "./network";

export interface MicroserviceCanary {
    /** The new version: the stable image's repository with another tag or digest. */
    image: string;
    /**
     * Percent of the public traffic the canary gets, in runbook 002's steps (0, 10, 50, 100).
     * 0 keeps it deployed and reachable through its own Service, but unrouted.
     */
    weight: CanaryStep;
}

/** Where the launch stands for this service, written on its stable Deployment for the rollback gate. */
export interface MicroserviceLaunch {
    /** The run-of-show phase (the stack's launch.phase). */
    phase: LaunchPhase;
    /**
     * The version to roll back to (the stack's launch.rollbackTo for this service).
     * @default undefined (none declared: the gate refuses that from launch-eve on)
     */
    rollbackTo?: string;
}

export interface MicroserviceResources {
    requests: { cpu: string; memory: string };
    /** No cpu limit when `cpu` is left out (no throttling; the request reserves the share). */
    limits: { cpu?: string; memory: string };
}

/** How the service is published on the shared Gateway. */
export interface PublicRoute {
    /** The host label (`api`); it also names the Gateway listener `https-<label>`. */
    host: string;
    /** The full host name served (`api.teei.example.com`). */
    hostname: string;
    /** The Gateway's name, in the same namespace. */
    gatewayName: string;
    /** Where the load balancer connects from: the only sources allowed in besides callers. */
    sourceRanges: readonly string[];
}

/** Per-service overrides of the launch defaults (everything optional; Workloads passes them through). */
export interface MicroserviceTuning {
    /**
     * The HPA's target average CPU utilization (percent of the cpu request).
     * @default 70
     */
    targetCpuUtilization?: number;
    /**
     * Probe timings; each field overrides one default.
     * @default startup {periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 30} (150 s to start),
     *   readiness {5, 2, 3} (out of the endpoints after 15 s), liveness {10, 3, 6} (restart after 60 s)
     */
    probes?: { [K in keyof ProbeTimings]?: Partial<ProbeTiming> };
    /**
     * The path of the liveness probe. All three probes are httpGet on the health path; if
     * `/health` checks dependencies (database, Redis), a shallow sub-path such as
     * `/health/live` keeps a dependency outage from restarting every pod.
     * @default the health path
     */
    livenessPath?: string;
    /**
     * Seconds the container keeps serving after it is marked terminating, before SIGTERM
     * (`lifecycle.preStop.sleep`, no shell needed in the image): endpoint removal reaches
     * kube-proxy and the load balancer's NEGs asynchronously.
     * @default 15
     */
    preStopSleepSeconds?: number;
    /**
     * Must exceed preStopSleepSeconds (the grace period counts the preStop time); the
     * difference is what the app gets to finish in-flight requests after SIGTERM.
     * @default 45
     */
    terminationGracePeriodSeconds?: number;
    /**
     * RollingUpdate surge. maxUnavailable is always 0 (not configurable): a rollout never
     * takes a ready pod away before its replacement is ready.
     * @default "25%" (at least one pod)
     */
    maxSurge?: number | string;
    /**
     * Seconds a new pod must stay ready before the rollout counts it.
     * @default 10
     */
    minReadySeconds?: number;
    /**
     * Old ReplicaSets kept for `kubectl rollout undo`.
     * @default 10
     */
    revisionHistoryLimit?: number;
    /**
     * The non-root user and group the container runs as (pod and container securityContext,
     * with runAsNonRoot, readOnlyRootFilesystem, no privilege escalation, capabilities drop
     * ALL and seccomp RuntimeDefault, none of which is configurable).
     * @default 10001
     */
    runAsUser?: number;
    /** @default 10001 */
    runAsGroup?: number;
    /**
     * Size limit of the emptyDir mounted at /tmp (the root filesystem is read-only).
     * @default "64Mi"
     */
    tmpSizeLimit?: string;
    /**
     * Zone spread (`topology.kubernetes.io/zone`, maxSkew 1). Hostname spread is always
     * ScheduleAnyway.
     * @default "DoNotSchedule" in production (a zone outage never takes most of a service),
     *   "ScheduleAnyway" in staging (a small cluster never leaves pods Pending)
     */
    zoneSpread?: WhenUnsatisfiable;
    /**
     * Mount the Kubernetes API token. The services do not call the Kubernetes API.
     * @default false
     */
    automountServiceAccountToken?: boolean;
    /**
     * A Google service account for GKE Workload Identity (Firestore, Secret Manager without keys).
     * @default undefined (no annotation)
     */
    gcpServiceAccount?: string;
    /**
     * Allow egress HTTPS (TCP 443) to public addresses (not RFC 1918, CGNAT or link-local):
     * the SaaS and Google APIs the services call have no stable addresses.
     * @default true
     */
    externalHttps?: boolean;
    /**
     * Allow egress to the GKE metadata server (Workload Identity tokens).
     * @default true
     */
    metadataServer?: boolean;
    /**
     * Who answers DNS.
     * @default kube-dns and node-local-dns pods in kube-system
     */
    dnsPeers?: NetworkPolicyPeer[];
    /**
     * More egress, e.g. a database on a private address: `{to: [{ipBlock: {cidr: "10.20.0.5/32"}}], ports: [{port: 5432}]}`.
     * @default []
     */
    extraEgress?: NetworkPolicyEgressRule[];
    /**
     * The canary's minimum replicas, whatever its weight: the same floor as any Deployment,
     * so the production gate (min 2) holds canaries to it too.
     * @default 2
     */
    canaryMinReplicas?: number;
}

export interface MicroserviceArgs extends MicroserviceTuning {
    /** Picks production or staging defaults where they differ. */
    environment: Environment;
    /**
     * The stack config key the service is declared at (`golive:services[0]`), written on each
     * of its objects as the golive.dev/config annotation (its env ConfigMap gets `...env`, its
     * Secret `...secretEnv`), so the gate's findings name the key to change in the stack file.
     * @default undefined (no annotation; findings name the Kubernetes fields only)
     */
    configPath?: string;
    /** The namespace; it must exist first (pass its resource in `dependsOn`: the children inherit it). */
    namespace: string;
    /** Pinned by version tag or sha256 digest. */
    image: string;
    /** The container port, named `http`; the Service listens on the same port. */
    port: number;
    /**
     * Readiness, liveness and startup probes hit this path (httpGet), and so does the load balancer.
     * @default "/health"
     */
    healthPath?: string;
    /**
     * The HorizontalPodAutoscaler's range. The Deployment declares no replica count: the HPA owns it.
     * @default {min: 2, max: 10} in production, {min: 2, max: 3} in staging
     */
    replicas?: ReplicaRange;
    /**
     * Container resources.
     * @default requests {cpu: "100m", memory: "128Mi"}, limits {cpu: "500m", memory: "256Mi"}
     */
    resources?: MicroserviceResources;
    /**
     * Non-secret settings: a ConfigMap `<name>-config`, read by key reference.
     * @default {}
     */
    env?: Readonly<Record<string, string>>;
    /**
     * Secret settings: a Kubernetes Secret `<name>-secrets` fed by these (Pulumi secret)
     * values, read only through `valueFrom.secretKeyRef`; the Deployment never holds a value.
     * @default {}
     */
    secretEnv?: Readonly<Record<string, pulumi.Input<string>>>;
    /**
     * Services allowed to call this one (NetworkPolicy ingress).
     * @default []
     */
    calledBy?: readonly string[];
    /**
     * Services this one calls, with their ports (NetworkPolicy egress); Workloads derives it
     * from the other services' `calledBy`.
     * @default []
     */
    calls?: ReadonlyArray<{ name: string; port: number }>;
    /**
     * Publish the service on the Gateway: an HTTPRoute, a HealthCheckPolicy, and ingress from
     * the load balancer.
     * @default undefined (internal service)
     */
    publicRoute?: PublicRoute;
    /** A canary track; only for services with a `publicRoute` (README: "Canary, promotion and rollback"). */
    canary?: MicroserviceCanary;
    /**
     * The launch phase and the rollback version, written on the stable Deployment as
     * golive.dev/launch-phase and golive.dev/rollback-to, so the gate (offline, or the pack in
     * `pulumi preview`) judges rollback readiness from the planned objects.
     * @default undefined (no launch annotations: the rollback gate does not judge the service)
     */
    launch?: MicroserviceLaunch;
    /**
     * The feature flags ConfigMap to mount at /etc/golive/feature-flags, and the hash of its
     * content to put on the pod template (so a flag change rolls the pods).
     * @default undefined (no flags mounted)
     */
    featureFlags?: { configMapName: string; hash?: string };
}

/** Args without a default stay optional; every other field is filled in. */
type Unset = "configPath" | "publicRoute" | "canary" | "launch" | "featureFlags" | "gcpServiceAccount";

/** A Microservice's arguments with every default applied: what its spec functions read. */
export type ResolvedMicroservice = Required<Omit<MicroserviceArgs, Unset | "probes">> & Pick<MicroserviceArgs, Unset> & {
    /** The service's name: every object's, and the container's. */
    name: string;
    probes: ProbeTimings;
};

export function resolveMicroservice(name: string, args: MicroserviceArgs): ResolvedMicroservice {
    const healthPath = args.healthPath ?? defaults.healthPath;
    return {
        ...args,
        name,
        healthPath,
        livenessPath: args.livenessPath ?? healthPath,
        replicas: args.replicas ?? defaults.replicas[args.environment],
        resources: args.resources ?? defaults.resources,
        env: args.env ?? {},
        secretEnv: args.secretEnv ?? {},
        calledBy: args.calledBy ?? [],
        calls: args.calls ?? [],
        targetCpuUtilization: args.targetCpuUtilization ?? defaults.targetCpuUtilization,
        probes: {
            startup: { ...defaults.probes.startup, ...args.probes?.startup },
            readiness: { ...defaults.probes.readiness, ...args.probes?.readiness },
            liveness: { ...defaults.probes.liveness, ...args.probes?.liveness },
        },
        preStopSleepSeconds: args.preStopSleepSeconds ?? defaults.preStopSleepSeconds,
        terminationGracePeriodSeconds: args.terminationGracePeriodSeconds ?? defaults.terminationGracePeriodSeconds,
        maxSurge: args.maxSurge ?? defaults.maxSurge,
        minReadySeconds: args.minReadySeconds ?? defaults.minReadySeconds,
        revisionHistoryLimit: args.revisionHistoryLimit ?? defaults.revisionHistoryLimit,
        runAsUser: args.runAsUser ?? defaults.runAsUser,
        runAsGroup: args.runAsGroup ?? defaults.runAsGroup,
        tmpSizeLimit: args.tmpSizeLimit ?? defaults.tmpSizeLimit,
        zoneSpread: args.zoneSpread ?? defaults.zoneSpread[args.environment],
        automountServiceAccountToken: args.automountServiceAccountToken ?? false,
        externalHttps: args.externalHttps ?? true,
        metadataServer: args.metadataServer ?? true,
        dnsPeers: args.dnsPeers ?? [kubeDnsPeer],
        extraEgress: args.extraEgress ?? [],
        canaryMinReplicas: args.canaryMinReplicas ?? defaults.canaryMinReplicas,
    };
}
