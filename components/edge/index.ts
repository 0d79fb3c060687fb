/** The Cloudflare edge: one component per file, pure spec functions beside them. */
export { Edge } from "./edge";
export { StaticFrontend, staticBucketSpec, staticPublicReadSpec, staticRecordSpec, type StaticFrontendArgs } from "./static-frontend";
export type { EdgeArgs, EdgeService, StaticFrontendSettings } from "./edge-args";
export { EdgeArgsError, edgeProblems, hostname, resolveEdge, type ResolvedEdge, type ResolvedStatic } from "./resolve";
export { caaRecordSpecs, certificatePackSpec, dnssecSpec, hostRecordSpec, zoneSettingSpecs, type ZoneSettingSpec } from "./zone-security";
export { cacheRules } from "./cache-rules";
export { rateLimitRules } from "./rate-limits";
export { responseHeaderRules } from "./response-headers";
export { entryPointTtlSeconds, staticCacheRules, staticOriginRules, staticRewriteRules, storageOrigin, versionedTtlSeconds } from "./static-rules";
export { healthcheckSpec } from "./health-checks";
export { hostsExpression, stringSet } from "./expressions";
export { cloudflareIpRanges } from "./cloudflare-ips";
