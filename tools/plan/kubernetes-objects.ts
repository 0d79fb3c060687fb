/**
 * The Kubernetes objects a plan declares, as plain manifests: the inputs the SDK sent for
 * every `kubernetes:` resource. Secret values are never written out, and values unknown
 * during preview are marked as such.
 */
import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { EngineResource } from "../analyzer/resource";

export const secretPlaceholder = "<secret: set at deploy time>";
export const unknownPlaceholder = "<unknown during preview>";

function plain(value: unknown): unknown {
    if (value === unknownValue) return unknownPlaceholder;
    if (Array.isArray(value)) return value.map(plain);
    if (value === null || typeof value !== "object") return value;
    const obj = value as Record<string, unknown>;
    if (obj[specialSigKey] === specialSecretSig) return secretPlaceholder;
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, plain(v)]));
}

export function kubernetesObjects(resources: readonly EngineResource[]): Array<Record<string, unknown>> {
    return resources
        .filter((r) => r.custom && r.type.startsWith("kubernetes:"))
        .map((r) => plain(r.inputs) as Record<string, unknown>);
}
