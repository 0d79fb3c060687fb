/**
 * Cloudflare resources as the edge policies read them: type tokens (v6 names, plus the v5
 * names a stack may still carry), the zones a stack touches, zone settings, DNS records,
 * rulesets and certificate packs. Readers accept both the provider's input shapes and the
 * state shapes of real exports. Not a policy.
 */
import type { PolicyResource } from "@pulumi/policy";
import { resourceTypes, type AppliesTo, type Json } from "../lib";

export const cloudflareTypes = {
    dnsRecord: "cloudflare:index/dnsRecord:DnsRecord",
    /** The v5 name of DnsRecord, deprecated in v6 but still in older stacks. */
    record: "cloudflare:index/record:Record",
    zoneSetting: "cloudflare:index/zoneSetting:ZoneSetting",
    /** v5's one-resource-for-all-settings; removed in v6. */
    zoneSettingsOverride: "cloudflare:index/zoneSettingsOverride:ZoneSettingsOverride",
    zoneDnssec: "cloudflare:index/zoneDnssec:ZoneDnssec",
    ruleset: "cloudflare:index/ruleset:Ruleset",
    certificatePack: "cloudflare:index/certificatePack:CertificatePack",
    healthcheck: "cloudflare:index/healthcheck:Healthcheck",
} as const;

export const dnsRecordTypes: readonly string[] = [cloudflareTypes.dnsRecord, cloudflareTypes.record];

/** Every Cloudflare resource type that belongs to one zone (it carries a zoneId). */
export const zoneScopedTypes: readonly string[] = Object.values(cloudflareTypes);

/** Stack policies about a zone apply to stacks with any zone-scoped Cloudflare resource. */
export const cloudflareZones: AppliesTo = resourceTypes("Cloudflare zone resources (DNS records, zone settings, rulesets, certificate packs)", ...zoneScopedTypes);

export const dnsRecords: AppliesTo = resourceTypes("Cloudflare DNS records", ...dnsRecordTypes);

export const rulesets: AppliesTo = resourceTypes("Cloudflare rulesets", cloudflareTypes.ruleset);

/** The zone a resource belongs to, or undefined (an account-level ruleset has none). */
export function zoneIdOf(r: PolicyResource): string | undefined {
    if (!zoneScopedTypes.includes(r.type)) return undefined;
    const id: unknown = r.props.zoneId;
    return typeof id === "string" && id !== "" ? id : undefined;
}

/**
 * The zones a zone-level stack policy judges. A stack whose Cloudflare resources name no zone
 * is reported not applicable (the call ends the policy), so nothing passes unjudged.
 */
export function zonesToJudge(args: { resources: readonly PolicyResource[]; notApplicable(reason?: string): never }): string[] {
    const zones = zonesOf(args.resources);
    if (zones.length === 0) args.notApplicable("no Cloudflare resource of this stack names a zone");
    return zones;
}

/** The zones the stack's Cloudflare resources belong to, in order of first appearance. */
export function zonesOf(resources: readonly PolicyResource[]): string[] {
    const zones: string[] = [];
    for (const r of resources) {
        const id = zoneIdOf(r);
        if (id !== undefined && !zones.includes(id)) zones.push(id);
    }
    return zones;
}

/** The stack's resources of these types in one zone. */
export function inZone(resources: readonly PolicyResource[], zoneId: string, ...types: readonly string[]): PolicyResource[] {
    return resources.filter((r) => types.includes(r.type) && zoneIdOf(r) === zoneId);
}

/** The name a message gives a resource: the last part of its URN. */
export function resourceName(r: PolicyResource): string {
    const i = r.urn.lastIndexOf("::");
    return i >= 0 ? r.urn.slice(i + 2) : r.urn;
}

/** The first of these keys an object has (snake_case as the API, camelCase as the SDK writes it). */
export function field(obj: Json, ...keys: readonly string[]): Json {
    if (obj === null || typeof obj !== "object") return undefined;
    for (const k of keys) {
        const v = obj[k];
        if (v !== undefined && v !== null) return v;
    }
    return undefined;
}

// ---- zone settings ----

/** Setting ids golive judges, as the API names them, with the camelCase forms the SDK docs show. */
const settingIdAliases: Readonly<Record<string, string>> = {
    minTlsVersion: "min_tls_version",
    alwaysUseHttps: "always_use_https",
    automaticHttpsRewrites: "automatic_https_rewrites",
    tls13: "tls_1_3",
    securityHeader: "security_header",
};

/** A setting id as the API names it: `alwaysUseHttps` -> `always_use_https`. */
export function normalizeSettingId(id: string): string {
    return settingIdAliases[id] ?? id;
}

export interface ZoneSettingValue {
    settingId: string;
    value: Json;
    /** The resource declaring it (a ZoneSetting, or v5's ZoneSettingsOverride). */
    resource: PolicyResource;
}

/**
 * One zone's settings: each ZoneSetting (v6), and the `settings` of a ZoneSettingsOverride
 * (v5, camelCase keys). A v5 `securityHeader` block is HSTS itself; it is read as v6's
 * `{strict_transport_security: ...}` so one judge reads both.
 */
export function zoneSettingsOf(resources: readonly PolicyResource[], zoneId: string): Map<string, ZoneSettingValue> {
    const settings = new Map<string, ZoneSettingValue>();
    for (const r of inZone(resources, zoneId, cloudflareTypes.zoneSettingsOverride)) {
        const s: Json = r.props.settings;
        if (!s || typeof s !== "object") continue;
        for (const key of Object.keys(s)) {
            const settingId = normalizeSettingId(key);
            const value = settingId === "security_header" ? { strict_transport_security: s[key] } : s[key];
            settings.set(settingId, { settingId, value, resource: r });
        }
    }
    for (const r of inZone(resources, zoneId, cloudflareTypes.zoneSetting)) {
        const id: unknown = r.props.settingId;
        if (typeof id !== "string") continue;
        const settingId = normalizeSettingId(id);
        settings.set(settingId, { settingId, value: r.props.value, resource: r });
    }
    return settings;
}

export interface Hsts {
    enabled: boolean;
    maxAge: number | undefined;
    includeSubdomains: boolean;
}

/** HSTS from a security_header value, or undefined when it carries none. */
export function hstsOf(value: Json): Hsts | undefined {
    const sts: Json = field(value, "strict_transport_security", "strictTransportSecurity");
    if (!sts || typeof sts !== "object") return undefined;
    const maxAge: unknown = field(sts, "max_age", "maxAge");
    return {
        enabled: field(sts, "enabled") === true,
        maxAge: typeof maxAge === "number" ? maxAge : undefined,
        includeSubdomains: field(sts, "include_subdomains", "includeSubdomains") === true,
    };
}

// ---- DNS records ----

/** Record types that send visitors to an origin: the ones TTL, proxying and the load balancer are about. */
export const addressRecordTypes: readonly string[] = ["A", "AAAA", "CNAME"];

export function recordType(props: Json): string {
    const t: unknown = props?.type;
    return typeof t === "string" ? t.toUpperCase() : "";
}

export function recordName(props: Json): string {
    const n: unknown = props?.name;
    return typeof n === "string" ? n : "(unnamed)";
}

/** How a message names a record: `api.teei.example.com (A)`. */
export function recordLabel(props: Json): string {
    return `${recordName(props)} (${recordType(props) || "no type"})`;
}

export interface Caa {
    flags: number;
    tag: string;
    value: string;
}

/** A CAA record's flags, tag and value, from `data` or from a `0 issue "pki.goog"` content string. */
export function caaOf(props: Json): Caa | undefined {
    const data: Json = props?.data;
    if (data && typeof data === "object" && typeof data.tag === "string") {
        const flags = Number(data.flags ?? 0);
        return { flags: Number.isFinite(flags) ? flags : 0, tag: data.tag.toLowerCase(), value: String(data.value ?? "") };
    }
    const content: unknown = props?.content ?? props?.value;
    if (typeof content === "string") {
        const m = /^\s*(\d+)\s+(\S+)\s+"?([^"]*)"?\s*$/.exec(content);
        if (m) return { flags: Number(m[1]), tag: m[2]!.toLowerCase(), value: m[3]! };
    }
    return undefined;
}

/** The CA domain of a CAA issue value: `pki.goog; cansignhttpexchanges=yes` -> `pki.goog`. */
export function caaIssuerDomain(value: string): string {
    return value.split(";")[0]!.trim().toLowerCase();
}

// ---- rulesets ----

/** A zone's entry-point rulesets of one phase. */
export function zoneRulesets(resources: readonly PolicyResource[], zoneId: string, phase: string): PolicyResource[] {
    return inZone(resources, zoneId, cloudflareTypes.ruleset).filter((r) => r.props.phase === phase);
}

/** A ruleset's rules, in order (an absent list is no rules). */
export function rulesOf(props: Json): Json[] {
    const rules: Json = props?.rules;
    return Array.isArray(rules) ? rules : [];
}

export function isEnabled(rule: Json): boolean {
    return rule?.enabled !== false;
}

/** How a message names a rule: its ref, else its description, else its position. */
export function ruleLabel(rule: Json, index: number): string {
    const ref: unknown = rule?.ref;
    if (typeof ref === "string" && ref !== "") return `rule "${ref}"`;
    const description: unknown = rule?.description;
    if (typeof description === "string" && description !== "") return `rule "${description}"`;
    return `rule #${index + 1}`;
}

export interface HeaderChange {
    name: string;
    operation: string;
    value: string | undefined;
    expression: string | undefined;
}

/**
 * A rewrite rule's header changes: v6 writes `headers` as a map from header name to
 * `{operation, value|expression}`, v5 as a list of `{name, operation, value|expression}`.
 */
export function headerChanges(rule: Json): HeaderChange[] {
    const headers: Json = rule?.actionParameters?.headers;
    const out: HeaderChange[] = [];
    const add = (name: unknown, h: Json) => {
        if (typeof name !== "string" || !h || typeof h !== "object") return;
        out.push({
            name: name.toLowerCase(),
            operation: typeof h.operation === "string" ? h.operation : "",
            value: typeof h.value === "string" ? h.value : undefined,
            expression: typeof h.expression === "string" ? h.expression : undefined,
        });
    };
    if (Array.isArray(headers)) for (const h of headers) add(h?.name, h);
    else if (headers && typeof headers === "object") for (const name of Object.keys(headers)) add(name, headers[name]);
    return out;
}
