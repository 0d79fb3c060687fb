/** One Kubernetes object read from a manifest file, with where it came from. */
export interface ManifestObject {
    /** The file it was read from, as the path was given (joined with the directory). */
    file: string;
    /** 0-based index of its YAML document in the file (documents of a `kind: List` share it). */
    documentIndex: number;
    /** 0-based index in the `items` of the `kind: List` it came from, when it came from one. */
    listIndex?: number;
    /** 1-based line where the object starts, for messages. */
    line: number;
    apiVersion: string;
    kind: string;
    name: string;
    /** Absent for cluster-scoped objects and for namespaced ones left to the current context. */
    namespace?: string;
    /** The object as plain JSON data. */
    object: Record<string, unknown>;
    /** The Pulumi type token it would have: `kubernetes:apps/v1:Deployment`. */
    type: string;
}

/**
 * `apps/v1` -> `{ group: "apps", version: "v1" }`; the core API has no group in its
 * apiVersion (`v1`), and Pulumi's kubernetes provider calls it `core`.
 */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
    const i = apiVersion.lastIndexOf("/");
    return i < 0 ? { group: "core", version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** The Pulumi type token of an object: `kubernetes:<group>/<version>:<Kind>`. */
export function pulumiType(apiVersion: string, kind: string): string {
    const { group, version } = splitApiVersion(apiVersion);
    return `kubernetes:${group}/${version}:${kind}`;
}

/** How messages name an object: `Deployment teei/reporting-api`, or `Namespace teei`. */
export function describeObject(kind: unknown, name: unknown, namespace: unknown): string {
    const k = typeof kind === "string" && kind !== "" ? kind : "object";
    const n = typeof name === "string" && name !== "" ? name : "<unnamed>";
    return typeof namespace === "string" && namespace !== "" ? `${k} ${namespace}/${n}` : `${k} ${n}`;
}

/** A plain mapping (not an array, not null). */
export function isMapping(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
