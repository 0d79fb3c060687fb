import { z } from "zod";
import {
    apiHostLabels, apiKeyHeader, caaIssuers, dnsMaxTtlSeconds, hstsMinMaxAgeSeconds, minTlsVersion, rateLimitTiers, tierHeader,
} from "../policies/edge/thresholds";
import { hostLabel, httpPath } from "./common";

/** A release name: it becomes a bucket prefix (releases/<name>/) and a label value. */
const release = z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, { error: "must be a release name such as v2.5.0: lowercase letters, digits, '.', '_' or '-', at most 63 characters" });

const cidr = z.string().regex(/^((\d{1,3}\.){3}\d{1,3}\/\d{1,2}|[0-9a-f:]+\/\d{1,3})$/, { error: "must be an IPv4 or IPv6 CIDR such as 203.0.113.0/24" });

const headerName = z.string().regex(/^[a-z0-9-]+$/, { error: "must be a lowercase HTTP header name such as x-api-key" });

/** The static frontend: a bucket of releases under versioned prefixes, served through the edge. */
export const edgeStatic = z
    .strictObject({
        /** Host label of the frontend (static -> static.<domain>). */
        host: hostLabel.default("static"),
        /** The bucket's name; bucket names are global. Default: <gcp.project>-static. */
        bucket: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/, { error: "must be a bucket name: 3-63 lowercase letters, digits, '-' or '_'" }).optional(),
        /** The bucket's location. Default: the stack's region. */
        location: z.string().min(1).optional(),
        /** The release the edge serves (releases/<activeRelease>/ in the bucket). */
        activeRelease: release,
        /** The release a rollback goes back to; kept until it is retired. */
        previousRelease: release,
        /**
         * Addresses allowed to reach the bucket besides Cloudflare's (the release upload from
         * CI). With none, only Cloudflare and Google's own service agents get through.
         */
        uploaderCidrs: z.array(cidr).default([]),
    })
    .refine((s) => s.activeRelease !== s.previousRelease, { error: "must differ from activeRelease, or a rollback serves the same release", path: ["previousRelease"] });

/** The Cloudflare edge in front of the public hosts. */
export const edge = z.strictObject({
    /** The Cloudflare zone id of the stack's domain (the domain is the zone's apex). */
    zoneId: z.string().regex(/^[a-f0-9]{32}$/, { error: "must be a Cloudflare zone id (32 hex characters)" }),
    /** TTL of golive's DNS-only records (CAA); host records are proxied with the automatic TTL. */
    dnsTtl: z.number().int().min(60).max(86400).default(dnsMaxTtlSeconds),
    minTlsVersion: z.enum(["1.2", "1.3"]).default(minTlsVersion),
    /** HSTS max-age in seconds; at least 6 months. */
    hstsMaxAgeSeconds: z.number().int().min(hstsMinMaxAgeSeconds, { error: `must be at least ${hstsMinMaxAgeSeconds} (6 months)` }).default(hstsMinMaxAgeSeconds),
    /** Requests per minute per tier (runbook 004: free 60, pilot 300, enterprise 1000). */
    rateLimits: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.number().int().positive()).default({ ...rateLimitTiers }),
    /** The request header naming the tenant's tier; requests without a known tier count as the lowest. */
    tierHeader: headerName.default(tierHeader),
    /** The request header carrying the tenant's API key: what tier limits count per. */
    apiKeyHeader: headerName.default(apiKeyHeader),
    /** Login endpoints, limited per client address. */
    loginPaths: z.array(httpPath).min(1).default(["/auth/login"]),
    /** Host labels of API hosts (never cached, CORS-restricted). */
    apiHosts: z.array(hostLabel).min(1).default([...apiHostLabels]),
    /** The one origin browsers may call the API from. Default: https://<first app host>.<domain>. */
    corsOrigin: z.string().regex(/^https:\/\/[a-z0-9.-]+$/, { error: "must be one https origin such as https://cockpit.teei.example.com" }).optional(),
    /** The Content-Security-Policy of the app hosts. Default: self and the static host, no inline scripts. */
    contentSecurityPolicy: z.string().min(1).optional(),
    /** The certificate authority of the advanced certificate pack. */
    certificateAuthority: z.enum(Object.keys(caaIssuers) as [keyof typeof caaIssuers, ...Array<keyof typeof caaIssuers>]).default("google"),
    /** Days each certificate is valid; longer than the 30 days the runbook wants left. */
    certificateValidityDays: z.union([z.literal(90), z.literal(365)], { error: "must be 90 or 365: a 14- or 30-day certificate never has 30 days left" }).default(90),
    /** The reserved global address the Gateway serves on and DNS points at. Default: <cluster.name>-gateway. */
    addressName: z.string().regex(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/, { error: "must be a Google Cloud resource name: lowercase letters, digits and '-', starting with a letter" }).optional(),
    /** Cloudflare health checks on every service host's health path. */
    healthChecks: z.boolean().default(true),
    static: edgeStatic.optional(),
});

export type EdgeConfig = z.infer<typeof edge>;
