/**
 * Where a finding's fix goes. For an object golive planned, the stack config key it came
 * from (its golive.dev/config annotation plus the subkey a policy judges), in the stack
 * file of the stack named by its URN, as config errors name it:
 * `Pulumi.production.yaml: golive:services[0].replicas.min`. For any other object, the
 * Kubernetes field itself.
 */
import type { Json } from "./json";
import { goliveAnnotations } from "./keys";

/** The namespace of golive's stack config keys: `golive:services`. */
export const configNamespace = "golive";

/**
 * A key path below the namespace, written as `pulumi config --path` reads it:
 * `services[0].secretEnv.DATABASE_URL`, `featureFlags["cockpit-approvals"]`.
 */
export function formatKeyPath(path: readonly PropertyKey[]): string {
    let out = "";
    for (const p of path) {
        if (typeof p === "number") out += `[${p}]`;
        else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(p))) out += out === "" ? String(p) : `.${String(p)}`;
        else out += `[${JSON.stringify(String(p))}]`;
    }
    return out;
}

/** The full stack config key of a path: `golive:services[0].image`. */
export function stackConfigKey(path: readonly PropertyKey[]): string {
    return `${configNamespace}:${formatKeyPath(path)}`;
}

/** A value for an error message, cut short: `"ghcr.io/teei/api:latest"`, `0`. */
export function showValue(value: unknown): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The config keys golive writes on its objects: `golive:services[0]`, `golive:featureFlags`, ... */
const configPath = new RegExp(`^${configNamespace}:[A-Za-z][A-Za-z0-9]*(\\[\\d+\\]|\\.[A-Za-z][A-Za-z0-9]*)*$`);

/** The config key an object declares it was planned from, or undefined for objects golive did not plan. */
export function configSourceOf(props: Json): string | undefined {
    const v: unknown = props?.metadata?.annotations?.[goliveAnnotations.config];
    return typeof v === "string" && configPath.test(v) ? v : undefined;
}

/**
 * The stack file of the stack a URN belongs to (`urn:pulumi:<stack>::<project>::...`), as the
 * Pulumi CLI names it: `Pulumi.<stack>.yaml`.
 */
export function stackFileOf(urn: string): string | undefined {
    const m = /^urn:pulumi:([^:]+)::/.exec(urn);
    return m ? `Pulumi.${m[1]}.yaml` : undefined;
}

/**
 * The stack config key to change for an object golive planned, `subkey` below its source
 * (`replicas.min` -> `Pulumi.production.yaml: golive:services[0].replicas.min`), or
 * undefined for an object golive did not plan.
 */
export function configKey(urn: string, props: Json, subkey?: string): string | undefined {
    const source = configSourceOf(props);
    if (source === undefined) return undefined;
    const key = subkey ? `${source}${subkey.startsWith("[") ? "" : "."}${subkey}` : source;
    const file = stackFileOf(urn);
    return file ? `${file}: ${key}` : key;
}

/**
 * What a fix sets: the stack config key for an object golive planned, with the Kubernetes
 * field it becomes in parentheses; else the Kubernetes field alone.
 * `fixTarget(urn, props, "spec.minReplicas", "replicas.min")` ->
 * `Pulumi.production.yaml: golive:services[0].replicas.min (spec.minReplicas)` or `spec.minReplicas`.
 */
export function fixTarget(urn: string, props: Json, field: string, subkey: string): string {
    const key = configKey(urn, props, subkey);
    return key ? `${key} (${field})` : field;
}

/**
 * The config key of one entry of a ConfigMap golive planned. A ConfigMap planned from a map
 * of settings (source `golive:services[0].env`) holds one entry per key of it
 * (`...env.LOG_LEVEL`); any other (the feature flags file) is a rendering of its source as
 * a whole, named as such. Undefined for a ConfigMap golive did not plan.
 */
export function configKeyOfEntry(urn: string, props: Json, entry: string): { key: string; perEntry: boolean } | undefined {
    const source = configSourceOf(props);
    if (source === undefined) return undefined;
    const perEntry = source.endsWith(".env");
    const key = configKey(urn, props, perEntry ? entry : undefined);
    return key === undefined ? undefined : { key, perEntry };
}
