import * as assert from "node:assert/strict";
import { cacheRules, rateLimitRules, resolveEdge, responseHeaderRules } from "../../../components/edge";
import { hostScope } from "../../../policies/edge/expressions";
import { rateLimitTiers } from "../../../policies/edge/thresholds";
import { edgeStackArgs } from "./fixtures";

describe("the zone's rules specs", () => {
    const production = resolveEdge(edgeStackArgs("production"));

    it("bypasses the cache for the API hosts in the last cache rule, after the frontend's", () => {
        const rules = cacheRules(production);
        assert.deepEqual(rules.map((r) => r.ref), ["static-versioned", "static-entry-points", "api-bypass"]);
        assert.deepEqual(rules[2], { ref: "api-bypass", description: "API responses are never cached: they are per tenant", expression: 'http.host eq "api.teei.example.com"', action: "set_cache_settings", actionParameters: { cache: false }, enabled: true });
    });

    it("writes expressions whose host scope the gate reads back", () => {
        assert.deepEqual(hostScope(cacheRules(production)[0]!.expression), ["static.teei.example.com"]);
        for (const r of rateLimitRules(production)) assert.deepEqual(hostScope(r.expression), ["api.teei.example.com"], r.ref);
        assert.deepEqual(responseHeaderRules(production).map((r) => hostScope(r.expression)), [["cockpit.teei.example.com", "static.teei.example.com"], ["api.teei.example.com"]]);
    });

    it("limits login per address at 10 req/min and blocks for 10 minutes, before the tiers", () => {
        const [login] = rateLimitRules(production);
        assert.equal(login!.ref, "login-per-ip");
        assert.equal(login!.expression, 'http.host eq "api.teei.example.com" and http.request.uri.path in {"/auth/login"}');
        assert.deepEqual(login!.ratelimit, { characteristics: ["ip.src", "cf.colo.id"], period: 60, requestsPerPeriod: 10, mitigationTimeout: 600 });
    });

    it("limits each tier at the runbook's rate per API key; the lowest tier takes any other tier header", () => {
        const tiers = rateLimitRules(production).slice(1);
        assert.deepEqual(tiers.map((r) => [r.ref, r.ratelimit.requestsPerPeriod, r.ratelimit.period]), [["tier-enterprise", 1000, 60], ["tier-pilot", 300, 60], ["tier-free", 60, 60]]);
        assert.deepEqual(tiers.map((r) => r.expression), [
            'http.host eq "api.teei.example.com" and any(http.request.headers["x-tenant-tier"][*] eq "enterprise")',
            'http.host eq "api.teei.example.com" and any(http.request.headers["x-tenant-tier"][*] eq "pilot")',
            'http.host eq "api.teei.example.com" and not any(http.request.headers["x-tenant-tier"][*] in {"enterprise" "pilot"})',
        ]);
        for (const t of tiers) {
            assert.deepEqual(t.ratelimit.characteristics, ["cf.colo.id", 'http.request.headers["x-api-key"]']);
            assert.equal(t.action, "block");
        }
        assert.deepEqual(production.rateLimits, rateLimitTiers);
    });

    it("sets a CSP without inline scripts on the app hosts, and CORS for the app's origin on the API", () => {
        const [csp, cors] = responseHeaderRules(production);
        const cspHeaders = csp!.actionParameters.headers as Record<string, { value: string }>;
        assert.equal(cspHeaders["Content-Security-Policy"]!.value, "default-src 'self'; script-src 'self' https://static.teei.example.com; style-src 'self' https://static.teei.example.com; img-src 'self' https://static.teei.example.com data:; font-src 'self' https://static.teei.example.com; connect-src 'self' https://api.teei.example.com; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        assert.deepEqual(cors!.actionParameters.headers, { "Access-Control-Allow-Origin": { operation: "set", value: "https://cockpit.teei.example.com" }, Vary: { operation: "add", value: "Origin" } });
    });

    it("leaves the CSP rule out when every public host is an API host", () => {
        const apiOnly = resolveEdge({ ...edgeStackArgs("production"), services: [{ host: "api", healthPath: "/health" }], static: undefined });
        assert.deepEqual(responseHeaderRules(apiOnly).map((r) => r.ref), ["cors"]);
        assert.equal(apiOnly.corsOrigin, "https://teei.example.com");
    });
});
