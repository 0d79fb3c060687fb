/**
 * How the edge serves the static frontend from its bucket, as Cloudflare rules. Releases
 * live under releases/<version>/ in the bucket:
 * - /releases/<version>/... is served as is (every retained release stays addressable, and
 *   its files never change, so they are cached for a year);
 * - every other path (/, /index.html, /sw.js: the entry points) is rewritten to the active
 *   release's prefix, and cached for a minute.
 * Switching activeRelease changes the rewritten URL, which is the cache key, so the switch
 * needs no purge; the one-minute TTL of the entry points bounds staleness even if it did.
 */
import { releasesPrefix, storageOrigin } from "../../policies/edge/thresholds";
import { hostsExpression } from "./expressions";
import type { ResolvedStatic } from "./resolve";

export { storageOrigin };

/** Versioned files are immutable: a year at the edge and in browsers. */
export const versionedTtlSeconds = 31_536_000;
/** Entry points name the release's files; a minute bounds how long a switch takes to show. */
export const entryPointTtlSeconds = 60;

const releasesPath = `/${releasesPrefix}`;

function versioned(s: ResolvedStatic): string {
    return `${hostsExpression([s.hostname])} and starts_with(http.request.uri.path, "${releasesPath}")`;
}

/** The rewrite rules (phase http_request_transform): paths into the bucket, entry points to the active release. */
export function staticRewriteRules(s: ResolvedStatic) {
    const active = `/${s.bucket}/${releasesPrefix}${s.activeRelease}`;
    return [
        {
            ref: "static-root",
            description: `static: / is the active release's index.html (${s.activeRelease})`,
            expression: `${hostsExpression([s.hostname])} and http.request.uri.path eq "/"`,
            action: "rewrite",
            actionParameters: { uri: { path: { value: `${active}/index.html` } } },
            enabled: true,
        },
        {
            ref: "static-active",
            description: `static: entry points come from the active release (${s.activeRelease})`,
            expression: `${hostsExpression([s.hostname])} and http.request.uri.path ne "/" and not starts_with(http.request.uri.path, "${releasesPath}")`,
            action: "rewrite",
            actionParameters: { uri: { path: { expression: `concat("${active}", http.request.uri.path)` } } },
            enabled: true,
        },
        {
            ref: "static-versioned",
            description: "static: versioned paths map to the bucket as they are",
            expression: versioned(s),
            action: "rewrite",
            actionParameters: { uri: { path: { expression: `concat("/${s.bucket}", http.request.uri.path)` } } },
            enabled: true,
        },
    ];
}

/**
 * The origin rule (phase http_request_origin): requests for the static host go to Cloud
 * Storage's own name, so the origin certificate matches and SSL strict holds.
 */
export function staticOriginRules(s: ResolvedStatic) {
    return [{
        ref: "static-origin",
        description: `static: served by ${storageOrigin}`,
        expression: hostsExpression([s.hostname]),
        action: "route",
        actionParameters: { hostHeader: storageOrigin, sni: { value: storageOrigin } },
        enabled: true,
    }];
}

/** The static host's cache rules (phase http_request_cache_settings), deception armor on. */
export function staticCacheRules(s: ResolvedStatic) {
    const cacheKey = { cacheDeceptionArmor: true, ignoreQueryStringsOrder: true };
    return [
        {
            ref: "static-versioned",
            description: "static: versioned release files, immutable, cached for a year",
            expression: versioned(s),
            action: "set_cache_settings",
            actionParameters: {
                cache: true,
                edgeTtl: { mode: "override_origin", default: versionedTtlSeconds },
                browserTtl: { mode: "override_origin", default: versionedTtlSeconds },
                cacheKey,
            },
            enabled: true,
        },
        {
            ref: "static-entry-points",
            description: "static: entry points of the active release, cached for a minute",
            expression: `${hostsExpression([s.hostname])} and not starts_with(http.request.uri.path, "${releasesPath}")`,
            action: "set_cache_settings",
            actionParameters: {
                cache: true,
                edgeTtl: { mode: "override_origin", default: entryPointTtlSeconds },
                browserTtl: { mode: "override_origin", default: entryPointTtlSeconds },
                cacheKey,
            },
            enabled: true,
        },
    ];
}
