import { createHash } from "node:crypto";
import { annotationKeys, labelKeys, partOf, type Environment } from "./defaults";

export type Track = "stable" | "canary";

/** What selects one Deployment's pods: the service and the track (never the version). */
export function selectorLabels(service: string, track: Track): Record<string, string> {
    return { [labelKeys.name]: service, [labelKeys.track]: track };
}

/** Labels on every object of a service. */
export function serviceLabels(service: string, environment: Environment): Record<string, string> {
    return {
        [labelKeys.name]: service,
        [labelKeys.partOf]: partOf,
        [labelKeys.managedBy]: "pulumi",
        [labelKeys.environment]: environment,
    };
}

/** Labels of a Deployment and its pods: the service's, the track, the version, and for a canary its stable. */
export function workloadLabels(service: string, environment: Environment, track: Track, image: string): Record<string, string> {
    return {
        ...serviceLabels(service, environment),
        [labelKeys.track]: track,
        [labelKeys.version]: versionLabel(image),
        ...(track === "canary" ? { [labelKeys.canaryOf]: service } : {}),
    };
}

/** Labels of the namespace-wide objects (namespace, default deny, gateway, flags). */
export function platformLabels(environment: Environment): Record<string, string> {
    return {
        [labelKeys.partOf]: partOf,
        [labelKeys.component]: "platform",
        [labelKeys.managedBy]: "pulumi",
        [labelKeys.environment]: environment,
    };
}

const labelValue = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/**
 * The version an image runs, as a label value (63 characters of [-A-Za-z0-9_.]): its tag,
 * else `sha256-<12 hex>` of its digest. A tag that is not a valid label value is cut down
 * to one, so the label never makes the object invalid.
 */
export function versionLabel(image: string): string {
    const at = image.indexOf("@");
    const ref = at >= 0 ? image.slice(0, at) : image;
    const slash = ref.lastIndexOf("/");
    const colon = ref.indexOf(":", slash + 1);
    const tag = colon >= 0 ? ref.slice(colon + 1) : "";
    if (tag !== "") {
        if (labelValue.test(tag)) return tag;
        const cleaned = tag.replace(/[^-A-Za-z0-9_.]/g, "-").slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
        if (cleaned !== "") return cleaned;
    }
    if (at >= 0) {
        const digest = image.slice(at + 1);
        const hex = digest.slice(digest.indexOf(":") + 1).replace(/[^a-f0-9]/gi, "").slice(0, 12);
        if (hex !== "") return `sha256-${hex}`;
    }
    return "unknown";
}

/** A short, stable hash of JSON-able data (object keys sorted), for rollout-triggering annotations. */
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

/**
 * The annotation naming the stack config key an object comes from (`golive:services[0]`,
 * or a key below it), or none when the caller gave no config path.
 */
export function configAnnotations(configPath: string | undefined, subkey?: string): Record<string, string> {
    if (configPath === undefined) return {};
    return { [annotationKeys.config]: subkey ? `${configPath}.${subkey}` : configPath };
}
