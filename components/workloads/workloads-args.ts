/**
 * The arguments of Workloads (the stack's platform settings and its services, each optional
 * field with its `@default`), and what each service's Microservice gets from them.
 */
import type { LaunchPhase } from "../../policies/lib/launch";
import type { Environment } from "./defaults";
import { featureFlagsConfigMapName, featureFlagsHash, type FeatureFlag } from "./feature-flags";
import { gatewayName, type GatewaySettings, type PublicHost, type ResolvedGateway } from "./gateway";
import type { MicroserviceArgs } from "./microservice-args";

/**
 * One service of the stack, as the stack config declares it (schema/services.ts): the
 * Microservice args the config can set, plus its name and public host. Workloads fills in
 * the rest (environment, namespace, calls, publicRoute, featureFlags, launch).
 */
export interface WorkloadService extends Omit<MicroserviceArgs, "environment" | "namespace" | "calls" | "publicRoute" | "featureFlags" | "launch"> {
    /** The Kubernetes name of every object of the service (a DNS label). */
    name: string;
    /** Public host label; the service is published at `<host>.<domain>`. @default undefined (internal) */
    host?: string;
    /** The version to roll back to (the stack's launch.rollbackTo for this service). @default undefined (none declared) */
    rollbackTo?: string;
}

export interface WorkloadsArgs {
    environment: Environment;
    /** The namespace every workload lives in; created (and owned) by this component. */
    namespace: string;
    /** The stack's domain; public hosts are `<host>.<domain>`. */
    domain: string;
    /**
     * The run-of-show's feature flags, delivered as the ConfigMap `feature-flags` mounted in
     * every pod. Kill switch: set `enabled: false` and `pulumi up`.
     * @default {}
     */
    featureFlags?: Readonly<Record<string, FeatureFlag>>;
    services: readonly WorkloadService[];
    /**
     * Where the launch stands (the stack's launch.phase): written with each service's
     * rollbackTo on its stable Deployment, for the rollback gate.
     * @default undefined (no launch annotations)
     */
    launchPhase?: LaunchPhase;
    /**
     * The GKE Gateway for public services (declared only when a service has a host).
     * @default {className: "gke-l7-global-external-managed", certificateMap: "golive"}
     */
    gateway?: GatewaySettings;
    /**
     * Roll every service's pods when a feature flag changes (a hash of the flags on the pod
     * template), so a kill switch also reaches apps that read flags only at start-up. The
     * rollout is zero-downtime (maxUnavailable 0). Off: pods see the new file within about a
     * minute through the mounted ConfigMap, without a restart.
     * @default true
     */
    rollOnFeatureFlagChange?: boolean;
    /**
     * The stack config keys the namespace-wide objects come from, written on them as the
     * golive.dev/config annotation (each service's own is its `configPath`): `namespace` on
     * the Namespace and its default deny, `featureFlags` on the flags ConfigMap, `domain` on
     * the Gateway.
     * @default {} (no annotations)
     */
    configKeys?: { namespace?: string; featureFlags?: string; domain?: string };
}

/** The services with a host, as the Gateway's listeners and the stack's outputs name them. */
export function publicHosts(args: Pick<WorkloadsArgs, "services" | "domain">): PublicHost[] {
    return args.services.flatMap((s) => (s.host === undefined ? [] : [{ label: s.host, hostname: `${s.host}.${args.domain}` }]));
}

/**
 * A service's Microservice args: its own, plus what the stack decides for it: the services
 * it calls (the inverse of their `calledBy`), its route on the Gateway, the flags and the
 * launch phase.
 */
export function microserviceArgs(args: WorkloadsArgs, service: WorkloadService, gateway: ResolvedGateway | undefined): MicroserviceArgs {
    const { name, host, rollbackTo, ...own } = service;
    const flagsHash = (args.rollOnFeatureFlagChange ?? true) ? featureFlagsHash(args.featureFlags ?? {}) : undefined;
    return {
        ...own,
        environment: args.environment,
        namespace: args.namespace,
        calls: args.services.filter((o) => o.name !== name && (o.calledBy ?? []).includes(name)).map((o) => ({ name: o.name, port: o.port })),
        publicRoute: host !== undefined && gateway
            ? { host, hostname: `${host}.${args.domain}`, gatewayName, sourceRanges: gateway.sourceRanges }
            : undefined,
        featureFlags: { configMapName: featureFlagsConfigMapName, hash: flagsHash },
        launch: args.launchPhase ? { phase: args.launchPhase, rollbackTo } : undefined,
    };
}
