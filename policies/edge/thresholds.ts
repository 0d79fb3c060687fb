/**
 * The edge's launch values, defined once: runbook 004's numbers and the names golive gives
 * the things the edge policies read back. The config schema (schema/edge.ts) takes its
 * defaults from here and the Edge component builds its resources from here, so a value
 * the gate enforces is never restated elsewhere. Not a policy.
 */

/** "TTL set to 300s for quick rollback" (runbook 004, Infrastructure Checklist). */
export const dnsMaxTtlSeconds = 300;

/** Cloudflare's "automatic" TTL; a proxied record always answers with it (300 s at the edge). */
export const automaticTtl = 1;

/** The lowest TLS version a client may use; TLS 1.0 and 1.1 are deprecated (RFC 8996). */
export const minTlsVersion = "1.2";

/** Cloudflare's min_tls_version values, oldest first. */
export const tlsVersions = ["1.0", "1.1", "1.2", "1.3"] as const;
export type TlsVersion = (typeof tlsVersions)[number];

/** HSTS max-age floor: 6 months (Cloudflare's "6 months" option). */
export const hstsMinMaxAgeSeconds = 15_552_000;

/** "Rate Limiting: Configured per tenant tier" in requests per minute (runbook 004, Services Checklist). */
export const rateLimitTiers = { free: 60, pilot: 300, enterprise: 1000 } as const satisfies Record<string, number>;
export type RateLimitTier = keyof typeof rateLimitTiers;

/** The `ref` of the rate-limiting rule of a tier: how the gate finds the tier's rule in a ruleset. */
export function tierRuleRef(tier: string): string {
    return `tier-${tier}`;
}

/** The periods (s) Cloudflare's rate limiting accepts; which ones a plan allows is in the README. */
export const rateLimitPeriods: readonly number[] = [10, 15, 20, 30, 40, 45, 60, 90, 120, 180, 240, 300, 480, 600, 900, 1200, 1800, 2400, 3600, 65535, 86400];

/** "SSL Certificates: Valid for >= 30 days" (runbook 004, Infrastructure Checklist). */
export const certificateMinRemainingDays = 30;

/** Certificate lifetimes Cloudflare offers for an advanced certificate pack. */
export const certificateValidityDays = [14, 30, 90, 365] as const;

/**
 * The CAA `issue` value of each certificate authority an advanced certificate pack can use,
 * keyed by the pack's `certificateAuthority`.
 */
export const caaIssuers = { google: "pki.goog", lets_encrypt: "letsencrypt.org", ssl_com: "ssl.com" } as const;
export type CertificateAuthority = keyof typeof caaIssuers;

/** How long a retired frontend release stays recoverable ("old releases kept 90 days"). */
export const frontendRetentionDays = 90;

/** Bucket labels naming the frontend releases the edge serves and rolls back to. */
export const releaseLabels = { active: "golive-active-release", previous: "golive-previous-release" } as const;

/** A release name (v2.5.0) as a bucket label value: labels allow no dots, so dots become underscores. */
export function releaseLabelValue(release: string): string {
    return release.replace(/\./g, "_");
}

/** The bucket prefix every frontend release lives under: releases/<version>/. */
export const releasesPrefix = "releases/";

/** Host labels (the first label of a public host name) of API hosts, whose responses are never cached. */
export const apiHostLabels: readonly string[] = ["api"];

/** The request header that carries the tenant's tier, and the one that carries its API key. */
export const tierHeader = "x-tenant-tier";
export const apiKeyHeader = "x-api-key";

/**
 * The per-address limit on login endpoints: tighter than any tier, and the address stays
 * blocked for a while (credential stuffing comes from many keys but few addresses).
 */
export const loginRateLimit = { ref: "login-per-ip", requestsPerMinute: 10, mitigationTimeoutSeconds: 600 } as const;

/** Cloud Storage's own name: where the edge sends frontend requests (the origin certificate matches it). */
export const storageOrigin = "storage.googleapis.com";

/** Versioned release files never change; the edge keeps them at least a day (golive sets a year). */
export const versionedMinEdgeTtlSeconds = 86_400;
