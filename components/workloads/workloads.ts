import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { LaunchPhase } from "../../policies/lib/launch";
import { defaults, type Environment } from "./defaults";
import { featureFlagsConfigMapName, featureFlagsData, featureFlagsHash, type FeatureFlag } from "./feature-flags";
import { gatewayAnnotations, gatewayApiVersion, gatewaySpec, resolveGateway, type GatewaySettings, type PublicHost } from "./gateway";
import { configAnnotations, platformLabels } from "./labels";
import { Microservice, type MicroserviceArgs } from "./microservice";
import { defaultDenySpec } from "./network";
import { canarySuffix, serviceProblems, WorkloadArgsError } from "./validate";

/**
 * One service of the stack, as the stack config declares it (schema/services.ts): the
 * Microservice args the config can set, plus its name and public host. Workloads fills in
 * the rest (environment, namespace, calls, publicRoute, featureFlags).
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

/** The Gateway's Kubernetes name. */
export const gatewayName = "public";

const dnsLabel = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Every problem with the arguments, across services, before anything is registered. */
export function workloadsProblems(args: WorkloadsArgs): string[] {
    const problems: string[] = [];
    if (!dnsLabel.test(args.namespace)) problems.push(`namespace: "${args.namespace}" must be a DNS label`);
    const names = new Set<string>();
    const hosts = new Map<string, string>();
    for (const s of args.services) {
        if (names.has(s.name)) problems.push(`service "${s.name}": name: is declared twice; service names must be unique`);
        names.add(s.name);
        if (s.host !== undefined) {
            const other = hosts.get(s.host);
            if (other !== undefined) problems.push(`service "${s.name}": host: "${s.host}" is already served by "${other}"; one service per host`);
            else hosts.set(s.host, s.name);
        }
    }
    for (const s of args.services) {
        for (const caller of s.calledBy ?? []) {
            if (!names.has(caller)) problems.push(`service "${s.name}": calledBy: names no service "${caller}"; expected one of ${[...names].join(", ")}`);
        }
        if (s.canary && names.has(`${s.name}${canarySuffix}`)) {
            problems.push(`service "${s.name}": canary: its objects would be named "${s.name}${canarySuffix}", which is another service's name; rename that service`);
        }
        problems.push(...serviceProblems({
            ...s,
            hasPublicRoute: s.host !== undefined,
            preStopSleepSeconds: s.preStopSleepSeconds ?? defaults.preStopSleepSeconds,
            terminationGracePeriodSeconds: s.terminationGracePeriodSeconds ?? defaults.terminationGracePeriodSeconds,
        }));
    }
    if (hosts.size > 0) {
        const gateway = resolveGateway(args.gateway);
        if (typeof gateway === "string") problems.push(gateway);
    }
    return problems;
}

/**
 * The Kubernetes workloads of one stack on GKE: the namespace (Pod Security Standards
 * "restricted", enforced), a default-deny NetworkPolicy for it (ingress and egress), the
 * feature flags ConfigMap, the Gateway for public hosts, and one Microservice per service.
 */
export class Workloads extends pulumi.ComponentResource {
    /** The namespace's name, known at preview. */
    readonly namespace: pulumi.Output<string>;
    /** The public host names, sorted. */
    readonly publicHosts: pulumi.Output<string[]>;
    readonly services: Readonly<Record<string, Microservice>>;
    readonly namespaceResource: k8s.core.v1.Namespace;
    readonly defaultDeny: k8s.networking.v1.NetworkPolicy;
    readonly featureFlags: k8s.core.v1.ConfigMap;
    readonly gateway?: k8s.apiextensions.CustomResource;

    constructor(name: string, args: WorkloadsArgs, opts?: pulumi.ComponentResourceOptions) {
        const problems = workloadsProblems(args);
        if (problems.length > 0) throw new WorkloadArgsError(problems);

        super("golive:workloads:Workloads", name, {}, opts);

        const env = args.environment;
        const ns = args.namespace;
        const labels = platformLabels(env);
        const keys = args.configKeys ?? {};
        const source = (key: string | undefined) => {
            const a = configAnnotations(key);
            return Object.keys(a).length > 0 ? { annotations: a } : {};
        };

        this.namespaceResource = new k8s.core.v1.Namespace(`${name}-namespace`, {
            metadata: {
                name: ns,
                ...source(keys.namespace),
                labels: {
                    ...labels,
                    "pod-security.kubernetes.io/enforce": "restricted",
                    "pod-security.kubernetes.io/enforce-version": "latest",
                    "pod-security.kubernetes.io/audit": "restricted",
                    "pod-security.kubernetes.io/warn": "restricted",
                },
            },
        }, { parent: this });
        // Everything else names the namespace as a plain string (known at preview, so the gate
        // can match objects by namespace) and waits for it explicitly.
        const inNamespace: pulumi.CustomResourceOptions = { parent: this, dependsOn: [this.namespaceResource] };

        this.defaultDeny = new k8s.networking.v1.NetworkPolicy(`${name}-default-deny`, {
            metadata: { name: "default-deny", namespace: ns, labels, ...source(keys.namespace) },
            spec: defaultDenySpec(),
        }, inNamespace);

        const flags = args.featureFlags ?? {};
        this.featureFlags = new k8s.core.v1.ConfigMap(`${name}-feature-flags`, {
            metadata: { name: featureFlagsConfigMapName, namespace: ns, labels, ...source(keys.featureFlags) },
            data: featureFlagsData(flags),
        }, inNamespace);
        const flagsHash = (args.rollOnFeatureFlagChange ?? true) ? featureFlagsHash(flags) : undefined;

        const publicHosts: PublicHost[] = args.services
            .filter((s) => s.host !== undefined)
            .map((s) => ({ label: s.host!, hostname: `${s.host}.${args.domain}` }));
        const gateway = resolveGateway(args.gateway);
        if (publicHosts.length > 0 && typeof gateway !== "string") {
            this.gateway = new k8s.apiextensions.CustomResource(`${name}-gateway`, {
                apiVersion: gatewayApiVersion,
                kind: "Gateway",
                metadata: { name: gatewayName, namespace: ns, labels, annotations: { ...gatewayAnnotations(gateway), ...configAnnotations(keys.domain) } },
                spec: gatewaySpec(gateway, publicHosts),
            }, inNamespace);
        }

        const services: Record<string, Microservice> = {};
        for (const s of args.services) {
            const calls = args.services
                .filter((o) => o.name !== s.name && (o.calledBy ?? []).includes(s.name))
                .map((o) => ({ name: o.name, port: o.port }));
            const { name: serviceName, host, rollbackTo, ...rest } = s;
            services[serviceName] = new Microservice(serviceName, {
                ...rest,
                environment: env,
                namespace: ns,
                calls,
                publicRoute: host !== undefined && typeof gateway !== "string"
                    ? { host, hostname: `${host}.${args.domain}`, gatewayName, sourceRanges: gateway.sourceRanges }
                    : undefined,
                featureFlags: { configMapName: featureFlagsConfigMapName, hash: flagsHash },
                launch: args.launchPhase ? { phase: args.launchPhase, rollbackTo } : undefined,
            }, { parent: this, dependsOn: [this.namespaceResource, this.featureFlags] });
        }
        this.services = services;

        this.namespace = this.namespaceResource.metadata.name;
        this.publicHosts = pulumi.output(publicHosts.map((h) => h.hostname).sort());
        this.registerOutputs({ namespace: this.namespace, publicHosts: this.publicHosts });
    }
}
