/**
 * The zone's security, as plain resource inputs: one ZoneSetting per setting (values from
 * the runbook via policies/edge/thresholds.ts), DNSSEC, the advanced certificate pack and
 * the CAA records that allow only its authority.
 */
import { automaticTtl, caaIssuers } from "../../policies/edge/thresholds";
import type { ResolvedEdge } from "./resolve";

export interface ZoneSettingSpec {
    settingId: string;
    value: unknown;
}

/** One ZoneSetting each; security_header uses snake_case keys, as the API does (camelCase diffs on every preview). */
export function zoneSettingSpecs(r: ResolvedEdge): ZoneSettingSpec[] {
    return [
        { settingId: "ssl", value: "strict" },
        { settingId: "min_tls_version", value: r.minTlsVersion },
        { settingId: "tls_1_3", value: "on" },
        { settingId: "always_use_https", value: "on" },
        { settingId: "automatic_https_rewrites", value: "on" },
        {
            settingId: "security_header",
            value: { strict_transport_security: { enabled: true, max_age: r.hstsMaxAgeSeconds, include_subdomains: true, nosniff: true, preload: false } },
        },
    ];
}

export function dnssecSpec(r: ResolvedEdge) {
    return { zoneId: r.zoneId, status: "active" };
}

/**
 * An advanced pack for the apex and every first-level name (the zone's apex must be in it).
 * TXT validation works while the hosts are proxied; Cloudflare renews it before expiry.
 */
export function certificatePackSpec(r: ResolvedEdge) {
    return {
        zoneId: r.zoneId,
        type: "advanced",
        certificateAuthority: r.certificateAuthority,
        validationMethod: "txt",
        validityDays: r.certificateValidityDays,
        hosts: [r.domain, `*.${r.domain}`],
        cloudflareBranding: false,
    };
}

/** CAA issue and issuewild for the pack's authority only: no other CA may issue for the zone. */
export function caaRecordSpecs(r: ResolvedEdge) {
    const value = caaIssuers[r.certificateAuthority];
    return (["issue", "issuewild"] as const).map((tag) => ({
        key: tag,
        args: {
            zoneId: r.zoneId,
            name: r.domain,
            type: "CAA",
            ttl: r.dnsTtl,
            proxied: false,
            data: { flags: 0, tag, value },
            comment: `golive: only ${r.certificateAuthority} may issue certificates for ${r.domain}`,
        },
    }));
}

/** A proxied A record for a service host; its content is the Gateway's reserved address. */
export function hostRecordSpec<T>(r: ResolvedEdge, host: string, address: T) {
    return { zoneId: r.zoneId, name: host, type: "A", content: address, proxied: true, ttl: automaticTtl, comment: `golive: ${host} -> Gateway address ${r.addressName}` };
}
