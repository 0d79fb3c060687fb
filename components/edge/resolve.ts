/**
 * Edge's arguments with every default filled in, and every problem with them found before
 * anything is registered (as config errors are). Not a component.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    apiHostLabels, apiKeyHeader, caaIssuers, dnsMaxTtlSeconds, hstsMinMaxAgeSeconds, minTlsVersion, rateLimitTiers, tierHeader,
    type CertificateAuthority,
} from "../../policies/edge/thresholds";
import type { EdgeArgs, EdgeService, StaticFrontendSettings } from "./edge-args";

/** A RunError, so the Pulumi CLI prints the problems without a stack trace. */
export class EdgeArgsError extends pulumi.RunError {
    constructor(readonly problems: readonly string[]) {
        super(problems.join("\n"));
        this.name = "EdgeArgsError";
    }
}

export interface ResolvedStatic extends Required<StaticFrontendSettings> {
    hostname: string;
}

export interface ResolvedEdge {
    environment: EdgeArgs["environment"];
    zoneId: string;
    domain: string;
    services: readonly EdgeService[];
    addressName: string;
    dnsTtl: number;
    minTlsVersion: string;
    hstsMaxAgeSeconds: number;
    rateLimits: Readonly<Record<string, number>>;
    tierHeader: string;
    apiKeyHeader: string;
    loginPaths: readonly string[];
    /** Full names of the API hosts. */
    apiHosts: readonly string[];
    /** Full names of every other public host (service hosts and the static host). */
    appHosts: readonly string[];
    corsOrigin: string;
    contentSecurityPolicy: string;
    certificateAuthority: CertificateAuthority;
    certificateValidityDays: number;
    healthChecks: boolean;
    static?: ResolvedStatic;
}

export const hostname = (label: string, domain: string) => `${label}.${domain}`;

function defaultCsp(staticOrigin: string | undefined, apiOrigins: readonly string[]): string {
    const assets = ["'self'", ...(staticOrigin ? [staticOrigin] : [])].join(" ");
    return [
        "default-src 'self'",
        `script-src ${assets}`,
        `style-src ${assets}`,
        `img-src ${assets} data:`,
        `font-src ${assets}`,
        `connect-src ${["'self'", ...apiOrigins].join(" ")}`,
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ].join("; ");
}

/** Every problem with the arguments, each naming the field. */
export function edgeProblems(args: EdgeArgs): string[] {
    const problems: string[] = [];
    const labels = args.services.map((s) => s.host);
    for (const api of args.apiHosts ?? apiHostLabels) {
        if (!labels.includes(api)) problems.push(`edge.apiHosts: "${api}" is no service's host; expected one of ${labels.join(", ") || "(no public service)"}`);
    }
    if (args.static) {
        const label = args.static.host ?? "static";
        if (labels.includes(label)) problems.push(`edge.static.host: "${label}" is already a service's host; give the frontend its own host`);
        if (args.static.activeRelease === args.static.previousRelease) problems.push(`edge.static.previousRelease: "${args.static.previousRelease}" is the active release; a rollback would serve the same release`);
    }
    const rates = Object.entries(args.rateLimits ?? rateLimitTiers);
    if (rates.length === 0) problems.push("edge.rateLimits: declare at least one tier");
    for (const [tier, rpm] of rates) {
        if (!Number.isInteger(rpm) || rpm < 1) problems.push(`edge.rateLimits.${tier}: must be a whole number of requests per minute (got ${rpm})`);
    }
    if ((args.hstsMaxAgeSeconds ?? hstsMinMaxAgeSeconds) < hstsMinMaxAgeSeconds) problems.push(`edge.hstsMaxAgeSeconds: must be at least ${hstsMinMaxAgeSeconds} (6 months)`);
    const ca = args.certificateAuthority ?? "google";
    if (!(ca in caaIssuers)) problems.push(`edge.certificateAuthority: "${ca}" is not one of ${Object.keys(caaIssuers).join(", ")}`);
    return problems;
}

/** The arguments with every default filled in; throws EdgeArgsError listing every problem. */
export function resolveEdge(args: EdgeArgs): ResolvedEdge {
    const problems = edgeProblems(args);
    if (problems.length > 0) throw new EdgeArgsError(problems);
    const apiLabels = args.apiHosts ?? apiHostLabels;
    const apiHosts = args.services.filter((s) => apiLabels.includes(s.host)).map((s) => hostname(s.host, args.domain));
    const serviceAppHosts = args.services.filter((s) => !apiLabels.includes(s.host)).map((s) => hostname(s.host, args.domain));
    const st: ResolvedStatic | undefined = args.static
        ? {
            host: args.static.host ?? "static",
            hostname: hostname(args.static.host ?? "static", args.domain),
            bucket: args.static.bucket,
            location: args.static.location,
            activeRelease: args.static.activeRelease,
            previousRelease: args.static.previousRelease,
            uploaderCidrs: args.static.uploaderCidrs ?? [],
        }
        : undefined;
    const appHosts = [...serviceAppHosts, ...(st ? [st.hostname] : [])];
    const firstApp = serviceAppHosts[0] ?? st?.hostname;
    return {
        environment: args.environment,
        zoneId: args.zoneId,
        domain: args.domain,
        services: args.services,
        addressName: args.addressName,
        dnsTtl: args.dnsTtl ?? dnsMaxTtlSeconds,
        minTlsVersion: args.minTlsVersion ?? minTlsVersion,
        hstsMaxAgeSeconds: args.hstsMaxAgeSeconds ?? hstsMinMaxAgeSeconds,
        rateLimits: args.rateLimits ?? { ...rateLimitTiers },
        tierHeader: args.tierHeader ?? tierHeader,
        apiKeyHeader: args.apiKeyHeader ?? apiKeyHeader,
        loginPaths: args.loginPaths ?? ["/auth/login"],
        apiHosts,
        appHosts,
        corsOrigin: args.corsOrigin ?? `https://${firstApp ?? args.domain}`,
        contentSecurityPolicy: args.contentSecurityPolicy ?? defaultCsp(st ? `https://${st.hostname}` : undefined, apiHosts.map((h) => `https://${h}`)),
        certificateAuthority: args.certificateAuthority ?? "google",
        certificateValidityDays: args.certificateValidityDays ?? 90,
        healthChecks: args.healthChecks ?? true,
        static: st,
    };
}
