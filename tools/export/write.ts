/**
 * Writes what the plan registered in the shape of `pulumi stack export` (version 3).
 * Secret values are never written: each secret is a secret whose value is unknown, as the
 * engine holds an unset secret during preview (the sentinel as its plaintext). Ciphertext
 * would need the stack's secrets provider to read; without one the Pulumi CLI refuses the
 * whole file ("snapshot contains encrypted secrets but no secrets manager could be found").
 * Values unknown during preview stay as the engine's unknown sentinel, which a saved
 * post-update state never has.
 */
import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { EngineResource } from "../analyzer/resource";

function redact(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(redact);
    if (value === null || typeof value !== "object") return value;
    const obj = value as Record<string, unknown>;
    if (obj[specialSigKey] === specialSecretSig) return { [specialSigKey]: specialSecretSig, plaintext: JSON.stringify(unknownValue) };
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, redact(v)]));
}

export function stackExport(resources: readonly EngineResource[], now: Date, version: string) {
    return {
        version: 3,
        deployment: {
            manifest: { time: now.toISOString(), magic: "", version: `golive plan ${version} (offline, preview under mocks)` },
            resources: resources.map((r) => ({
                urn: r.urn,
                custom: r.custom,
                type: r.type,
                inputs: redact(r.inputs),
                outputs: redact(r.outputs),
                parent: r.parent ?? "",
                protect: r.protect ?? false,
                dependencies: r.dependencies,
                propertyDependencies: r.propertyDependencies,
                provider: r.provider ?? "",
                ...(r.ignoreChanges?.length ? { ignoreChanges: r.ignoreChanges } : {}),
                ...(r.additionalSecretOutputs?.length ? { additionalSecretOutputs: r.additionalSecretOutputs } : {}),
            })),
        },
    };
}
