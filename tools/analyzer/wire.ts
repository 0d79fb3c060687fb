/**
 * Turns property values from saved state into what the Analyzer protocol carries. The
 * engine sends analyzers plain values: resource references become their id (or URN),
 * secrets carry their value. Offline we cannot decrypt ciphertext, so such a secret (and an
 * asset saved without its content) is sent as unknown: a policy that reads it reports it
 * could not run, instead of judging a placeholder.
 */
import { specialArchiveSig, specialAssetSig, specialResourceSig, specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";

export interface WireStats {
    encryptedSecrets: number;
    contentlessAssets: number;
    resourceReferences: number;
}

export function newWireStats(): WireStats {
    return { encryptedSecrets: 0, contentlessAssets: 0, resourceReferences: 0 };
}

export function toAnalyzerWire(value: unknown, stats: WireStats): unknown {
    if (Array.isArray(value)) return value.map((v) => toAnalyzerWire(v, stats));
    if (value === null || typeof value !== "object") return value;
    const obj = value as Record<string, unknown>;
    switch (obj[specialSigKey]) {
        case specialSecretSig:
            if ("value" in obj) return { [specialSigKey]: specialSecretSig, value: toAnalyzerWire(obj["value"], stats) };
            if (typeof obj["plaintext"] === "string") {
                let plain: unknown;
                try {
                    plain = JSON.parse(obj["plaintext"]);
                } catch {
                    plain = obj["plaintext"];
                }
                return { [specialSigKey]: specialSecretSig, value: toAnalyzerWire(plain, stats) };
            }
            stats.encryptedSecrets++;
            return unknownValue;
        case specialResourceSig:
            stats.resourceReferences++;
            return typeof obj["id"] === "string" && obj["id"] !== "" ? obj["id"] : obj["urn"];
        case specialAssetSig:
        case specialArchiveSig:
            if (["path", "text", "uri", "assets"].some((k) => k in obj)) return obj;
            stats.contentlessAssets++;
            return unknownValue;
        default: {
            const out: Record<string, unknown> = {};
            for (const [k, v] of Object.entries(obj)) out[k] = toAnalyzerWire(v, stats);
            return out;
        }
    }
}
