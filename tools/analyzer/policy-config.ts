/**
 * Reads a `--policy-pack-config` file (policies/config/<stack>.json by default) and turns it
 * into the Configure request, doing what the Pulumi CLI does before it calls the pack
 * (pkg/resource/analyzer/config.go, ReconcilePolicyPackConfig): every policy starts from its
 * own level and its configSchema's defaults, "all" sets every policy's level, a policy's own
 * entry overrides both, and the result is validated against each policy's configSchema
 * (JSON Schema, the shape the CLI validates: an object of `properties` and `required`).
 * Stricter than the CLI, which ignores them, a name that is no policy of the pack and a
 * setting that is not in a policy's schema are refused: in a gate, a typo must not quietly
 * leave a policy at its default.
 */
import * as fs from "node:fs";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { Ajv, type ErrorObject } from "ajv";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { InputError } from "../cli/errors";

export type Level = "advisory" | "mandatory" | "remediate" | "disabled";
const levels: readonly Level[] = ["advisory", "mandatory", "remediate", "disabled"];
const levelEnum: Record<Level, analyzerProto.EnforcementLevel> = {
    advisory: analyzerProto.EnforcementLevel.ADVISORY,
    mandatory: analyzerProto.EnforcementLevel.MANDATORY,
    remediate: analyzerProto.EnforcementLevel.REMEDIATE,
    disabled: analyzerProto.EnforcementLevel.DISABLED,
};
export const levelNames: Record<number, Level> = { 0: "advisory", 1: "mandatory", 2: "disabled", 3: "remediate" };

export interface EffectivePolicyConfig {
    level: Level;
    properties: Record<string, unknown>;
}

type JsonSchema = Record<string, unknown>;

const expectedShape = '{"all": "advisory"|"mandatory", "<policy>": "<level>" or {"enforcementLevel": "<level>", "<setting>": <value>}}';

function isLevel(v: unknown): v is Level {
    return typeof v === "string" && (levels as readonly string[]).includes(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A policy's configSchema as the CLI validates it: an object with these properties and required keys. */
function schemaOf(p: analyzerProto.PolicyInfo): { properties: Record<string, JsonSchema>; required: string[] } | undefined {
    const s = p.getConfigschema();
    if (!s) return undefined;
    return { properties: (s.getProperties()?.toJavaScript() ?? {}) as Record<string, JsonSchema>, required: s.getRequiredList() };
}

function readConfigFile(file: string): Record<string, unknown> {
    let raw: unknown;
    try {
        const text = fs.readFileSync(file, "utf8");
        // An empty file is an empty config, as the CLI takes it.
        raw = text.trim() === "" ? {} : JSON.parse(text);
    } catch (e) {
        const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not valid JSON: ${(e as Error).message}`;
        throw new InputError(`${file}: ${why}; expected ${expectedShape}`);
    }
    if (!isRecord(raw)) throw new InputError(`${file}: expected a JSON object of policy names to levels or settings: ${expectedShape}`);
    // The CLI's versioned form (version 2: policies, exceptions, ESC environments) and its ESC
    // environments need the Pulumi Cloud; offline, only the plain form has a meaning.
    if (typeof raw["version"] === "number" || "environments" in raw) {
        const key = typeof raw["version"] === "number" ? "version" : "environments";
        throw new InputError(`${file}: ${key}: versioned policy config and ESC environments are not supported by the offline gate; use the plain form ${expectedShape}`);
    }
    return raw;
}

/** `all` as a level or `{"enforcementLevel": level}`, as the CLI accepts it. */
function allLevel(file: string, all: unknown, problems: string[]): Level | undefined {
    if (all === undefined) return undefined;
    const level = isRecord(all) ? all["enforcementLevel"] : all;
    if (isRecord(all) && Object.keys(all).some((k) => k !== "enforcementLevel")) {
        problems.push(`${file}: all: only "enforcementLevel" applies to every policy; put settings under the policy they belong to`);
    }
    if (!isLevel(level)) {
        problems.push(`${file}: all${isRecord(all) ? ".enforcementLevel" : ""}: expected one of ${levels.join(", ")}, got ${JSON.stringify(level)}`);
        return undefined;
    }
    return level;
}

const ajv = new Ajv({ allErrors: true, strict: false });

/** One line per value of `properties` that `schema` refuses, naming the file, the policy and the setting. */
function schemaProblems(file: string, policy: string, schema: NonNullable<ReturnType<typeof schemaOf>>, properties: Record<string, unknown>, given: Record<string, unknown>): string[] {
    let validate;
    try {
        validate = ajv.compile({ type: "object", properties: schema.properties, ...(schema.required.length ? { required: schema.required } : {}) });
    } catch (e) {
        throw new Error(`policy ${policy}: its configSchema is not a valid JSON schema: ${(e as Error).message}`);
    }
    if (validate(properties)) return [];
    return (validate.errors ?? []).map((e: ErrorObject) => {
        const key = e.keyword === "required"
            ? String((e.params as { missingProperty: string }).missingProperty)
            : e.instancePath.slice(1).split("/").join(".");
        const top = key.split(".")[0]!;
        const propSchema = schema.properties[top];
        const said = propSchema ? `; the policy's configSchema: ${JSON.stringify(propSchema)}` : "";
        if (e.keyword === "required") return `${file}: ${policy}.${key}: is required${said}; set it under "${policy}"`;
        const value = e.instancePath.slice(1).split("/").reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), properties);
        const fix = !(top in given)
            ? " (the pack's own default: a bug in the pack)"
            : propSchema && "default" in propSchema ? ` (remove it to use the default ${JSON.stringify(propSchema["default"])})` : "";
        return `${file}: ${policy}.${key}: ${JSON.stringify(value)} ${e.message ?? "is invalid"}${said}${fix}`;
    });
}

/**
 * Each policy's level and properties for a pack (its GetAnalyzerInfo answer). Bad input is
 * an InputError with one line per problem; nothing is sent to the pack until all is well.
 */
export function resolvePolicyConfig(file: string, info: analyzerProto.AnalyzerInfo): Map<string, EffectivePolicyConfig> {
    // The CLI applies a pack's own initial config (`new PolicyPack(name, args, initialConfig)`)
    // between the defaults and the file; golive's pack declares none, so rather than guess at
    // those semantics the gate refuses a pack that does.
    if (info.getInitialconfigMap().getLength() > 0) {
        throw new Error(`policy pack ${info.getName()} declares an initial policy config, which the offline gate does not apply; move it to ${file}`);
    }
    const entries = readConfigFile(file);
    const policies = info.getPoliciesList();
    const byName = new Map(policies.map((p) => [p.getName(), p]));
    const problems: string[] = [];
    const all = allLevel(file, entries["all"], problems);
    const own = new Map<string, { level?: Level; properties: Record<string, unknown> }>();
    for (const [key, value] of Object.entries(entries)) {
        if (key === "all") continue;
        const policy = byName.get(key);
        if (!policy) {
            problems.push(`${file}: ${key}: not a policy of ${info.getName()}; expected one of ${[...byName.keys()].sort().join(", ")}`);
            continue;
        }
        if (typeof value === "string") {
            if (isLevel(value)) own.set(key, { level: value, properties: {} });
            else problems.push(`${file}: ${key}: expected one of ${levels.join(", ")}, got ${JSON.stringify(value)}`);
            continue;
        }
        if (!isRecord(value)) {
            problems.push(`${file}: ${key}: expected a level or an object with enforcementLevel and settings, got ${JSON.stringify(value)}`);
            continue;
        }
        const { enforcementLevel, ...properties } = value;
        if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
            problems.push(`${file}: ${key}.enforcementLevel: expected one of ${levels.join(", ")}, got ${JSON.stringify(enforcementLevel)}`);
        }
        const settings = Object.keys(schemaOf(policy)?.properties ?? {});
        for (const prop of Object.keys(properties)) {
            if (!settings.includes(prop)) problems.push(`${file}: ${key}.${prop}: not a setting of this policy; expected ${settings.join(", ") || "no settings"}`);
        }
        own.set(key, { level: isLevel(enforcementLevel) ? enforcementLevel : undefined, properties });
    }

    const out = new Map<string, EffectivePolicyConfig>();
    for (const p of policies) {
        const name = p.getName();
        const schema = schemaOf(p);
        const given = own.get(name)?.properties ?? {};
        // The schema's defaults, applied here once, then what the file sets.
        const properties: Record<string, unknown> = {};
        for (const [prop, def] of Object.entries(schema?.properties ?? {})) {
            if (isRecord(def) && "default" in def) properties[prop] = def["default"];
        }
        Object.assign(properties, given);
        if (schema) problems.push(...schemaProblems(file, name, schema, properties, given));
        const level = own.get(name)?.level ?? all ?? levelNames[p.getEnforcementlevel()] ?? "mandatory";
        out.set(name, { level, properties });
    }
    if (problems.length) throw new InputError([...new Set(problems)].join("\n"));
    return out;
}

export function configureRequest(config: ReadonlyMap<string, EffectivePolicyConfig>): analyzerProto.ConfigureAnalyzerRequest {
    const req = new analyzerProto.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    for (const [name, c] of config) {
        const pc = new analyzerProto.PolicyConfig();
        pc.setEnforcementlevel(levelEnum[c.level]);
        pc.setProperties(Struct.fromJavaScript(c.properties as Parameters<typeof Struct.fromJavaScript>[0]));
        map.set(name, pc);
    }
    return req;
}
