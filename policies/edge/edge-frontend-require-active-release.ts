import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy, resourceTypes, type Json } from "../lib";
import { cloudflareTypes, isEnabled, rulesOf } from "./cloudflare";
import { bucketName, bucketType, frontendBuckets } from "./frontend";
import { releaseLabels, releaseLabelValue, releasesPrefix, storageOrigin } from "./thresholds";

const fix = `Declare the static frontend's rulesets: a URL rewrite (http_request_transform) of the entry points to /<bucket>/${releasesPrefix}<active release>/, and an origin rule (http_request_origin) that sets the Host header and SNI to ${storageOrigin} (the Edge component does both).`;

/** The path template of a rewrite rule (static value or expression), or undefined. */
function rewrittenPath(rule: Json): string | undefined {
    const path: Json = rule?.actionParameters?.uri?.path;
    const v: unknown = path?.value ?? path?.expression;
    return typeof v === "string" ? v : undefined;
}

function enabledRules(resources: readonly PolicyResource[], phase: string): Json[] {
    return resources.filter((r) => r.type === cloudflareTypes.ruleset && r.props.phase === phase).flatMap((r) => rulesOf(r.props)).filter(isEnabled);
}

/**
 * The edge serves the frontend bucket's active release: an enabled URL rewrite maps
 * requests into /<bucket>/releases/<release>/ and that release is the one the bucket is
 * labelled active with, and an origin rule sends requests to Cloud Storage under its own
 * name. Without the rewrite the frontend serves the bucket's root (nothing); with another
 * release in it, the stack says one release is live while visitors get another.
 */
export const edgeFrontendRequireActiveRelease = stackPolicy({
    name: "edge-frontend-require-active-release",
    description: "The edge routes the static frontend to the bucket's active release, through Cloud Storage under its own name.",
    severity: "high",
    runbook: ["004.rollback.frontend", "004.infra.cdn-cache"],
    remediation: fix,
    appliesTo: resourceTypes("frontend buckets (Cloud Storage buckets)", bucketType),
    validateStack: (args, reportViolation) => {
        const buckets = frontendBuckets(args.resources);
        if (buckets.length === 0) args.notApplicable(`no bucket of this stack is labelled ${releaseLabels.active}`);
        const rewrites = enabledRules(args.resources, "http_request_transform").filter((r) => r.action === "rewrite");
        const origins = enabledRules(args.resources, "http_request_origin").filter((r) => r.action === "route");
        for (const b of buckets) {
            const name = bucketName(b);
            const active: string = b.props.labels[releaseLabels.active];
            const served = new Set<string>();
            for (const rule of rewrites) {
                const path = rewrittenPath(rule);
                const m = path === undefined ? null : new RegExp(`/${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/${releasesPrefix}([^/"]+)`).exec(path);
                if (m) served.add(m[1]!);
            }
            if (served.size === 0) {
                reportViolation(`Frontend bucket ${name}: no enabled URL rewrite rule maps requests into /${name}/${releasesPrefix}<release>/, so the frontend's host serves no release. ${fix}`, b.urn);
            } else {
                for (const release of served) {
                    if (releaseLabelValue(release) !== active) {
                        reportViolation(`Frontend bucket ${name} is labelled with active release ${active}, but the edge rewrites requests to release ${release}, so visitors get another release than the stack declares. Serve one release: change activeRelease in the stack config and \`pulumi up\`.`, b.urn);
                    }
                }
            }
            const routed = origins.some((r) => r.actionParameters?.hostHeader === storageOrigin);
            if (!routed) {
                reportViolation(`Frontend bucket ${name}: no enabled origin rule sets the Host header to ${storageOrigin}, so Cloud Storage receives the frontend's own host name and answers with an error. ${fix}`, b.urn);
            }
        }
    },
});
