import { stackPolicy } from "../lib";
import { cloudflareTypes, cloudflareZones, isEnabled, rulesOf } from "./cloudflare";
import { hostScope, pathPrefixScope } from "./expressions";
import { frontendHosts } from "./frontend";
import { releasesPrefix, versionedMinEdgeTtlSeconds } from "./thresholds";

const fix = `Add a cache rule for the frontend host's /${releasesPrefix} paths: cache: true, edgeTtl {mode: "override_origin", default: 31536000} (the files of a release never change), cache deception armor on.`;

/**
 * Runbook 004 "CDN cache rules ... cache hit ratio >= 70 %": the versioned files of every
 * frontend host (a record pointing at Cloud Storage) are cached at the edge for at least a
 * day. They never change (a new release is a new prefix), so a short TTL only sends
 * visitors to Cloud Storage and keeps the hit ratio low.
 */
export const edgeCacheruleConfigureStaticTtl = stackPolicy({
    name: "edge-cacherule-configure-static-ttl",
    description: `Every frontend host caches its versioned release files at the edge for at least ${versionedMinEdgeTtlSeconds} s.`,
    severity: "medium",
    runbook: ["004.infra.cdn-cache"],
    remediation: fix,
    appliesTo: cloudflareZones,
    validateStack: (args, reportViolation) => {
        const hosts = frontendHosts(args.resources);
        if (hosts.length === 0) args.notApplicable("no DNS record of this stack points at Cloud Storage");
        const rules = args.resources
            .filter((r) => r.type === cloudflareTypes.ruleset && r.props.phase === "http_request_cache_settings")
            .flatMap((r) => rulesOf(r.props))
            .filter((rule) => isEnabled(rule) && rule.action === "set_cache_settings" && typeof rule.expression === "string");
        for (const host of hosts) {
            const versioned = rules.filter((rule) => (hostScope(rule.expression) ?? []).includes(host) && pathPrefixScope(rule.expression).some((p) => p.startsWith(`/${releasesPrefix}`)));
            if (versioned.length === 0) {
                reportViolation(`Frontend host ${host} has no cache rule for its /${releasesPrefix} paths, so its release files are cached only as Cloudflare's defaults decide. ${fix}`);
                continue;
            }
            for (const rule of versioned) {
                const ttl: unknown = rule.actionParameters?.edgeTtl?.default;
                const mode: unknown = rule.actionParameters?.edgeTtl?.mode;
                if (rule.actionParameters?.cache !== true || mode !== "override_origin" || typeof ttl !== "number" || ttl < versionedMinEdgeTtlSeconds) {
                    const got = rule.actionParameters?.cache !== true ? "does not cache them" : `keeps them ${mode === "override_origin" && typeof ttl === "number" ? `${ttl} s` : "as long as the origin says"}`;
                    reportViolation(`The cache rule ${typeof rule.ref === "string" ? `"${rule.ref}"` : "for them"} of frontend host ${host}'s /${releasesPrefix} paths ${got}, under ${versionedMinEdgeTtlSeconds} s for files that never change. ${fix}`);
                }
            }
        }
    },
});
