import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { describeProblems, serviceProblems, WorkloadArgsError } from "./checks";
import { deploymentSpec } from "./deployment";
import { gatewayApiVersion, gkeNetworkingApiVersion, healthCheckPolicySpec, httpRouteSpec, routeBackends } from "./gateway";
import { serviceLabels, trackLabels, workloadLabels, type Track } from "./labels";
import { configAnnotations, launchAnnotations, objectMeta } from "./metadata";
import { resolveMicroservice, type MicroserviceArgs, type ResolvedMicroservice } from "./microservice-args";
import { serviceNetworkPolicySpec } from "./network";
import { envConfigMapInputs, secretEnvInputs, serviceAccountInputs } from "./service-objects";
import { autoscalerSpec, canaryReplicaRange, clusterServiceSpec, disruptionBudgetSpec, trackName } from "./track";
import type { ReplicaRange } from "./defaults";

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
 * One launch-ready service on GKE: ServiceAccount, ConfigMap, Secret (when it has secret
 * env), NetworkPolicy, and per track (stable, and `<name>-canary` for a canary) a
 * Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget; for a public service
 * an HTTPRoute splitting traffic by the canary's weight and a HealthCheckPolicy per track.
 * The README's canary section says why a canary needs a public host.
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
        const checked = { ...args, name, hasPublicRoute: args.publicRoute !== undefined };
        const problems = serviceProblems(checked);
        if (problems.length > 0) throw new WorkloadArgsError(describeProblems(`service "${name}"`, checked, problems));
        super("golive:workloads:Microservice", name, {}, opts);

        const s = resolveMicroservice(name, args);
        const meta = objectMeta(name, s.namespace, serviceLabels(name, s.environment), configAnnotations(s.configPath));
        // Children wait for what the component waits for (the namespace, the flags ConfigMap).
        const childOpts: pulumi.CustomResourceOptions = { parent: this, ...(opts?.dependsOn ? { dependsOn: opts.dependsOn } : {}) };

        this.serviceAccount = new k8s.core.v1.ServiceAccount(`${name}-serviceaccount`, serviceAccountInputs(s), childOpts);
        this.config = new k8s.core.v1.ConfigMap(`${name}-config`, envConfigMapInputs(s), childOpts);
        const secret = secretEnvInputs(s);
        if (secret) this.secret = new k8s.core.v1.Secret(`${name}-secrets`, secret, childOpts);

        this.stable = this.track(s, "stable", s.image, s.replicas, childOpts);
        if (s.canary) {
            this.canary = this.track(s, "canary", s.canary.image, canaryReplicaRange(s.replicas, s.canary.weight, s.canaryMinReplicas), childOpts);
        }

        this.networkPolicy = new k8s.networking.v1.NetworkPolicy(`${name}-networkpolicy`, {
            metadata: meta,
            spec: serviceNetworkPolicySpec({ ...s, service: name, loadBalancerSourceRanges: s.publicRoute?.sourceRanges }),
        }, childOpts);

        if (s.publicRoute) {
            const route = s.publicRoute;
            // The route moves traffic to the canary only once its pods are rolled out and ready.
            const ready = this.canary ? [this.stable.service, this.canary.service, this.canary.deployment] : [this.stable.service];
            this.route = new k8s.apiextensions.CustomResource(`${name}-httproute`, {
                apiVersion: gatewayApiVersion,
                kind: "HTTPRoute",
                metadata: meta,
                spec: httpRouteSpec(route.gatewayName, { label: route.host, hostname: route.hostname }, routeBackends(name, s.port, s.canary?.weight)),
            }, { ...childOpts, dependsOn: mergeDependsOn(childOpts.dependsOn, ready) });
            this.publicUrl = `https://${route.hostname}`;
        }

        this.url = `http://${name}.${s.namespace}.svc.cluster.local:${s.port}`;
        this.registerOutputs({
            url: this.url,
            publicUrl: this.publicUrl,
            deployment: this.stable.deployment.metadata.name,
            canaryDeployment: this.canary?.deployment.metadata.name,
        });
    }

    /** One track's Deployment, Service, HPA, PDB and (public services) health check; Pulumi names follow the Kubernetes names. */
    private track(s: ResolvedMicroservice, track: Track, image: string, range: ReplicaRange, childOpts: pulumi.CustomResourceOptions): MicroserviceTrack {
        const objectName = trackName(s.name, track);
        const labels = trackLabels(s.name, s.environment, track, image);
        const source = configAnnotations(s.configPath);
        const meta = objectMeta(objectName, s.namespace, labels, source);
        const after = (...resources: pulumi.Resource[]) => ({ ...childOpts, dependsOn: mergeDependsOn(childOpts.dependsOn, resources) });
        const deployment = new k8s.apps.v1.Deployment(`${objectName}-deployment`, {
            metadata: objectMeta(objectName, s.namespace, workloadLabels(s.name, s.environment, track, image), {
                ...source, ...launchAnnotations(track === "stable" ? s.launch : undefined),
            }),
            spec: deploymentSpec(s, track, image),
        }, after(this.serviceAccount, this.config, ...(this.secret ? [this.secret] : [])));
        const service = new k8s.core.v1.Service(`${objectName}-service`, { metadata: meta, spec: clusterServiceSpec(s.name, track, s.port) }, childOpts);
        const autoscaler = new k8s.autoscaling.v2.HorizontalPodAutoscaler(`${objectName}-hpa`, {
            metadata: meta,
            spec: autoscalerSpec(objectName, range, s.targetCpuUtilization),
        }, after(deployment));
        const disruptionBudget = new k8s.policy.v1.PodDisruptionBudget(`${objectName}-pdb`, { metadata: meta, spec: disruptionBudgetSpec(s.name, track) }, childOpts);
        const healthCheck = s.publicRoute === undefined ? undefined : new k8s.apiextensions.CustomResource(`${objectName}-healthcheck`, {
            apiVersion: gkeNetworkingApiVersion,
            kind: "HealthCheckPolicy",
            metadata: meta,
            spec: healthCheckPolicySpec(objectName, s.healthPath),
        }, after(service));
        return { deployment, service, autoscaler, disruptionBudget, healthCheck };
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
