import { stackPolicy } from "../lib";
import { cloudflareZones } from "./cloudflare";
import { mayMatchHost } from "./expressions";
import { apiHostLabelsConfig, judgeHostsByZone } from "./hosts";
import { headerRules } from "./response-headers";

const header = "access-control-allow-origin";
const fix = "Set Access-Control-Allow-Origin on the API hosts with a response header transform rule, to exactly the production app origin (https://cockpit.<domain>), never * or null.";

/**
 * Runbook 004 "CORS & CSP: Access-Control-Allow-Origin: https://cockpit.teei.io": every API
 * host answers with Access-Control-Allow-Origin set at the edge, and every such value in
 * the zone is exactly one https origin among the stack's own hosts. "*" lets any site read
 * API responses in a visitor's browser, "null" lets sandboxed and file: pages do it, and
 * http:// can be forged on the network.
 */
export const edgeResponseheadersEnforceCorsOrigin = stackPolicy({
    name: "edge-responseheaders-enforce-cors-origin",
    description: "Every API host allows exactly one https origin of the stack's own hosts in Access-Control-Allow-Origin, set at the edge.",
    severity: "high",
    runbook: ["004.services.cors-csp"],
    remediation: fix,
    appliesTo: cloudflareZones,
    configSchema: apiHostLabelsConfig,
    validateStack: (args, reportViolation) => {
        judgeHostsByZone(args, "api", ({ zone, hosts, allHosts }) => {
            const rules = headerRules(args.resources, zone, header);
            for (const host of hosts) {
                if (!rules.some((r) => mayMatchHost(r.expression, host))) {
                    reportViolation(`API host ${host} of Cloudflare zone ${zone} gets no Access-Control-Allow-Origin from the edge (no enabled response header rule sets it for this host), so the origin a browser may call it from is whatever each service decides. ${fix}`);
                }
            }
            for (const r of rules) {
                const value = r.change.value;
                const origin = value === undefined ? undefined : /^https:\/\/([a-z0-9.-]+)$/.exec(value.trim().toLowerCase());
                let problem: string | undefined;
                if (value === undefined) problem = "is computed by an expression, which the gate cannot read before it runs";
                else if (!origin) problem = `is ${JSON.stringify(value)}, not exactly one https:// origin`;
                else if (!allHosts.includes(origin[1]!)) problem = `is ${JSON.stringify(value)}, an origin this stack does not serve (its hosts: ${allHosts.join(", ") || "none"})`;
                if (problem) reportViolation(`The Access-Control-Allow-Origin set by ${r.label} of ruleset ${r.ruleset.name} ${problem}. ${fix}`, r.ruleset.urn);
            }
        });
    },
});
