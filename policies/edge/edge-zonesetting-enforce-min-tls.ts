import { minTlsVersion, tlsVersions } from "./thresholds";
import { shown, zoneSettingPolicy } from "./zone-settings";

/**
 * Minimum TLS version 1.2 or higher: TLS 1.0 and 1.1 are deprecated (RFC 8996) and refused
 * by every current browser, so accepting them only serves downgraded or scripted clients.
 */
export const edgeZonesettingEnforceMinTls = zoneSettingPolicy({
    name: "edge-zonesetting-enforce-min-tls",
    description: `Every Cloudflare zone refuses TLS versions below ${minTlsVersion}.`,
    severity: "high",
    runbook: ["004.infra.tls-certificates"],
    settingId: "min_tls_version",
    judge: (value) => {
        const rank = tlsVersions.indexOf(value);
        if (rank < 0) return `is ${shown(value)}, not a TLS version (${tlsVersions.join(", ")})`;
        return rank < tlsVersions.indexOf(minTlsVersion) ? `is ${shown(value)}, below "${minTlsVersion}"` : undefined;
    },
    risk: "clients can still negotiate TLS 1.0 or 1.1, deprecated by RFC 8996",
    fix: `Set the ZoneSetting min_tls_version to "${minTlsVersion}" or higher.`,
});
