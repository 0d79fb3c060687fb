import type { EdgeArgs } from "../components/edge";
import type { StackConfig } from "../config";

/**
 * The Edge component's plain args from the validated stack config, or undefined when the
 * stack declares no edge. The zone is the stack's domain; the public services are the ones
 * with a host; the reserved address is named after the cluster unless the config names it.
 */
export function edgeArgs(config: StackConfig): EdgeArgs | undefined {
    const e = config.edge;
    if (!e) return undefined;
    return {
        environment: config.environment,
        zoneId: e.zoneId,
        domain: config.domain,
        services: config.services.filter((s) => s.host !== undefined).map((s) => ({ host: s.host!, healthPath: s.healthPath })),
        addressName: e.addressName ?? `${config.cluster.name}-gateway`,
        dnsTtl: e.dnsTtl,
        minTlsVersion: e.minTlsVersion,
        hstsMaxAgeSeconds: e.hstsMaxAgeSeconds,
        rateLimits: e.rateLimits,
        tierHeader: e.tierHeader,
        apiKeyHeader: e.apiKeyHeader,
        loginPaths: e.loginPaths,
        apiHosts: e.apiHosts,
        corsOrigin: e.corsOrigin,
        contentSecurityPolicy: e.contentSecurityPolicy,
        certificateAuthority: e.certificateAuthority,
        certificateValidityDays: e.certificateValidityDays,
        healthChecks: e.healthChecks,
        static: e.static
            ? {
                host: e.static.host,
                bucket: e.static.bucket ?? `${config.gcp.project}-static`,
                location: (e.static.location ?? config.gcp.region).toUpperCase(),
                activeRelease: e.static.activeRelease,
                previousRelease: e.static.previousRelease,
                uploaderCidrs: e.static.uploaderCidrs,
            }
            : undefined,
    };
}
