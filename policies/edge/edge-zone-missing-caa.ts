import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib";
import { caaIssuerDomain, caaOf, cloudflareTypes, cloudflareZones, dnsRecordTypes, inZone, recordType, resourceName, type Caa, zonesToJudge } from "./cloudflare";
import { caaIssuers } from "./thresholds";

const fix = 'Declare CAA records (tag "issue", and "issuewild" for wildcard names) naming exactly the certificate authorities the zone\'s certificates come from.';

/** The CA domains a set of CAA records allows for one tag; undefined when no record has the tag. */
function allowed(caa: readonly Caa[], tag: string): string[] | undefined {
    const values = caa.filter((c) => c.tag === tag).map((c) => caaIssuerDomain(c.value));
    return values.length ? values.filter((v) => v !== "") : undefined;
}

function caName(pack: PolicyResource): { ca: string; domain: string | undefined } {
    const ca = String(pack.props.certificateAuthority ?? "");
    return { ca, domain: (caaIssuers as Record<string, string>)[ca] };
}

/**
 * Every zone publishes CAA records, and they allow the certificate authority of each of
 * its advanced certificate packs: without CAA any CA may issue a certificate for the
 * production names; with CAA that leaves the pack's CA out, the pack's next renewal fails
 * (which the >= 30 days rule would only notice a month later).
 */
export const edgeZoneMissingCaa = stackPolicy({
    name: "edge-zone-missing-caa",
    description: "Every Cloudflare zone has CAA records, and they allow the certificate authority of each of its certificate packs.",
    severity: "medium",
    runbook: ["004.infra.tls-certificates"],
    remediation: fix,
    appliesTo: cloudflareZones,
    validateStack: (args, reportViolation) => {
        const zones = zonesToJudge(args);
        for (const zone of zones) {
            const caa = inZone(args.resources, zone, ...dnsRecordTypes)
                .filter((r) => recordType(r.props) === "CAA")
                .map((r) => caaOf(r.props))
                .filter((c): c is Caa => c !== undefined);
            const issue = allowed(caa, "issue");
            if (!issue) {
                reportViolation(`Cloudflare zone ${zone} has no CAA "issue" record, so any certificate authority may issue certificates for its names. ${fix}`);
                continue;
            }
            const issuewild = allowed(caa, "issuewild");
            for (const pack of inZone(args.resources, zone, cloudflareTypes.certificatePack)) {
                const { ca, domain } = caName(pack);
                const hosts: unknown = pack.props.hosts;
                const wildcard = Array.isArray(hosts) && hosts.some((h) => typeof h === "string" && h.startsWith("*."));
                const checks: Array<[string, string[]]> = [["issue", issue]];
                if (wildcard && issuewild) checks.push(["issuewild", issuewild]);
                for (const [tag, list] of checks) {
                    if (domain !== undefined && list.includes(domain)) continue;
                    const what = domain ? `${ca} (${domain})` : `"${ca}", which golive knows no CAA value for`;
                    reportViolation(`Cloudflare zone ${zone}: the CAA "${tag}" records allow ${list.length ? list.join(", ") : "no authority"}, but certificate pack ${resourceName(pack)} is issued by ${what}, so its issuance and every renewal will fail. ${fix}`, pack.urn);
                }
            }
        }
    },
});
