/**
 * A Cloudflare health check per service host: HTTPS to the Gateway's address with the
 * host's name, on the service's health path, every minute from three regions. It alerts
 * (Cloudflare notifications) when an origin goes unhealthy even while the edge still
 * serves cached pages.
 */
import type { EdgeService } from "./edge-args";
import { hostname, type ResolvedEdge } from "./resolve";

export function healthcheckSpec<T>(r: ResolvedEdge, service: EdgeService, address: T) {
    const host = hostname(service.host, r.domain);
    return {
        zoneId: r.zoneId,
        name: `golive-${r.environment}-${service.host}`,
        description: `golive: ${host}${service.healthPath} through the Gateway`,
        address,
        type: "HTTPS",
        checkRegions: ["WEU", "EEU", "ENAM"],
        interval: 60,
        timeout: 5,
        retries: 2,
        consecutiveFails: 2,
        consecutiveSuccesses: 2,
        httpConfig: {
            method: "GET",
            path: service.healthPath,
            port: 443,
            expectedCodes: ["200"],
            followRedirects: false,
            allowInsecure: false,
            header: { Host: [host] },
        },
    };
}
