/**
 * Reads a `--policy-pack-config` file (policies/config/<stack>.json) and turns it into the
 * Configure request, doing what the Pulumi CLI does before it calls the pack: "all" sets
 * every policy's level, a policy's own entry overrides it, schema defaults fill in missing
 * properties, and a name that is not a policy of the pack is an error.
 */
import * as fs from "node:fs";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
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

function isLevel(v: unknown): v is Level {
    return typeof v === "string" && (levels as readonly string[]).includes(v);
}

/** Computes each policy's level and properties; `defaults` is the pack's own view (GetAnalyzerInfo). */
export function resolvePolicyConfig(
    file: string,
    info: analyzerProto.AnalyzerInfo,
): Map<string, EffectivePolicyConfig> {
    let raw: unknown;
    try {
        raw = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not valid JSON: ${(e as Error).message}`;
        throw new InputError(`${file}: ${why}; expected {"all": "advisory"|"mandatory", "<policy>": {"enforcementLevel": ...}}`);
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        throw new InputError(`${file}: expected a JSON object of policy names to levels or settings`);
    }
    const entries = raw as Record<string, unknown>;
    const policies = info.getPoliciesList();
    const names = new Set(policies.map((p) => p.getName()));
    const problems: string[] = [];
    const all = entries["all"];
    if (all !== undefined && !isLevel(all)) problems.push(`${file}: all: expected one of ${levels.join(", ")}, got ${JSON.stringify(all)}`);
    for (const [key, value] of Object.entries(entries)) {
        if (key === "all") continue;
        if (!names.has(key)) {
            problems.push(`${file}: ${key}: not a policy of ${info.getName()}; expected one of ${[...names].sort().join(", ")}`);
            continue;
        }
        if (typeof value === "string") {
            if (!isLevel(value)) problems.push(`${file}: ${key}: expected one of ${levels.join(", ")}, got ${JSON.stringify(value)}`);
        } else if (typeof value !== "object" || value === null || Array.isArray(value)) {
            problems.push(`${file}: ${key}: expected a level or an object with enforcementLevel and settings`);
        } else {
            const level = (value as Record<string, unknown>)["enforcementLevel"];
            if (level !== undefined && !isLevel(level)) problems.push(`${file}: ${key}.enforcementLevel: expected one of ${levels.join(", ")}, got ${JSON.stringify(level)}`);
            const schema = policies.find((p) => p.getName() === key)?.getConfigschema()?.getProperties()?.toJavaScript() ?? {};
            for (const prop of Object.keys(value)) {
                if (prop !== "enforcementLevel" && !(prop in schema)) {
                    problems.push(`${file}: ${key}.${prop}: not a setting of this policy; expected ${Object.keys(schema).join(", ") || "no settings"}`);
                }
            }
        }
    }
    if (problems.length) throw new InputError(problems.join("\n"));

    const out = new Map<string, EffectivePolicyConfig>();
    for (const p of policies) {
        const entry = entries[p.getName()];
        const own = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>) : {};
        const level: Level = isLevel(entry) ? entry : isLevel(own["enforcementLevel"]) ? own["enforcementLevel"] : isLevel(all) ? all : levelNames[p.getEnforcementlevel()] ?? "mandatory";
        const properties: Record<string, unknown> = {};
        const schema = (p.getConfigschema()?.getProperties()?.toJavaScript() ?? {}) as Record<string, { default?: unknown }>;
        for (const [prop, def] of Object.entries(schema)) {
            if (def && typeof def === "object" && "default" in def) properties[prop] = def.default;
        }
        for (const [prop, v] of Object.entries(own)) if (prop !== "enforcementLevel") properties[prop] = v;
        out.set(p.getName(), { level, properties });
    }
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
