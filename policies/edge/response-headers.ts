/**
 * The response headers a zone's transform rules set, per rule: what the CSP and CORS
 * policies read. Not a policy.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { Json } from "../lib";
import { headerChanges, isEnabled, ruleLabel, rulesOf, zoneRulesets, type HeaderChange } from "./cloudflare";

export const responseHeadersPhase = "http_response_headers_transform";

export interface HeaderRule {
    rule: Json;
    label: string;
    ruleset: PolicyResource;
    /** The rule's expression ("true" when it has none). */
    expression: string;
    change: HeaderChange;
}

/** Every enabled rule of the zone that sets or adds this response header. */
export function headerRules(resources: readonly PolicyResource[], zoneId: string, header: string): HeaderRule[] {
    const out: HeaderRule[] = [];
    for (const ruleset of zoneRulesets(resources, zoneId, responseHeadersPhase)) {
        rulesOf(ruleset.props).forEach((rule, index) => {
            if (!isEnabled(rule) || rule.action !== "rewrite") return;
            for (const change of headerChanges(rule)) {
                if (change.name !== header || (change.operation !== "set" && change.operation !== "add")) continue;
                const expression = typeof rule.expression === "string" ? rule.expression : "true";
                out.push({ rule, label: ruleLabel(rule, index), ruleset, expression, change });
            }
        });
    }
    return out;
}
