/**
 * The arguments of Edge: what a stack's edge declares, and the launch defaults it may
 * override, each with its `@default` (the runbook values come from policies/edge/thresholds.ts,
 * the same place the gate reads them).
 */
import type { CertificateAuthority, TlsVersion } from "../../policies/edge/thresholds";

export interface EdgeService {
    /** The host label (api -> api.<domain>); the Gateway serves it. */
    host: string;
    /** The service's health path, which the Cloudflare health check requests. */
    healthPath: string;
}

export interface StaticFrontendSettings {
    /**
     * Host label of the frontend.
     * @default "static"
     */
    host?: string;
    /** The bucket's (global) name. */
    bucket: string;
    /** The bucket's location, e.g. EUROPE-WEST1. */
    location: string;
    /** The release served: objects under releases/<activeRelease>/. */
    activeRelease: string;
    /** The release a rollback goes back to; must differ from activeRelease. */
    previousRelease: string;
    /**
     * Addresses besides Cloudflare's allowed to reach the bucket (CI uploading releases).
     * @default [] (Cloudflare and Google's service agents only)
     */
    uploaderCidrs?: readonly string[];
}

export interface EdgeArgs {
    environment: "staging" | "production";
    /** The Cloudflare zone whose apex is `domain`. */
    zoneId: string;
    /** The zone's domain; public hosts are <label>.<domain>. */
    domain: string;
    /** The public services behind the Gateway, one host each. */
    services: readonly EdgeService[];
    /** The name of the reserved global address the Gateway serves on and every host record points at. */
    addressName: string;
    /**
     * TTL of golive's DNS-only records (CAA); host records are proxied with the automatic TTL.
     * @default 300
     */
    dnsTtl?: number;
    /**
     * The lowest TLS version the zone accepts.
     * @default "1.2"
     */
    minTlsVersion?: Extract<TlsVersion, "1.2" | "1.3">;
    /**
     * HSTS max-age, for every subdomain.
     * @default 15552000 (6 months)
     */
    hstsMaxAgeSeconds?: number;
    /**
     * Requests per minute per tenant tier. The tier with the lowest rate also takes every
     * request whose tier header names no other tier.
     * @default {free: 60, pilot: 300, enterprise: 1000}
     */
    rateLimits?: Readonly<Record<string, number>>;
    /**
     * The request header naming the tenant's tier.
     * @default "x-tenant-tier"
     */
    tierHeader?: string;
    /**
     * The request header carrying the tenant's API key, which tier limits count per.
     * @default "x-api-key"
     */
    apiKeyHeader?: string;
    /**
     * Login endpoints on the API hosts, limited per client address (10 req/min, blocked 10 min).
     * @default ["/auth/login"]
     */
    loginPaths?: readonly string[];
    /**
     * Host labels of API hosts: never cached, CORS-restricted, rate-limited.
     * @default ["api"]
     */
    apiHosts?: readonly string[];
    /**
     * The one origin browsers may call the API hosts from.
     * @default "https://<first service host that is not an API host>.<domain>"
     */
    corsOrigin?: string;
    /**
     * The Content-Security-Policy of the app hosts (every host that is not an API host).
     * @default "default-src 'self'; script-src 'self' <static origin>; style-src 'self' <static origin>; img-src 'self' data: <static origin>; font-src 'self' <static origin>; connect-src 'self' <API origins>; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
     */
    contentSecurityPolicy?: string;
    /**
     * Who issues the advanced certificate pack; CAA records allow exactly this authority.
     * @default "google"
     */
    certificateAuthority?: CertificateAuthority;
    /**
     * Days each certificate is valid (Cloudflare renews before expiry).
     * @default 90
     */
    certificateValidityDays?: 90 | 365;
    /**
     * Cloudflare health checks (HTTPS, every 60 s) on every service host's health path.
     * @default true
     */
    healthChecks?: boolean;
    /**
     * The static frontend: a bucket of versioned releases behind static.<domain>.
     * @default undefined (no static frontend)
     */
    static?: StaticFrontendSettings;
}
