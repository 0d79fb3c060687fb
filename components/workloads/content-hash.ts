import { createHash } from "node:crypto";

/** A short, stable hash of JSON-able data, for annotations whose change rolls the pods. */
export function contentHash(data: unknown): string {
    return createHash("sha256").update(canonicalJson(data)).digest("hex").slice(0, 16);
}

/** JSON with object keys sorted at every level, so equal data always hashes the same. */
export function canonicalJson(data: unknown): string {
    return JSON.stringify(sortKeys(data));
}

function sortKeys(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v !== null && typeof v === "object") {
        return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
    }
    return v;
}
