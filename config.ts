/**
 * The stack config (`golive:*` keys of Pulumi.<stack>.yaml): its zod schema, the typed
 * view index.ts works from, and errors that name the stack file, the key path, the bad
 * value and what was expected. Each area's schema lives in schema/ and grows on its own.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { configNamespace, formatKeyPath, showValue, stackConfigKey } from "./policies/lib/config-source";
import { alerting, cluster, domain, edge, environment, featureFlags, firestore, gcp, launch, services, stackEnvironmentProblem } from "./schema";
import { SecretFields } from "./schema/secret-refs";

export const namespace = configNamespace;

export const stackConfigSchema = z
    .strictObject({
        environment,
        gcp,
        domain,
        cluster,
        launch,
        featureFlags: featureFlags.default({}),
        services,
        alerting: alerting.default(alerting.parse({})),
        firestore: firestore.optional(),
        edge: edge.optional(),
    })
    .check(
        // The rollback plan must name services that exist, or it is no plan.
        z.superRefine((c: { launch?: { rollbackTo?: Record<string, string> }; services?: Array<{ name?: unknown }>; alerting?: { services?: Record<string, unknown> } }, ctx) => {
            if (!Array.isArray(c?.services) || c.services.length === 0) return; // reported already
            const names = new Set(c.services.map((s) => s?.name));
            for (const name of Object.keys(c?.launch?.rollbackTo ?? {})) {
                if (!names.has(name)) {
                    ctx.addIssue({ code: "custom", path: ["launch", "rollbackTo"], message: `"${name}" names no service; expected one of ${[...names].join(", ")}` });
                }
            }
            // Alert overrides for a service that does not exist would silently apply to nothing.
            for (const name of Object.keys(c?.alerting?.services ?? {})) {
                if (!names.has(name)) {
                    ctx.addIssue({ code: "custom", path: ["alerting", "services", name], message: `names no service; expected one of ${[...names].join(", ")}` });
                }
            }
        }, { when: () => true }),
        // Production's paging floor: no resource carries the pager yet (monitoring is next), so the config holds it.
        z.superRefine((c: { environment?: unknown; alerting?: { pagerduty?: unknown } }, ctx) => {
            if (c?.environment === "production" && c.alerting !== undefined && !c.alerting?.pagerduty) {
                ctx.addIssue({
                    code: "custom",
                    path: ["alerting", "pagerduty"],
                    message: "is required in production: alerts page the on-call through PagerDuty (runbook 004); set alerting.pagerduty.integrationKeySecret to the name of the secret holding the integration key",
                });
            }
        }, { when: () => true }),
    );

export type StackConfig = z.infer<typeof stackConfigSchema>;

export interface SecretRef {
    /** The config key (without `golive:`) holding the secret. */
    key: string;
    /** Where the stack config references it, e.g. services[0].secretEnv.DATABASE_URL. */
    usedBy: string;
}

export interface GoliveConfig extends StackConfig {
    /** Every secret the config names, in order of first use. */
    secretRefs: SecretRef[];
}

/** A RunError, so the Pulumi CLI prints the problems without a stack trace. */
export class ConfigError extends pulumi.RunError {
    constructor(readonly problems: string[]) {
        super(problems.join("\n"));
        this.name = "ConfigError";
    }
}

const knownKeys = Object.keys(stackConfigSchema.shape);

/** Config values arrive as strings; structured values are JSON, plain strings are not. */
function decode(value: string): unknown {
    try {
        return JSON.parse(value);
    } catch {
        return value;
    }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
    let node = root;
    for (const p of path) {
        if (node === null || typeof node !== "object") return undefined;
        node = (node as Record<PropertyKey, unknown>)[p];
    }
    return node;
}

let secretFieldsOfSchema: SecretFields | undefined;
/** The schema's secretRef fields, read from the schema on first use. */
function secretFields(): SecretFields {
    return (secretFieldsOfSchema ??= new SecretFields(stackConfigSchema));
}

/** Whether the value at `path` names a secret or holds one that does: a value put there by mistake may be the secret itself, so never echo it. */
function holdsSecret(path: readonly PropertyKey[]): boolean {
    return secretFields().holdsSecret(path);
}

function distance(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
    }
    return d[a.length]![b.length]!;
}

function unknownKeyMessage(key: string, candidates: readonly string[]): string {
    const best = candidates.map((c) => ({ c, d: distance(key.toLowerCase(), c.toLowerCase()) })).sort((x, y) => x.d - y.d)[0];
    const hint = best && best.d <= 2 ? ` (did you mean ${best.c}?)` : "";
    return `unknown key${hint}; expected one of ${candidates.join(", ")}`;
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
    const path = issue.path;
    const at = path.length ? stackConfigKey(path) : namespace;
    switch (issue.code) {
        case "unrecognized_keys":
            return issue.keys.map((k) => `${stackConfigKey([...path, k])}: unknown key; remove it or check its spelling`).join("\n");
        case "invalid_type": {
            const got = valueAt(input, path);
            if (got === undefined) return `${at}: is required (expected ${issue.expected})`;
            return holdsSecret(path) ? `${at}: expected ${issue.expected}` : `${at}: expected ${issue.expected}, got ${showValue(got)}`;
        }
        case "invalid_value": {
            const got = valueAt(input, path);
            const expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
            return got === undefined ? `${at}: is required (expected ${expected})` : `${at}: expected ${expected}, got ${showValue(got)}`;
        }
        default: {
            const got = valueAt(input, path);
            const suffix = got === undefined || typeof got === "object" || holdsSecret(path) ? "" : ` (got ${showValue(got)})`;
            return `${at}: ${issue.message}${suffix}`;
        }
    }
}

/** Every secret the config names (the fields of type secretRef), in the config's order. */
function collectSecretRefs(c: StackConfig): SecretRef[] {
    return secretFields().usesIn(c).map((u) => ({ key: u.key, usedBy: formatKeyPath(u.path) }));
}

/**
 * Validates the raw config map (`pulumi.runtime.allConfig()`: `golive:key` -> string) of a
 * stack. `isSecret` tells whether a key was set with --secret. The stack's name decides its
 * environment (schema/platform.ts), which golive:environment must match. Throws ConfigError
 * listing every problem, each as `<stackFile>: <key path>: <what is wrong>`.
 */
export function parseStackConfig(raw: Readonly<Record<string, string>>, isSecret: (key: string) => boolean, stackFile: string, stack: string): GoliveConfig {
    const input: Record<string, unknown> = {};
    const extra: string[] = [];
    for (const [fullKey, value] of Object.entries(raw)) {
        if (!fullKey.startsWith(`${namespace}:`)) continue; // provider config (gcp:project, ...) is not ours
        const key = fullKey.slice(namespace.length + 1);
        if (knownKeys.includes(key)) input[key] = decode(value);
        else extra.push(key);
    }
    const problems: string[] = [];
    const result = stackConfigSchema.safeParse(input);
    if (!result.success) {
        for (const issue of result.error.issues) problems.push(...issueMessage(issue, input).split("\n"));
    }
    const declared = environment.safeParse(input["environment"]);
    if (declared.success) {
        const mismatch = stackEnvironmentProblem(stack, declared.data);
        if (mismatch) problems.unshift(`${namespace}:environment: ${mismatch}`);
    }
    const refs = result.success ? collectSecretRefs(result.data) : [];
    const referenced = new Set(refs.map((r) => r.key));
    for (const key of extra) {
        if (referenced.has(key)) {
            if (!isSecret(`${namespace}:${key}`)) {
                problems.push(`${namespace}:${key}: is a secret in plain text; remove it from the file and run \`pulumi config set --secret ${key} <value>\``);
            }
        } else if (!(isSecret(`${namespace}:${key}`) && !result.success)) {
            problems.push(`${namespace}:${key}: ${unknownKeyMessage(key, [...knownKeys])}`);
        }
    }
    if (problems.length > 0 || !result.success) {
        throw new ConfigError(problems.map((p) => `${stackFile}: ${p}`));
    }
    const seen = new Set<string>();
    const secretRefs = refs.filter((r) => (seen.has(r.key) ? false : (seen.add(r.key), true)));
    return { ...result.data, secretRefs };
}

