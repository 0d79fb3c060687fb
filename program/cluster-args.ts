import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { StackConfig } from "../config";

/**
 * The Kubernetes provider's args: the cluster the stack names (its kubeconfig context, or a
 * whole kubeconfig from a secret), never whatever the ambient kubeconfig points at.
 */
export function clusterProviderArgs(config: StackConfig, secret: (key: string) => pulumi.Input<string>): k8s.ProviderArgs {
    return {
        context: config.cluster.context,
        kubeconfig: config.cluster.kubeconfigSecret ? secret(config.cluster.kubeconfigSecret) : undefined,
        enableServerSideApply: true,
    };
}
