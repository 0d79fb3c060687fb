import { configNumber, resourcePolicy } from "../lib";
import { addressRecordTypes, dnsRecords, recordLabel, recordType } from "./cloudflare";
import { automaticTtl, dnsMaxTtlSeconds } from "./thresholds";

const fixFor = (max: number) => `Set ttl to ${max} or less, or proxy the record (proxied: true) with ttl ${automaticTtl} (automatic).`;
const fix = fixFor(dnsMaxTtlSeconds);

/**
 * Address records (A, AAAA, CNAME) answer with a TTL of at most 300 s, or are proxied with
 * the automatic TTL (Cloudflare then answers with its own addresses and 300 s): moving a
 * record back during a rollback reaches every resolver within five minutes. Other record
 * types do not send visitors anywhere and are not judged. The ceiling is policy config
 * (`maxTtlSeconds`, default the runbook's 300 s); the rollback budget counts the TTL too.
 */
export const edgeDnsrecordConfigureTtl = resourcePolicy({
    name: "edge-dnsrecord-configure-ttl",
    description: `Every address record (A, AAAA, CNAME) has a TTL of at most ${dnsMaxTtlSeconds} s, or is proxied with the automatic TTL.`,
    severity: "high",
    runbook: ["004.infra.dns-ttl"],
    remediation: fix,
    appliesTo: dnsRecords,
    configSchema: {
        properties: {
            maxTtlSeconds: { type: "integer", minimum: 60, default: dnsMaxTtlSeconds },
        },
    },
    validateResource: (args, reportViolation) => {
        const max = configNumber(args.getConfig<Record<string, unknown>>(), "maxTtlSeconds", dnsMaxTtlSeconds);
        const fix = fixFor(max);
        const type = recordType(args.props);
        if (!addressRecordTypes.includes(type)) args.notApplicable(`a ${type || "typeless"} record sends no visitor to an origin; only A, AAAA and CNAME records are judged`);
        const ttl: unknown = args.props.ttl;
        const proxied = args.props.proxied === true;
        const record = recordLabel(args.props);
        if (ttl === automaticTtl) {
            if (!proxied) reportViolation(`DNS record ${record} has the automatic TTL but is not proxied, so its TTL is whatever Cloudflare picks for DNS-only records, not a number the rollback plan can count on. ${fix}`);
            return;
        }
        if (typeof ttl !== "number") {
            reportViolation(`DNS record ${record} has no TTL (got ${JSON.stringify(ttl) ?? "nothing"}). ${fix}`);
            return;
        }
        if (ttl > max) {
            const why = proxied
                ? `Cloudflare answers for a proxied record with its automatic TTL, but ${ttl} s is what applies the moment proxying is turned off, and what the next reader of the stack believes`
                : `after a rollback moves it, resolvers keep the old answer for up to ${ttl} s`;
            reportViolation(`DNS record ${record} has TTL ${ttl} s, above ${max} s: ${why}. ${fix}`);
        }
    },
});
