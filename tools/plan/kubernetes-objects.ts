/**
 * The Kubernetes objects a plan declares, as plain manifests: the inputs the SDK sent for
 * every `kubernetes:` resource. Secret values never leave the plan (their leaves are
 * replaced, their shape kept, so the object can still be validated). A value unknown during preview cannot be written at all, so
 * its field is left out and named in an annotation, keeping the object schema-valid.
 */
import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { EngineResource } from "../analyzer/resource";

export const secretPlaceholder = "<secret: set at deploy time>";
export const unknownAnnotation = "golive.dev/unknown-at-preview";

const omit = Symbol("omit");

function redacted(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(redacted);
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redacted(v)]));
    }
    return secretPlaceholder;
}

function plain(value: unknown, at: string, unknown: string[]): unknown {
    if (value === unknownValue) {
        unknown.push(at);
        return omit;
    }
    if (Array.isArray(value)) return value.map((v, i) => plain(v, `${at}[${i}]`, unknown)).filter((v) => v !== omit);
    if (value === null || typeof value !== "object") return value;
    const obj = value as Record<string, unknown>;
    if (obj[specialSigKey] === specialSecretSig) {
        if (obj["value"] === unknownValue) {
            unknown.push(at);
            return omit;
        }
        return redacted(obj["value"]);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
        const p = plain(v, at ? `${at}.${k}` : k, unknown);
        if (p !== omit) out[k] = p;
    }
    return out;
}

export function kubernetesObjects(resources: readonly EngineResource[]): Array<Record<string, unknown>> {
    return resources
        .filter((r) => r.custom && r.type.startsWith("kubernetes:"))
        .map((r) => {
            const unknown: string[] = [];
            const obj = plain(r.inputs, "", unknown) as Record<string, unknown>;
            if (unknown.length) {
                const metadata = (obj["metadata"] ??= {}) as Record<string, unknown>;
                const annotations = (metadata["annotations"] ??= {}) as Record<string, string>;
                annotations[unknownAnnotation] = unknown.join(",");
            }
            return obj;
        });
}
