/**
 * The zone's rate limiting rules (phase http_ratelimit): a per-address limit on login
 * endpoints, then one rule per tenant tier (ref tier-<name>, which the gate finds them by),
 * counted per API key and Cloudflare data center. The tier with the lowest rate also takes
 * requests whose tier header names no known tier, so a missing or forged header never
 * gets more than the lowest tier. Counting on a header needs Enterprise with Advanced Rate
 * Limiting (see README, "Plan limits").
 */
import { loginRateLimit, tierRuleRef } from "../../policies/edge/thresholds";
import { hostsExpression, stringSet } from "./expressions";
import type { ResolvedEdge } from "./resolve";

const period = 60;

function blocked(statusCode: number) {
    return { response: { statusCode, contentType: "application/json", content: '{"error":"rate_limited"}' } };
}

export function rateLimitRules(r: ResolvedEdge) {
    const api = hostsExpression(r.apiHosts);
    const tierField = `http.request.headers["${r.tierHeader}"][*]`;
    const tiers = Object.entries(r.rateLimits).sort((a, b) => b[1] - a[1]);
    const lowest = tiers[tiers.length - 1]![0];
    const named = tiers.map(([t]) => t).filter((t) => t !== lowest);
    return [
        {
            ref: loginRateLimit.ref,
            description: `login: ${loginRateLimit.requestsPerMinute} req/min per address, blocked ${loginRateLimit.mitigationTimeoutSeconds} s`,
            expression: `${api} and http.request.uri.path in ${stringSet(r.loginPaths)}`,
            action: "block",
            actionParameters: blocked(429),
            ratelimit: { characteristics: ["ip.src", "cf.colo.id"], period, requestsPerPeriod: loginRateLimit.requestsPerMinute, mitigationTimeout: loginRateLimit.mitigationTimeoutSeconds },
            enabled: true,
        },
        ...tiers.map(([tier, rpm]) => ({
            ref: tierRuleRef(tier),
            description: `tier ${tier}: ${rpm} req/min per API key`,
            expression: tier === lowest
                ? named.length ? `${api} and not any(${tierField} in ${stringSet(named)})` : api
                : `${api} and any(${tierField} eq "${tier}")`,
            action: "block",
            actionParameters: blocked(429),
            // mitigationTimeout 0: only the requests over the rate are refused (throttling), the tenant is not locked out.
            ratelimit: { characteristics: ["cf.colo.id", `http.request.headers["${r.apiKeyHeader}"]`], period, requestsPerPeriod: rpm, mitigationTimeout: 0 },
            enabled: true,
        })),
    ];
}
