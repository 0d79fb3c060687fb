import { hstsOf } from "./cloudflare";
import { hstsMinMaxAgeSeconds } from "./thresholds";
import { zoneSettingPolicy } from "./zone-settings";

const fix = `Set the ZoneSetting security_header to {strict_transport_security: {enabled: true, max_age: ${hstsMinMaxAgeSeconds}, include_subdomains: true, nosniff: true}} (snake_case keys, as the API names them).`;

/**
 * HSTS on, for at least 6 months, for every subdomain: a browser that has seen the header
 * never tries http:// again, so SSL stripping on a later visit has nothing to strip.
 */
export const edgeZonesettingEnableHsts = zoneSettingPolicy({
    name: "edge-zonesetting-enable-hsts",
    description: `Every Cloudflare zone sends HSTS with max-age of at least ${hstsMinMaxAgeSeconds} s (6 months), including subdomains.`,
    severity: "medium",
    runbook: ["004.infra.tls-certificates"],
    settingId: "security_header",
    judge: (value) => {
        const hsts = hstsOf(value);
        if (!hsts || !hsts.enabled) return "does not enable strict_transport_security";
        const problems: string[] = [];
        if (hsts.maxAge === undefined || hsts.maxAge < hstsMinMaxAgeSeconds) {
            problems.push(`max_age ${hsts.maxAge === undefined ? "unset" : `${hsts.maxAge} s`}, below ${hstsMinMaxAgeSeconds} s (6 months)`);
        }
        if (!hsts.includeSubdomains) problems.push("include_subdomains off");
        return problems.length ? `sets HSTS ${problems.join(" and ")}` : undefined;
    },
    risk: "a browser can be sent to http:// on a later visit (SSL stripping) or on a subdomain",
    fix,
});
