import { stackPolicy, type AppliesTo } from "../lib";
import { cloudflareTypes } from "./cloudflare";
import { addressRecordsFor, isGateway, publicHosts } from "./hosts";

const fix = "Declare a proxied DNS record for it in the stack (the Edge component does for every public service host and the static host).";

const gatewaysAndRules: AppliesTo = {
    description: "GKE Gateways or Cloudflare rulesets (which name the public hosts)",
    matches: (type) => isGateway({ type }) || type === cloudflareTypes.ruleset,
};

/**
 * Every public host has a DNS record in the stack: each listener host of a GKE Gateway, and
 * each host a zone rule matches on. A host without one does not resolve (or resolves to
 * whatever someone set by hand), and the rules written for it protect nothing.
 */
export const edgeHostMissingDnsrecord = stackPolicy({
    name: "edge-host-missing-dnsrecord",
    description: "Every public host (a Gateway listener, or a host the edge rules match) has an address record in the stack.",
    severity: "critical",
    runbook: ["004.infra.dns-ttl"],
    remediation: fix,
    appliesTo: gatewaysAndRules,
    validateStack: (args, reportViolation) => {
        const hosts = publicHosts(args.resources);
        if (hosts.length === 0) args.notApplicable("neither a Gateway listener nor an edge rule names a host");
        for (const { host, from } of hosts) {
            if (addressRecordsFor(args.resources, host).length === 0) {
                reportViolation(`Public host ${host} (named by ${from}) has no A, AAAA or CNAME record in this stack, so it does not resolve to the platform, or resolves to whatever was set by hand. ${fix}`);
            }
        }
    },
});
