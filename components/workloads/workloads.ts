import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { WorkloadArgsError, workloadsProblems } from "./checks";
import { featureFlagsConfigMapName, featureFlagsData } from "./feature-flags";
import { gatewayAnnotations, gatewayApiVersion, gatewayName, gatewaySpec, resolveGateway } from "./gateway";
import { namespaceLabels, platformLabels } from "./labels";
import { configAnnotations, objectMeta } from "./metadata";
import { Microservice } from "./microservice";
import { defaultDenySpec } from "./network";
import { microserviceArgs, publicHosts, type WorkloadsArgs } from "./workloads-args";

export type { WorkloadService, WorkloadsArgs } from "./workloads-args";

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
        const hosts = publicHosts(args);
        const gateway = hosts.length > 0 ? resolveGateway(args.gateway) : undefined;
        const problems = workloadsProblems(args);
        if (problems.length > 0 || typeof gateway === "string") throw new WorkloadArgsError(problems);
        super("golive:workloads:Workloads", name, {}, opts);

        const ns = args.namespace;
        const labels = platformLabels(args.environment);
        const keys = args.configKeys ?? {};
        this.namespaceResource = new k8s.core.v1.Namespace(`${name}-namespace`, {
            metadata: objectMeta(ns, undefined, namespaceLabels(args.environment), configAnnotations(keys.namespace)),
        }, { parent: this });
        // Everything else names the namespace as a plain string (known at preview, so the gate
        // can match objects by namespace) and waits for it explicitly.
        const inNamespace: pulumi.CustomResourceOptions = { parent: this, dependsOn: [this.namespaceResource] };
        this.defaultDeny = new k8s.networking.v1.NetworkPolicy(`${name}-default-deny`, {
            metadata: objectMeta("default-deny", ns, labels, configAnnotations(keys.namespace)),
            spec: defaultDenySpec(),
        }, inNamespace);
        this.featureFlags = new k8s.core.v1.ConfigMap(`${name}-feature-flags`, {
            metadata: objectMeta(featureFlagsConfigMapName, ns, labels, configAnnotations(keys.featureFlags)),
            data: featureFlagsData(args.featureFlags ?? {}),
        }, inNamespace);

        if (gateway) {
            this.gateway = new k8s.apiextensions.CustomResource(`${name}-gateway`, {
                apiVersion: gatewayApiVersion,
                kind: "Gateway",
                metadata: objectMeta(gatewayName, ns, labels, { ...gatewayAnnotations(gateway), ...configAnnotations(keys.domain) }),
                spec: gatewaySpec(gateway, hosts),
            }, inNamespace);
        }

        this.services = Object.fromEntries(args.services.map((s) => [s.name, new Microservice(s.name, microserviceArgs(args, s, gateway), {
            parent: this, dependsOn: [this.namespaceResource, this.featureFlags],
        })]));

        this.namespace = this.namespaceResource.metadata.name;
        this.publicHosts = pulumi.output(hosts.map((h) => h.hostname).sort());
        this.registerOutputs({ namespace: this.namespace, publicHosts: this.publicHosts });
    }
}
