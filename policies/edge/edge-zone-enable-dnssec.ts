import { stackPolicy } from "../lib";
import { cloudflareTypes, cloudflareZones, inZone, zonesToJudge } from "./cloudflare";

const fix = 'Declare a ZoneDnssec for the zone with status "active", and publish its DS record at the registrar (Cloudflare Registrar does it by itself).';

/**
 * DNSSEC active on every zone: resolvers can then tell a forged answer for api.<domain>
 * from the real one, so "DNS points at the right load balancer" holds for every visitor,
 * not only for the ones whose resolver was not poisoned. A real export's status "pending"
 * means the DS record is not at the registrar yet: signed, but nobody checks.
 */
export const edgeZoneEnableDnssec = stackPolicy({
    name: "edge-zone-enable-dnssec",
    description: "Every Cloudflare zone signs its records with DNSSEC, and the signatures are in use (status active).",
    severity: "medium",
    runbook: ["004.infra.dns-ttl"],
    remediation: fix,
    appliesTo: cloudflareZones,
    validateStack: (args, reportViolation) => {
        const zones = zonesToJudge(args);
        for (const zone of zones) {
            const dnssec = inZone(args.resources, zone, cloudflareTypes.zoneDnssec);
            if (dnssec.length === 0) {
                reportViolation(`Cloudflare zone ${zone} declares no ZoneDnssec, so resolvers cannot tell forged answers from its own. ${fix}`);
                continue;
            }
            for (const d of dnssec) {
                const status: unknown = d.props.status;
                if (status !== "active") {
                    const got = status === undefined ? "unset (Cloudflare leaves DNSSEC disabled)" : JSON.stringify(status);
                    reportViolation(`Cloudflare zone ${zone}: DNSSEC status is ${got}, not "active", so resolvers cannot tell forged answers from its own. ${fix}`, d.urn);
                }
            }
        }
    },
});
