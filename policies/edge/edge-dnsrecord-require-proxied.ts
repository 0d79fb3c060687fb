import { resourcePolicy } from "../lib";
import { addressRecordTypes, dnsRecords, recordLabel, recordName, recordType } from "./cloudflare";

const fix = "Set proxied: true, or list the name under dnsOnlyNames in the policy config if it must stay DNS-only (a mail server, say).";

/** The names a policy config lets stay DNS-only: full names or their first label. */
function exempt(name: string, dnsOnlyNames: readonly string[]): boolean {
    const n = name.toLowerCase();
    return n.startsWith("_") || dnsOnlyNames.some((x) => x.toLowerCase() === n || x.toLowerCase() === n.split(".")[0]);
}

/**
 * Public hosts go through Cloudflare (proxied: true): only then do the zone's TLS settings,
 * cache rules, rate limits and security headers apply, and the origin's address stays out
 * of public DNS. Names starting with "_" (certificate validation, SRV) are DNS-only by
 * nature and not judged.
 */
export const edgeDnsrecordRequireProxied = resourcePolicy({
    name: "edge-dnsrecord-require-proxied",
    description: "Every address record (A, AAAA, CNAME) of a public host is proxied through Cloudflare.",
    severity: "high",
    runbook: ["004.infra.dns-ttl", "004.infra.cdn-cache"],
    remediation: fix,
    appliesTo: dnsRecords,
    configSchema: {
        properties: {
            dnsOnlyNames: { type: "array", items: { type: "string" }, default: [] },
        },
    },
    validateResource: (args, reportViolation) => {
        const type = recordType(args.props);
        if (!addressRecordTypes.includes(type)) args.notApplicable(`a ${type || "typeless"} record is not a public host; only A, AAAA and CNAME records are judged`);
        const config = args.getConfig<{ dnsOnlyNames?: string[] }>();
        const dnsOnly = Array.isArray(config.dnsOnlyNames) ? config.dnsOnlyNames : [];
        if (exempt(recordName(args.props), dnsOnly)) args.notApplicable(`${recordName(args.props)} may stay DNS-only (a "_" name, or listed in dnsOnlyNames)`);
        if (args.props.proxied !== true) {
            reportViolation(`DNS record ${recordLabel(args.props)} is not proxied, so visitors reach the origin directly: the zone's TLS settings, cache rules, rate limits and security headers do not apply to it, and the origin's address is public. ${fix}`);
        }
    },
});
