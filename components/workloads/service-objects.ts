/**
 * The objects a service has once, whatever its tracks: its ServiceAccount, the ConfigMap of
 * its settings and the Secret of its secret settings, as pure inputs.
 */
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { gkeAnnotations } from "../../policies/lib";
import { serviceLabels } from "./labels";
import { configAnnotations, objectMeta } from "./metadata";
import type { ResolvedMicroservice } from "./microservice-args";

/** Their Kubernetes names. */
export function serviceObjectNames(service: string): { serviceAccount: string; configMap: string; secret: string } {
    return { serviceAccount: service, configMap: `${service}-config`, secret: `${service}-secrets` };
}

export function serviceAccountInputs(s: ResolvedMicroservice): k8s.core.v1.ServiceAccountArgs {
    const workloadIdentity: Record<string, string> = s.gcpServiceAccount ? { [gkeAnnotations.workloadIdentity]: s.gcpServiceAccount } : {};
    return {
        metadata: objectMeta(serviceObjectNames(s.name).serviceAccount, s.namespace, serviceLabels(s.name, s.environment), { ...configAnnotations(s.configPath), ...workloadIdentity }),
        automountServiceAccountToken: s.automountServiceAccountToken,
    };
}

/** One entry per key of the service's env, so the gate names `<service>.env.<KEY>`. */
export function envConfigMapInputs(s: ResolvedMicroservice): k8s.core.v1.ConfigMapArgs {
    return {
        metadata: objectMeta(serviceObjectNames(s.name).configMap, s.namespace, serviceLabels(s.name, s.environment), configAnnotations(s.configPath, "env")),
        data: { ...s.env },
    };
}

/** The Secret fed by the service's secret env, or undefined when it has none. Values stay Pulumi secrets. */
export function secretEnvInputs(s: ResolvedMicroservice): k8s.core.v1.SecretArgs | undefined {
    if (Object.keys(s.secretEnv).length === 0) return undefined;
    return {
        metadata: objectMeta(serviceObjectNames(s.name).secret, s.namespace, serviceLabels(s.name, s.environment), configAnnotations(s.configPath, "secretEnv")),
        type: "Opaque",
        stringData: Object.fromEntries(Object.entries(s.secretEnv).map(([k, v]) => [k, pulumi.secret(v)])),
    };
}
