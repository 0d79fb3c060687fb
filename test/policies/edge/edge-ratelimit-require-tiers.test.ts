import { strict as assert } from "node:assert";
import { edgeRatelimitRequireTiers as policy } from "../../../policies/edge";
import { analyzeStack, stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { stackPolicyWithConfig } from "../workloads/config";
import { edgeStack, urnOf, zone } from "./fixtures";

const fixFor = (tier: string, rpm: number) => `Declare an enabled rate limiting rule with ref "tier-${tier}" in the zone's http_ratelimit ruleset: action "block", period 60, requestsPerPeriod ${rpm}, characteristics ["cf.colo.id", "http.request.headers[\\"x-api-key\\"]"] (the tenant's key, not the IP).`;

/** The index of a tier's rule in the fixture's rate-limit ruleset. */
const at = { enterprise: 1, pilot: 2, free: 3 } as const;

describe("edge-ratelimit-require-tiers", () => {
    it("passes one blocking rule per tier at 60, 300 and 1000 req/min per tenant key", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it("declares the tiers in its config schema with the runbook's rates", () => {
        assert.deepEqual(policy.configSchema?.properties["tiers"], { type: "object", additionalProperties: { type: "integer", minimum: 1 }, default: { free: 60, pilot: 300, enterprise: 1000 } });
    });

    it("refuses a zone whose pilot rule was removed, naming the tier and the ruleset", async () => {
        const stack = edgeStack((p) => { p.rateLimits.rules.splice(at.pilot, 1); });
        assert.deepEqual((await analyzeStack(policy, stack)).map((d) => d.urn), [urnOf("rateLimits")]);
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone} has no rate limiting rule for tier pilot (300 req/min): no rule of its http_ratelimit ruleset has ref "tier-pilot". ${fixFor("pilot", 300)}`]);
    });

    it("refuses a zone without a rate limiting ruleset", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.rateLimits = undefined; })), [`Cloudflare zone ${zone} has no http_ratelimit ruleset, so no tenant tier is rate-limited (free 60, pilot 300, enterprise 1000 req/min). Declare the zone's http_ratelimit ruleset with one rule per tier (ref tier-<name>).`]);
    });

    it("refuses a tier limit looser than the runbook's", async () => {
        const stack = edgeStack((p) => { p.rateLimits.rules[at.free].ratelimit.requestsPerPeriod = 120; });
        assert.deepEqual(await stackMessages(policy, stack), [`Rate limiting rule "tier-free" (tier free, 60 req/min) of ruleset rateLimits allows 120 requests per 60 s (120 req/min), not 60 req/min. ${fixFor("free", 60)}`]);
    });

    it("reads the rate over any period: 50 requests per 10 s is 300 req/min", async () => {
        const stack = edgeStack((p) => { Object.assign(p.rateLimits.rules[at.pilot].ratelimit, { period: 10, requestsPerPeriod: 50 }); });
        assert.deepEqual(await stackMessages(policy, stack), []);
    });

    it("refuses a period Cloudflare does not accept", async () => {
        const stack = edgeStack((p) => { p.rateLimits.rules[at.pilot].ratelimit.period = 59; });
        assert.deepEqual(await stackMessages(policy, stack), [`Rate limiting rule "tier-pilot" (tier pilot, 300 req/min) of ruleset rateLimits has period 59, not one Cloudflare accepts (10, 15, 20, 30, 40, 45, 60, 90, 120, 180, 240, 300, 480, 600, 900, 1200, 1800, 2400, 3600, 65535, 86400 s). ${fixFor("pilot", 300)}`]);
    });

    it("refuses a tier rule that only logs, is disabled, or counts per address", async () => {
        const stack = edgeStack((p) => {
            const rule = p.rateLimits.rules[at.enterprise];
            rule.action = "log";
            rule.enabled = false;
            rule.ratelimit.characteristics = ["ip.src"];
        });
        assert.deepEqual(await stackMessages(policy, stack), [`Rate limiting rule "tier-enterprise" (tier enterprise, 1000 req/min) of ruleset rateLimits is disabled; has action "log", not "block", so a tenant over its limit is not stopped; does not count per data center (characteristics lack "cf.colo.id", which Cloudflare requires); does not count per tenant (no http.request.headers[...] characteristic such as the API key), so tenants behind one address share a limit and one tenant's many addresses escape it. ${fixFor("enterprise", 1000)}`]);
    });

    it("uses the tiers set in policy config", async () => {
        const configured = stackPolicyWithConfig(policy, { tiers: { free: 30, pilot: 300, enterprise: 1000 } });
        assert.deepEqual(await stackMessages(configured, edgeStack()), [`Rate limiting rule "tier-free" (tier free, 30 req/min) of ruleset rateLimits allows 60 requests per 60 s (60 req/min), not 30 req/min. ${fixFor("free", 30)}`]);
    });

    it("cannot pass silently when a rate is unknown during preview", async () => {
        const [message] = await stackMessages(policy, edgeStack((p) => { p.rateLimits.rules[at.free].ratelimit.requestsPerPeriod = UNKNOWN; }));
        assert.match(message ?? "", /can't run policy 'edge-ratelimit-require-tiers'.*during preview/);
    });

    it("reports a stack without Cloudflare zones as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { for (const k of Object.keys(p)) if (k !== "gateway") p[k] = undefined; })), [policy.name]);
    });
});
