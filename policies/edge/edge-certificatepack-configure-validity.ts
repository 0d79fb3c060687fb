import { stackPolicy } from "../lib";
import { cloudflareTypes, cloudflareZones, inZone, resourceName, zonesToJudge } from "./cloudflare";
import { certificateMinRemainingDays, certificateValidityDays } from "./thresholds";

const longEnough = certificateValidityDays.filter((d) => d > certificateMinRemainingDays);
const fix = `Declare an advanced CertificatePack (type "advanced", validityDays ${longEnough.join(" or ")}) covering the zone's apex and hosts; Cloudflare renews it before it expires.`;

/** Pack states that serve no certificate, from the provider's status list. */
const failed = ["expired", "deleted", "pending_deletion", "deactivating", "inactive", "validation_timed_out", "issuance_timed_out", "deployment_timed_out", "deletion_timed_out", "initializing_timed_out"];

/**
 * Every zone has an advanced certificate pack (Cloudflare orders and renews it, so
 * "auto-renewal enabled" is the pack type), whose certificates live longer than the 30
 * days the runbook wants left: a 14- or 30-day certificate is never valid for 30 more
 * days. In a real export the pack's status is read too: an expired or timed-out pack
 * serves nothing. The expiry itself is judged by edge-certificate-require-remaining-validity.
 */
export const edgeCertificatepackConfigureValidity = stackPolicy({
    name: "edge-certificatepack-configure-validity",
    description: `Every Cloudflare zone has an auto-renewing advanced certificate pack whose certificates live longer than ${certificateMinRemainingDays} days.`,
    severity: "high",
    runbook: ["004.infra.tls-certificates"],
    remediation: fix,
    appliesTo: cloudflareZones,
    validateStack: (args, reportViolation) => {
        const zones = zonesToJudge(args);
        for (const zone of zones) {
            const packs = inZone(args.resources, zone, cloudflareTypes.certificatePack);
            if (packs.length === 0) {
                reportViolation(`Cloudflare zone ${zone} has no advanced certificate pack, so its names depend on Universal SSL, which covers only the apex and first-level names and cannot be reviewed here. ${fix}`);
                continue;
            }
            for (const pack of packs) {
                const name = resourceName(pack);
                const type: unknown = pack.props.type;
                if (type !== "advanced") {
                    reportViolation(`Certificate pack ${name} of zone ${zone} has type ${JSON.stringify(type) ?? "unset"}, not "advanced", so Cloudflare does not order and renew it. ${fix}`, pack.urn);
                }
                const days: unknown = pack.props.validityDays;
                if (typeof days !== "number" || days <= certificateMinRemainingDays) {
                    reportViolation(`Certificate pack ${name} of zone ${zone} issues certificates valid for ${typeof days === "number" ? `${days} days` : "an unset number of days"}, so a certificate never has the ${certificateMinRemainingDays} days left the runbook asks for. ${fix}`, pack.urn);
                }
                const status: unknown = pack.props.status;
                if (typeof status === "string" && failed.includes(status)) {
                    reportViolation(`Certificate pack ${name} of zone ${zone} has status "${status}", so it serves no certificate. Replace the pack (certificate packs cannot be updated in place) and check its validation records.`, pack.urn);
                }
            }
        }
    },
});
