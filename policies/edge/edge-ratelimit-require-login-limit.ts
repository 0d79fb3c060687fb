import { stackPolicy, type Json } from "../lib";
import { cloudflareZones, isEnabled, rulesOf, zoneRulesets, zonesToJudge } from "./cloudflare";
import { loginRateLimit, rateLimitTiers } from "./thresholds";

const phase = "http_ratelimit";
const tightest = Math.min(...Object.values(rateLimitTiers));
const fix = `Declare an enabled rule with ref "${loginRateLimit.ref}" in the zone's ${phase} ruleset for the login paths: action "block", characteristics ["ip.src", "cf.colo.id"], at most ${loginRateLimit.requestsPerMinute} requests per 60 s, mitigationTimeout ${loginRateLimit.mitigationTimeoutSeconds}.`;

function problemsOf(rule: Json): string[] {
    const problems: string[] = [];
    if (!isEnabled(rule)) problems.push("is disabled");
    if (rule.action !== "block") problems.push(`has action ${JSON.stringify(rule.action) ?? "unset"}, not "block"`);
    const rl: Json = rule.ratelimit;
    const characteristics: unknown[] = Array.isArray(rl?.characteristics) ? [...rl.characteristics] : [];
    if (!characteristics.includes("ip.src") && !characteristics.includes("ip.src_with_nat")) problems.push('does not count per client address (characteristics lack "ip.src")');
    const period: unknown = rl?.period;
    const requests: unknown = rl?.requestsPerPeriod;
    if (typeof period !== "number" || typeof requests !== "number" || period <= 0) {
        problems.push("sets no period and requestsPerPeriod");
    } else if ((requests * 60) / period >= tightest) {
        problems.push(`allows ${+((requests * 60) / period).toFixed(2)} req/min, not below the tightest tier's ${tightest}`);
    }
    const timeout: unknown = rl?.mitigationTimeout;
    if (typeof timeout !== "number" || timeout <= 0) problems.push("blocks only the requests over the rate (mitigationTimeout 0), so an attacker keeps guessing at the allowed rate");
    return problems;
}

/**
 * Login endpoints get their own per-address limit, tighter than the tightest tier, with a
 * block that lasts (mitigationTimeout): the tier limits count per tenant key, which a
 * credential-stuffing run does not have yet.
 */
export const edgeRatelimitRequireLoginLimit = stackPolicy({
    name: "edge-ratelimit-require-login-limit",
    description: `Every Cloudflare zone limits login requests per client address below ${tightest} req/min and blocks offenders for a while.`,
    severity: "high",
    runbook: ["004.services.rate-limits"],
    remediation: fix,
    appliesTo: cloudflareZones,
    validateStack: (args, reportViolation) => {
        const zones = zonesToJudge(args);
        for (const zone of zones) {
            const rulesets = zoneRulesets(args.resources, zone, phase);
            const found = rulesets.flatMap((rs) => rulesOf(rs.props).map((rule) => ({ rs, rule }))).find((x) => x.rule?.ref === loginRateLimit.ref);
            if (!found) {
                reportViolation(`Cloudflare zone ${zone} has no per-address rate limit on its login endpoints (no ${phase} rule with ref "${loginRateLimit.ref}"), so passwords can be guessed at the tier rate from any address. ${fix}`, rulesets[0]?.urn);
                continue;
            }
            const problems = problemsOf(found.rule);
            if (problems.length) reportViolation(`Login rate limiting rule "${loginRateLimit.ref}" of ruleset ${found.rs.name} ${problems.join("; ")}. ${fix}`, found.rs.urn);
        }
    },
});
