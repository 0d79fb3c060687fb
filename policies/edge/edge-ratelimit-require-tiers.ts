import { stackPolicy, type Json } from "../lib";
import { cloudflareZones, isEnabled, rulesOf, zoneRulesets, zonesToJudge } from "./cloudflare";
import { rateLimitPeriods, rateLimitTiers, tierRuleRef } from "./thresholds";

const phase = "http_ratelimit";

function fixFor(tier: string, rpm: number): string {
    return `Declare an enabled rate limiting rule with ref "${tierRuleRef(tier)}" in the zone's ${phase} ruleset: action "block", period 60, requestsPerPeriod ${rpm}, characteristics ["cf.colo.id", "http.request.headers[\\"x-api-key\\"]"] (the tenant's key, not the IP).`;
}

/** The tiers and their requests per minute: the policy config's, else the runbook's. */
function tiersFrom(config: Json): Record<string, number> {
    const t: Json = config?.tiers;
    if (t && typeof t === "object" && Object.values(t).every((v) => typeof v === "number")) return t as Record<string, number>;
    return { ...rateLimitTiers };
}

/** Why one tier's rule does not enforce its limit, or an empty list when it does. */
function tierProblems(rule: Json, rpm: number): string[] {
    const problems: string[] = [];
    if (!isEnabled(rule)) problems.push("is disabled");
    if (rule.action !== "block") problems.push(`has action ${JSON.stringify(rule.action) ?? "unset"}, not "block", so a tenant over its limit is not stopped`);
    const rl: Json = rule.ratelimit;
    const period: unknown = rl?.period;
    const requests: unknown = rl?.requestsPerPeriod;
    if (typeof period !== "number" || !rateLimitPeriods.includes(period)) {
        problems.push(`has period ${JSON.stringify(period) ?? "unset"}, not one Cloudflare accepts (${rateLimitPeriods.join(", ")} s)`);
    } else if (typeof requests !== "number") {
        problems.push("sets no requestsPerPeriod");
    } else if ((requests * 60) / period !== rpm) {
        problems.push(`allows ${requests} requests per ${period} s (${+((requests * 60) / period).toFixed(2)} req/min), not ${rpm} req/min`);
    }
    const characteristics: unknown[] = Array.isArray(rl?.characteristics) ? [...rl.characteristics] : [];
    if (!characteristics.includes("cf.colo.id")) problems.push('does not count per data center (characteristics lack "cf.colo.id", which Cloudflare requires)');
    if (!characteristics.some((c) => typeof c === "string" && c.startsWith("http.request.headers["))) {
        problems.push("does not count per tenant (no http.request.headers[...] characteristic such as the API key), so tenants behind one address share a limit and one tenant's many addresses escape it");
    }
    return problems;
}

/**
 * Runbook 004 "Rate Limiting: Configured per tenant tier" (free 60, pilot 300, enterprise
 * 1000 req/min): every zone's http_ratelimit ruleset has one enabled blocking rule per tier
 * (found by its ref, tier-<name>), counting per tenant key and data center, at exactly the
 * tier's rate. Counting on request headers needs Enterprise with Advanced Rate Limiting.
 */
export const edgeRatelimitRequireTiers = stackPolicy({
    name: "edge-ratelimit-require-tiers",
    description: "Every Cloudflare zone rate-limits each tenant tier at its rate (free 60, pilot 300, enterprise 1000 req/min), per tenant key.",
    severity: "high",
    runbook: ["004.services.rate-limits"],
    remediation: "Declare one enabled blocking rule per tier (ref tier-<name>) in the zone's http_ratelimit ruleset, counting per tenant key and cf.colo.id.",
    appliesTo: cloudflareZones,
    configSchema: {
        properties: {
            tiers: { type: "object", additionalProperties: { type: "integer", minimum: 1 }, default: { ...rateLimitTiers } },
        },
    },
    validateStack: (args, reportViolation) => {
        const tiers = tiersFrom(args.getConfig<Record<string, unknown>>());
        const zones = zonesToJudge(args);
        for (const zone of zones) {
            const rulesets = zoneRulesets(args.resources, zone, phase);
            if (rulesets.length === 0) {
                reportViolation(`Cloudflare zone ${zone} has no ${phase} ruleset, so no tenant tier is rate-limited (${Object.entries(tiers).map(([t, rpm]) => `${t} ${rpm}`).join(", ")} req/min). Declare the zone's ${phase} ruleset with one rule per tier (ref tier-<name>).`);
                continue;
            }
            for (const [tier, rpm] of Object.entries(tiers)) {
                const ref = tierRuleRef(tier);
                const found = rulesets.flatMap((rs) => rulesOf(rs.props).map((rule) => ({ rs, rule }))).find((x) => x.rule?.ref === ref);
                if (!found) {
                    reportViolation(`Cloudflare zone ${zone} has no rate limiting rule for tier ${tier} (${rpm} req/min): no rule of its ${phase} ruleset has ref "${ref}". ${fixFor(tier, rpm)}`, rulesets[0]!.urn);
                    continue;
                }
                const problems = tierProblems(found.rule, rpm);
                if (problems.length) {
                    reportViolation(`Rate limiting rule "${ref}" (tier ${tier}, ${rpm} req/min) of ruleset ${found.rs.name} ${problems.join("; ")}. ${fixFor(tier, rpm)}`, found.rs.urn);
                }
            }
        }
    },
});
