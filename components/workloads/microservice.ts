import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { annotationKeys, defaults, labelKeys, type ProbeTimings, type ReplicaRange } from "./defaults";
import { gatewayApiVersion, gkeNetworkingApiVersion, healthCheckPolicySpec, httpRouteSpec, type Backend } from "./gateway";
import { configAnnotations, contentHash, selectorLabels, serviceLabels, workloadLabels, type Track } from "./labels";
import type { MicroserviceArgs, MicroserviceTuning } from "./microservice-args";
import { kubeDnsPeer, serviceNetworkPolicySpec } from "./network";
import { deploymentSpec, launchAnnotationsOf, portName } from "./pod";
import { canarySuffix, serviceProblems, WorkloadArgsError } from "./validate";

export type { MicroserviceArgs, MicroserviceCanary, MicroserviceLaunch, MicroserviceResources, MicroserviceTuning, PublicRoute } from "./microservice-args";

/** The objects of one track of a service. */
export interface MicroserviceTrack {
    deployment: k8s.apps.v1.Deployment;
    service: k8s.core.v1.Service;
    autoscaler: k8s.autoscaling.v2.HorizontalPodAutoscaler;
    disruptionBudget: k8s.policy.v1.PodDisruptionBudget;
    healthCheck?: k8s.apiextensions.CustomResource;
}

/**
 * The canary's replica range: its share of the stable range, never below the floor, and
 * always able to scale (max above min, as the gate requires of every HPA). At weight 100 it
 * can take all of the stable's load.
 */
export function canaryReplicaRange(stable: ReplicaRange, weight: number, floor: number): ReplicaRange {
    const min = Math.max(floor, Math.ceil((stable.min * weight) / 100));
    const max = Math.max(min + 1, Math.ceil((stable.max * weight) / 100));
    return { min, max };
}

function merged(timings: MicroserviceTuning["probes"]): ProbeTimings {
    return {
        startup: { ...defaults.probes.startup, ...timings?.startup },
        readiness: { ...defaults.probes.readiness, ...timings?.readiness },
        liveness: { ...defaults.probes.liveness, ...timings?.liveness },
    };
}

/**
 * One launch-ready service on GKE: ServiceAccount, ConfigMap, Secret (when it has secret
 * env), Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget and
 * NetworkPolicy; for a public service an HTTPRoute and a HealthCheckPolicy; for a canary a
 * second Deployment, Service, HPA, PDB (and HealthCheckPolicy) named `<name>-canary`.
 *
 * Canary design. Traffic is split by the gateway: the HTTPRoute sends `100 - weight` percent
 * to `<name>` and `weight` percent to `<name>-canary`, request by request, whatever the pod
 * counts. Each track has its own HPA, so capacity follows the traffic: the canary's range is
 * its share of the stable range with a floor of 2, so a canary never runs a single pod and
 * the production replica gate needs no exception for it. An internal service (no host) is
 * refused a canary: callers reach it through its ClusterIP Service, which has no weights,
 * and a split by replica ratio would not be the configured weight (with a floor of 2 canary
 * pods, "10 %" would be 50 % beside 2 stable pods, and both HPAs move the ratio all the
 * time). Promotion: set `image` to the canary's image (the stable track rolls to it), then
 * remove `canary`. Rollback: weight 0 (routing only, the canary stays up for debugging) or
 * remove `canary`.
 */
export class Microservice extends pulumi.ComponentResource {
    /** The in-cluster URL callers use. */
    readonly url: string;
    /** `https://<host>` when public. */
    readonly publicUrl?: string;
    readonly serviceAccount: k8s.core.v1.ServiceAccount;
    readonly config: k8s.core.v1.ConfigMap;
    readonly secret?: k8s.core.v1.Secret;
    readonly stable: MicroserviceTrack;
    readonly canary?: MicroserviceTrack;
    readonly networkPolicy: k8s.networking.v1.NetworkPolicy;
    readonly route?: k8s.apiextensions.CustomResource;

    constructor(name: string, args: MicroserviceArgs, opts?: pulumi.ComponentResourceOptions) {
        const preStopSleepSeconds = args.preStopSleepSeconds ?? defaults.preStopSleepSeconds;
        const terminationGracePeriodSeconds = args.terminationGracePeriodSeconds ?? defaults.terminationGracePeriodSeconds;
        const problems = serviceProblems({
            name,
            image: args.image,
            port: args.port,
            healthPath: args.healthPath,
            replicas: args.replicas,
            env: args.env,
            secretEnv: args.secretEnv,
            hasPublicRoute: args.publicRoute !== undefined,
            canary: args.canary,
            preStopSleepSeconds,
            terminationGracePeriodSeconds,
        });
        if (problems.length > 0) throw new WorkloadArgsError(problems);

        super("golive:workloads:Microservice", name, {}, opts);

        const env = args.environment;
        const ns = args.namespace;
        const healthPath = args.healthPath ?? defaults.healthPath;
        const replicas = args.replicas ?? defaults.replicas[env];
        const envValues = args.env ?? {};
        const secretEnv = args.secretEnv ?? {};
        const labels = serviceLabels(name, env);
        // Children wait for what the component waits for (the namespace, the flags ConfigMap).
        const childOpts: pulumi.CustomResourceOptions = { parent: this, ...(opts?.dependsOn ? { dependsOn: opts.dependsOn } : {}) };
        // Every object names the stack config key it comes from, so the gate's findings can too.
        const source = configAnnotations(args.configPath);
        const annotated = (a: Record<string, string>) => (Object.keys(a).length > 0 ? { annotations: a } : {});
        const meta = (objectName: string, extra: Record<string, string> = {}) => ({ name: objectName, namespace: ns, labels: { ...labels, ...extra }, ...annotated(source) });

        this.serviceAccount = new k8s.core.v1.ServiceAccount(`${name}-serviceaccount`, {
            metadata: {
                ...meta(name),
                ...annotated({ ...source, ...(args.gcpServiceAccount ? { [annotationKeys.workloadIdentity]: args.gcpServiceAccount } : {}) }),
            },
            automountServiceAccountToken: args.automountServiceAccountToken ?? false,
        }, childOpts);

        const configMapName = `${name}-config`;
        this.config = new k8s.core.v1.ConfigMap(`${name}-config`, {
            // One entry per key of the service's env: the gate names `<service>.env.<KEY>`.
            metadata: { ...meta(configMapName), ...annotated(configAnnotations(args.configPath, "env")) },
            data: { ...envValues },
        }, childOpts);

        const secretName = `${name}-secrets`;
        const secretEnvNames = Object.keys(secretEnv);
        if (secretEnvNames.length > 0) {
            this.secret = new k8s.core.v1.Secret(`${name}-secrets`, {
                metadata: { ...meta(secretName), ...annotated(configAnnotations(args.configPath, "secretEnv")) },
                type: "Opaque",
                stringData: Object.fromEntries(Object.entries(secretEnv).map(([k, v]) => [k, pulumi.secret(v)])),
            }, childOpts);
        }

        const podAnnotations: Record<string, string> = { [annotationKeys.configHash]: contentHash(envValues) };
        if (args.featureFlags?.hash) podAnnotations[annotationKeys.featureFlagsHash] = args.featureFlags.hash;

        const trackOf = (track: Track, image: string, range: ReplicaRange): MicroserviceTrack => {
            const objectName = track === "stable" ? name : `${name}${canarySuffix}`;
            const key = objectName; // Pulumi names derive from the Kubernetes names: stable keys
            const workload = workloadLabels(name, env, track, image);
            const dependsOnConfig = [this.serviceAccount, this.config, ...(this.secret ? [this.secret] : [])];
            const deployment = new k8s.apps.v1.Deployment(`${key}-deployment`, {
                metadata: { name: objectName, namespace: ns, labels: workload, ...annotated({ ...source, ...launchAnnotationsOf(track === "stable" ? args.launch : undefined) }) },
                spec: deploymentSpec({
                    service: name,
                    environment: env,
                    track,
                    image,
                    port: args.port,
                    healthPath,
                    livenessPath: args.livenessPath ?? healthPath,
                    envNames: Object.keys(envValues),
                    secretEnvNames,
                    configMapName,
                    secretName,
                    podAnnotations,
                    resources: args.resources ?? defaults.resources,
                    probes: merged(args.probes),
                    preStopSleepSeconds,
                    terminationGracePeriodSeconds,
                    maxSurge: args.maxSurge ?? defaults.maxSurge,
                    minReadySeconds: args.minReadySeconds ?? defaults.minReadySeconds,
                    revisionHistoryLimit: args.revisionHistoryLimit ?? defaults.revisionHistoryLimit,
                    runAsUser: args.runAsUser ?? defaults.runAsUser,
                    runAsGroup: args.runAsGroup ?? defaults.runAsGroup,
                    tmpSizeLimit: args.tmpSizeLimit ?? defaults.tmpSizeLimit,
                    zoneSpread: args.zoneSpread ?? defaults.zoneSpread[env],
                    serviceAccountName: name,
                    automountServiceAccountToken: args.automountServiceAccountToken ?? false,
                    featureFlagsConfigMap: args.featureFlags?.configMapName,
                }),
            }, { ...childOpts, dependsOn: mergeDependsOn(childOpts.dependsOn, dependsOnConfig) });
            const trackLabels = track === "canary" ? workload : { ...labels, [labelKeys.track]: track };
            const service = new k8s.core.v1.Service(`${key}-service`, {
                metadata: { name: objectName, namespace: ns, labels: trackLabels, ...annotated(source) },
                spec: {
                    type: "ClusterIP",
                    selector: selectorLabels(name, track),
                    ports: [{ name: portName, port: args.port, targetPort: portName, protocol: "TCP" }],
                },
            }, childOpts);
            const autoscaler = new k8s.autoscaling.v2.HorizontalPodAutoscaler(`${key}-hpa`, {
                metadata: { name: objectName, namespace: ns, labels: trackLabels, ...annotated(source) },
                spec: {
                    scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: objectName },
                    minReplicas: range.min,
                    maxReplicas: range.max,
                    metrics: [{
                        type: "Resource",
                        resource: { name: "cpu", target: { type: "Utilization", averageUtilization: args.targetCpuUtilization ?? defaults.targetCpuUtilization } },
                    }],
                    behavior: {
                        scaleDown: {
                            stabilizationWindowSeconds: defaults.scaleDownStabilizationSeconds,
                            policies: [{ type: "Percent", value: 50, periodSeconds: 60 }],
                        },
                    },
                },
            }, { ...childOpts, dependsOn: mergeDependsOn(childOpts.dependsOn, [deployment]) });
            // maxUnavailable 1: a drain always makes progress, and never takes more than one pod
            // of a track at a time; the selector includes the track, so no pod has two budgets.
            const disruptionBudget = new k8s.policy.v1.PodDisruptionBudget(`${key}-pdb`, {
                metadata: { name: objectName, namespace: ns, labels: trackLabels, ...annotated(source) },
                spec: {
                    maxUnavailable: 1,
                    selector: { matchLabels: selectorLabels(name, track) },
                    // Crash-looping pods never block a drain.
                    unhealthyPodEvictionPolicy: "AlwaysAllow",
                },
            }, childOpts);
            let healthCheck: k8s.apiextensions.CustomResource | undefined;
            if (args.publicRoute) {
                healthCheck = new k8s.apiextensions.CustomResource(`${key}-healthcheck`, {
                    apiVersion: gkeNetworkingApiVersion,
                    kind: "HealthCheckPolicy",
                    metadata: { name: objectName, namespace: ns, labels: trackLabels, ...annotated(source) },
                    spec: healthCheckPolicySpec(objectName, healthPath),
                }, { ...childOpts, dependsOn: mergeDependsOn(childOpts.dependsOn, [service]) });
            }
            return { deployment, service, autoscaler, disruptionBudget, healthCheck };
        };

        this.stable = trackOf("stable", args.image, replicas);
        if (args.canary) {
            const floor = args.canaryMinReplicas ?? defaults.canaryMinReplicas;
            this.canary = trackOf("canary", args.canary.image, canaryReplicaRange(replicas, args.canary.weight, floor));
        }

        this.networkPolicy = new k8s.networking.v1.NetworkPolicy(`${name}-networkpolicy`, {
            metadata: meta(name),
            spec: serviceNetworkPolicySpec({
                service: name,
                port: args.port,
                calledBy: args.calledBy ?? [],
                calls: args.calls ?? [],
                loadBalancerSourceRanges: args.publicRoute?.sourceRanges,
                dnsPeers: args.dnsPeers ?? [kubeDnsPeer],
                externalHttps: args.externalHttps ?? true,
                metadataServer: args.metadataServer ?? true,
                extraEgress: args.extraEgress ?? [],
            }),
        }, childOpts);

        if (args.publicRoute) {
            const route = args.publicRoute;
            const weight = args.canary?.weight ?? 0;
            const backends: Backend[] = [{ name, port: args.port, weight: 100 - weight }];
            const routeDependsOn: pulumi.Resource[] = [this.stable.service];
            if (this.canary) {
                backends.push({ name: `${name}${canarySuffix}`, port: args.port, weight });
                // The route moves traffic only after the canary's pods are rolled out and ready.
                routeDependsOn.push(this.canary.service, this.canary.deployment);
            }
            this.route = new k8s.apiextensions.CustomResource(`${name}-httproute`, {
                apiVersion: gatewayApiVersion,
                kind: "HTTPRoute",
                metadata: meta(name),
                spec: httpRouteSpec(route.gatewayName, { label: route.host, hostname: route.hostname }, backends),
            }, { ...childOpts, dependsOn: mergeDependsOn(childOpts.dependsOn, routeDependsOn) });
            this.publicUrl = `https://${route.hostname}`;
        }

        this.url = `http://${name}.${ns}.svc.cluster.local:${args.port}`;
        this.registerOutputs({
            url: this.url,
            publicUrl: this.publicUrl,
            deployment: this.stable.deployment.metadata.name,
            canaryDeployment: this.canary?.deployment.metadata.name,
        });
    }
}

/**
 * The component's `dependsOn` plus local ordering. A component `dependsOn` given as an Output
 * or Promise is passed on as it is (the local ordering is then left to Kubernetes' retries).
 */
function mergeDependsOn(
    inherited: pulumi.CustomResourceOptions["dependsOn"],
    local: readonly pulumi.Resource[],
): pulumi.CustomResourceOptions["dependsOn"] {
    if (inherited === undefined) return [...local];
    if (Array.isArray(inherited)) return [...inherited, ...local];
    if (pulumi.Resource.isInstance(inherited)) return [inherited, ...local];
    return inherited;
}
