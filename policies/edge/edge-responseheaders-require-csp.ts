import { stackPolicy } from "../lib";
import { cloudflareZones } from "./cloudflare";
import { mayMatchHost } from "./expressions";
import { apiHostLabelsConfig, judgeHostsByZone } from "./hosts";
import { headerRules } from "./response-headers";

const header = "content-security-policy";
const fix = "Set Content-Security-Policy on the app hosts with a response header transform rule: default-src 'self', scripts from 'self' and the static host (or nonces), object-src 'none', never 'unsafe-inline'.";

/** Why a CSP value falls short, or undefined. */
function cspProblem(value: string): string | undefined {
    const directives = new Map(value.split(";").map((d) => d.trim()).filter(Boolean).map((d) => {
        const [name, ...sources] = d.split(/\s+/);
        return [name!.toLowerCase(), sources.map((s) => s.toLowerCase())] as const;
    }));
    const scripts = directives.get("script-src") ?? directives.get("default-src");
    if (!scripts) return "sets neither script-src nor default-src, so scripts may load from anywhere";
    for (const [name, sources] of directives) {
        if (sources.includes("'unsafe-inline'")) return `allows 'unsafe-inline' in ${name}, so an injected inline script runs`;
    }
    return undefined;
}

/**
 * Runbook 004 "CORS & CSP: CSP nonce-based, no unsafe-inline": every app host (a public
 * host of the zone that is not an API host) gets a Content-Security-Policy from the edge
 * that restricts scripts and never allows 'unsafe-inline'. A CSP computed by an expression
 * cannot be read before it runs and is refused: the gate would be passing a value it never saw.
 */
export const edgeResponseheadersRequireCsp = stackPolicy({
    name: "edge-responseheaders-require-csp",
    description: "Every app host gets a Content-Security-Policy from the edge that restricts scripts and never allows 'unsafe-inline'.",
    severity: "high",
    runbook: ["004.services.cors-csp"],
    remediation: fix,
    appliesTo: cloudflareZones,
    configSchema: apiHostLabelsConfig,
    validateStack: (args, reportViolation) => {
        judgeHostsByZone(args, "app", ({ zone, hosts }) => {
            const rules = headerRules(args.resources, zone, header);
            for (const host of hosts) {
                if (!rules.some((r) => mayMatchHost(r.expression, host))) {
                    reportViolation(`App host ${host} of Cloudflare zone ${zone} gets no Content-Security-Policy from the edge (no enabled response header rule sets it for this host), so an injected script runs with the app's full rights. ${fix}`);
                }
            }
            for (const r of rules) {
                const value = r.change.value;
                const problem = value === undefined
                    ? "is computed by an expression, which the gate cannot read before it runs"
                    : cspProblem(value);
                if (problem) reportViolation(`The Content-Security-Policy set by ${r.label} of ruleset ${r.ruleset.name} ${problem}. ${fix}`, r.ruleset.urn);
            }
        });
    },
});
