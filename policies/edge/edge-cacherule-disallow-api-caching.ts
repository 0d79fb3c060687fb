import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy, type Json } from "../lib";
import { cloudflareZones, isEnabled, ruleLabel, rulesOf, zoneRulesets } from "./cloudflare";
import { mayMatchHost } from "./expressions";
import { apiHostLabelsConfig, judgeHostsByZone } from "./hosts";

const phase = "http_request_cache_settings";
const fix = 'Add an enabled cache rule for the API hosts (expression http.host in {...}) with action "set_cache_settings" and cache: false, after every rule that makes responses cacheable.';

/** The last enabled cache rule that may match the host and decides `cache`, with its ruleset. */
function deciding(rulesets: readonly PolicyResource[], host: string): { rule: Json; index: number; ruleset: PolicyResource } | undefined {
    let last: { rule: Json; index: number; ruleset: PolicyResource } | undefined;
    for (const ruleset of rulesets) {
        rulesOf(ruleset.props).forEach((rule, index) => {
            if (!isEnabled(rule) || rule.action !== "set_cache_settings") return;
            const cache: unknown = rule.actionParameters?.cache;
            if (typeof cache !== "boolean") return;
            if (typeof rule.expression === "string" && mayMatchHost(rule.expression, host)) last = { rule, index, ruleset };
        });
    }
    return last;
}

/**
 * API responses are never cached at the edge: for every API host (a DNS record whose first
 * label is "api", or one listed in the policy config) the last cache rule that can match
 * it sets cache: false. Without a rule, Cloudflare's default caching still stores
 * responses by file extension (/api/reports/42.pdf, /api/export.csv), one tenant's data
 * served to the next. A rule whose expression this policy cannot limit to other hosts
 * counts as matching every host.
 */
export const edgeCacheruleDisallowApiCaching = stackPolicy({
    name: "edge-cacherule-disallow-api-caching",
    description: "Every API host bypasses the edge cache: the last cache rule that can match it sets cache: false.",
    severity: "critical",
    runbook: ["004.infra.cdn-cache"],
    remediation: fix,
    appliesTo: cloudflareZones,
    configSchema: apiHostLabelsConfig,
    validateStack: (args, reportViolation) => {
        judgeHostsByZone(args, "api", ({ zone, hosts }) => {
            const rulesets = zoneRulesets(args.resources, zone, phase);
            for (const host of hosts) {
                const last = deciding(rulesets, host);
                if (!last) {
                    const where = rulesets.length ? `no rule of its ${phase} ruleset sets cache for it` : `the zone has no ${phase} ruleset`;
                    reportViolation(`API host ${host} of Cloudflare zone ${zone} is not excluded from the edge cache (${where}), so Cloudflare's default caching stores its responses by file extension (a .pdf or .csv report) and may serve one tenant's data to another. ${fix}`);
                } else if (last.rule.actionParameters.cache === true) {
                    reportViolation(`API host ${host} of Cloudflare zone ${zone} is cached: ${ruleLabel(last.rule, last.index)} of ruleset ${last.ruleset.name} sets cache: true and is the last cache rule that can match it, so API responses are stored at the edge and may be served to other tenants. ${fix}`, last.ruleset.urn);
                }
            }
        });
    },
});
