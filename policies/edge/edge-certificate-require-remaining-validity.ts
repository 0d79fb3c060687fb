import { configNumber, resourceTypes, stackPolicy } from "../lib";
import { evaluationTime } from "../lib/clock";
import { cloudflareTypes, resourceName } from "./cloudflare";
import { certificateMinRemainingDays } from "./thresholds";

const day = 86_400_000;

/**
 * Every certificate Cloudflare has issued for the stack has at least 30 days left, as of
 * GOLIVE_NOW (`npm run analyze -- --file <export> --now <launch time>`) or now. Expiry is
 * known only once a pack is issued: in a real export (`certificates[].expiresOn`). A plan
 * has no issued certificate, so the policy says it does not apply and its checklist item
 * stays PENDING; a value the engine marks unknown is reported as not evaluable, never passed.
 */
export const edgeCertificateRequireRemainingValidity = stackPolicy({
    name: "edge-certificate-require-remaining-validity",
    description: `Every issued edge certificate has at least ${certificateMinRemainingDays} days left before it expires.`,
    severity: "critical",
    runbook: ["004.infra.tls-expiry"],
    remediation: "Find out why the pack did not renew (status, validation records, CAA), then re-order it; until then the host serves a certificate about to expire.",
    appliesTo: resourceTypes("Cloudflare certificate packs", cloudflareTypes.certificatePack),
    configSchema: {
        properties: {
            minRemainingDays: { type: "integer", minimum: 1, default: certificateMinRemainingDays },
        },
    },
    validateStack: (args, reportViolation) => {
        const minDays = configNumber(args.getConfig<Record<string, unknown>>(), "minRemainingDays", certificateMinRemainingDays);
        const now = evaluationTime();
        let judged = 0;
        for (const pack of args.resources.filter((r) => r.type === cloudflareTypes.certificatePack)) {
            const certificates: unknown = pack.props.certificates;
            if (!Array.isArray(certificates)) continue;
            for (const c of certificates) {
                const expiresOn: unknown = c?.expiresOn ?? c?.expires_on;
                if (typeof expiresOn !== "string") continue;
                const hosts = Array.isArray(c.hosts) ? c.hosts.join(", ") : "its hosts";
                judged++;
                const expires = Date.parse(expiresOn);
                if (Number.isNaN(expires)) {
                    reportViolation(`Certificate pack ${resourceName(pack)}: a certificate for ${hosts} expires on "${expiresOn}", which is not a time, so its remaining validity cannot be checked. Export the stack again with a current provider.`, pack.urn);
                    continue;
                }
                const left = (expires - now.getTime()) / day;
                if (left < minDays) {
                    const when = left < 0 ? `expired ${Math.ceil(-left)} days ago` : `has ${Math.floor(left)} days left`;
                    reportViolation(`Certificate pack ${resourceName(pack)}: the certificate for ${hosts} expires ${new Date(expires).toISOString()} and ${when} as of ${now.toISOString()}, under the ${minDays} days ${minDays === certificateMinRemainingDays ? "the runbook asks for" : "the policy config asks for"}. Find out why the pack did not renew (status, validation records, CAA), then re-order it.`, pack.urn);
                }
            }
        }
        if (judged === 0) {
            args.notApplicable("no certificate of this stack has a known expiry yet: Cloudflare issues them at `pulumi up`; judge a stack export with `npm run analyze -- --file <export> --now <launch time>`");
        }
    },
});
