/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are raw resource JSON */
/**
 * A launch-ready edge, as the engine sees it after the Edge component declared it for
 * teei.example.com: zone settings, DNSSEC, CAA, a certificate pack, the host records at the
 * Gateway's reserved address, cache, rate-limit and header rulesets, and the frontend
 * bucket. Tests change one field and assert the exact finding.
 */
import { resource, UNKNOWN } from "../harness";
import type { EngineResource } from "../../../tools/analyzer/resource";

export const zone = "0123456789abcdef0123456789abcdef";
export const domain = "teei.example.com";
export const host = (label: string) => `${label}.${domain}`;

export const types = {
    zoneSetting: "cloudflare:index/zoneSetting:ZoneSetting",
    zoneSettingsOverride: "cloudflare:index/zoneSettingsOverride:ZoneSettingsOverride",
    dnssec: "cloudflare:index/zoneDnssec:ZoneDnssec",
    dnsRecord: "cloudflare:index/dnsRecord:DnsRecord",
    record: "cloudflare:index/record:Record",
    ruleset: "cloudflare:index/ruleset:Ruleset",
    certificatePack: "cloudflare:index/certificatePack:CertificatePack",
    globalAddress: "gcp:compute/globalAddress:GlobalAddress",
    gateway: "kubernetes:gateway.networking.k8s.io/v1:Gateway",
    bucket: "gcp:storage/bucket:Bucket",
} as const;

const apiHost = `http.host eq "${host("api")}"`;
const appHosts = `http.host in {"${host("cockpit")}" "${host("static")}"}`;

export function tierRule(tier: string, rpm: number, expression: string): any {
    return {
        ref: `tier-${tier}`,
        description: `tier ${tier}: ${rpm} req/min`,
        expression,
        action: "block",
        actionParameters: { response: { statusCode: 429, contentType: "application/json", content: '{"error":"rate_limited"}' } },
        ratelimit: { characteristics: ["cf.colo.id", 'http.request.headers["x-api-key"]'], period: 60, requestsPerPeriod: rpm, mitigationTimeout: 0 },
        enabled: true,
    };
}

/** Every resource's props by role; a test edits them, `build` turns them into engine resources. */
export function edgeProps(): Record<string, any> {
    return {
        ssl: { zoneId: zone, settingId: "ssl", value: "strict" },
        minTls: { zoneId: zone, settingId: "min_tls_version", value: "1.2" },
        tls13: { zoneId: zone, settingId: "tls_1_3", value: "on" },
        alwaysHttps: { zoneId: zone, settingId: "always_use_https", value: "on" },
        httpsRewrites: { zoneId: zone, settingId: "automatic_https_rewrites", value: "on" },
        hsts: { zoneId: zone, settingId: "security_header", value: { strict_transport_security: { enabled: true, max_age: 15552000, include_subdomains: true, nosniff: true, preload: false } } },
        dnssec: { zoneId: zone, status: "active" },
        caaIssue: { zoneId: zone, name: domain, type: "CAA", ttl: 300, data: { flags: 0, tag: "issue", value: "pki.goog" } },
        caaIssuewild: { zoneId: zone, name: domain, type: "CAA", ttl: 300, data: { flags: 0, tag: "issuewild", value: "pki.goog" } },
        certificatePack: { zoneId: zone, type: "advanced", certificateAuthority: "google", validationMethod: "txt", validityDays: 90, hosts: [domain, `*.${domain}`], cloudflareBranding: false },
        address: { name: "golive-production-gateway", addressType: "EXTERNAL", ipVersion: "IPV4" },
        gateway: {
            apiVersion: "gateway.networking.k8s.io/v1",
            kind: "Gateway",
            metadata: { name: "public", namespace: "teei" },
            spec: {
                gatewayClassName: "gke-l7-global-external-managed",
                listeners: [
                    { name: "https-api", hostname: host("api"), port: 443, protocol: "HTTPS" },
                    { name: "https-cockpit", hostname: host("cockpit"), port: 443, protocol: "HTTPS" },
                ],
                addresses: [{ type: "NamedAddress", value: "golive-production-gateway" }],
            },
        },
        api: { zoneId: zone, name: host("api"), type: "A", content: UNKNOWN, proxied: true, ttl: 1 },
        cockpit: { zoneId: zone, name: host("cockpit"), type: "A", content: UNKNOWN, proxied: true, ttl: 1 },
        static: { zoneId: zone, name: host("static"), type: "CNAME", content: "storage.googleapis.com", proxied: true, ttl: 1 },
        cache: {
            zoneId: zone, kind: "zone", name: "golive cache rules", phase: "http_request_cache_settings",
            rules: [
                {
                    ref: "static-releases", description: "versioned frontend files: cached for a year",
                    expression: `http.host eq "${host("static")}" and starts_with(http.request.uri.path, "/releases/")`,
                    action: "set_cache_settings",
                    actionParameters: { cache: true, edgeTtl: { mode: "override_origin", default: 31536000 }, browserTtl: { mode: "override_origin", default: 31536000 }, cacheKey: { cacheDeceptionArmor: true } },
                    enabled: true,
                },
                {
                    ref: "api-bypass", description: "API responses are never cached",
                    expression: apiHost,
                    action: "set_cache_settings",
                    actionParameters: { cache: false },
                    enabled: true,
                },
            ],
        },
        rateLimits: {
            zoneId: zone, kind: "zone", name: "golive rate limits", phase: "http_ratelimit",
            rules: [
                {
                    ref: "login-per-ip", description: "login: 10 req/min per address",
                    expression: `${apiHost} and http.request.uri.path in {"/auth/login"}`,
                    action: "block",
                    ratelimit: { characteristics: ["ip.src", "cf.colo.id"], period: 60, requestsPerPeriod: 10, mitigationTimeout: 600 },
                    enabled: true,
                },
                tierRule("enterprise", 1000, `${apiHost} and any(http.request.headers["x-tenant-tier"][*] eq "enterprise")`),
                tierRule("pilot", 300, `${apiHost} and any(http.request.headers["x-tenant-tier"][*] eq "pilot")`),
                tierRule("free", 60, `${apiHost} and not any(http.request.headers["x-tenant-tier"][*] in {"pilot" "enterprise"})`),
            ],
        },
        headers: {
            zoneId: zone, kind: "zone", name: "golive response headers", phase: "http_response_headers_transform",
            rules: [
                {
                    ref: "csp", description: "Content-Security-Policy for the app hosts",
                    expression: appHosts,
                    action: "rewrite",
                    actionParameters: { headers: { "Content-Security-Policy": { operation: "set", value: `default-src 'self'; script-src 'self' https://${host("static")}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'` } } },
                    enabled: true,
                },
                {
                    ref: "cors", description: "CORS: only the app origin",
                    expression: apiHost,
                    action: "rewrite",
                    actionParameters: { headers: { "Access-Control-Allow-Origin": { operation: "set", value: `https://${host("cockpit")}` }, Vary: { operation: "add", value: "Origin" } } },
                    enabled: true,
                },
            ],
        },
        rewrite: {
            zoneId: zone, kind: "zone", name: "golive static frontend rewrites", phase: "http_request_transform",
            rules: [
                {
                    ref: "static-active", description: "entry points come from the active release",
                    expression: `http.host eq "${host("static")}" and not starts_with(http.request.uri.path, "/releases/")`,
                    action: "rewrite",
                    actionParameters: { uri: { path: { expression: 'concat("/teei-csr-prod-static/releases/v2.5.0", http.request.uri.path)' } } },
                    enabled: true,
                },
                {
                    ref: "static-versioned", description: "versioned paths map to the bucket",
                    expression: `http.host eq "${host("static")}" and starts_with(http.request.uri.path, "/releases/")`,
                    action: "rewrite",
                    actionParameters: { uri: { path: { expression: 'concat("/teei-csr-prod-static", http.request.uri.path)' } } },
                    enabled: true,
                },
            ],
        },
        origin: {
            zoneId: zone, kind: "zone", name: "golive static frontend origin", phase: "http_request_origin",
            rules: [{
                ref: "static-origin", expression: `http.host eq "${host("static")}"`, action: "route",
                actionParameters: { hostHeader: "storage.googleapis.com", sni: { value: "storage.googleapis.com" } }, enabled: true,
            }],
        },
        bucket: {
            name: "teei-csr-prod-static",
            location: "EUROPE-WEST1",
            uniformBucketLevelAccess: true,
            versioning: { enabled: true },
            forceDestroy: false,
            lifecycleRules: [{ action: { type: "Delete" }, condition: { withState: "ARCHIVED", daysSinceNoncurrentTime: 90 } }],
            labels: { "golive-active-release": "v2_5_0", "golive-previous-release": "v2_4_9" },
        },
    };
}

const roleTypes: Record<string, string> = {
    ssl: types.zoneSetting, minTls: types.zoneSetting, tls13: types.zoneSetting, alwaysHttps: types.zoneSetting, httpsRewrites: types.zoneSetting, hsts: types.zoneSetting,
    dnssec: types.dnssec, caaIssue: types.dnsRecord, caaIssuewild: types.dnsRecord, certificatePack: types.certificatePack,
    address: types.globalAddress, gateway: types.gateway, api: types.dnsRecord, cockpit: types.dnsRecord, static: types.dnsRecord,
    cache: types.ruleset, rateLimits: types.ruleset, headers: types.ruleset, rewrite: types.ruleset, origin: types.ruleset, bucket: types.bucket,
};

export function urnOf(role: string, type = roleTypes[role]!): string {
    return resource(type, role, {}).urn;
}

/**
 * The engine resources of the compliant edge after `edit` changed its props (a role set to
 * undefined is left out; a role the fixture does not know names its type in `__type`). The host records' content is computed from the reserved address,
 * as the engine's property dependencies say.
 */
export function edgeStack(edit: (p: Record<string, any>) => void = () => undefined): EngineResource[] {
    const props = edgeProps();
    edit(props);
    const out: EngineResource[] = [];
    for (const [role, p] of Object.entries(props)) {
        if (p === undefined) continue;
        const type = roleTypes[role] ?? (p.__type as string);
        const inputs = { ...p };
        delete inputs.__type;
        const extra = role === "api" || role === "cockpit" ? { propertyDependencies: { content: [urnOf("address")] } } : {};
        out.push(resource(type, role, inputs, extra));
    }
    return out;
}

/** One resource of the compliant edge, by role, after `edit`. */
export function edgeResource(role: string, edit: (p: any) => void = () => undefined): EngineResource {
    const props = edgeProps()[role];
    edit(props);
    return resource(roleTypes[role]!, role, props);
}
