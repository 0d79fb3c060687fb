import { mustBeOn, zoneSettingPolicy } from "./zone-settings";

/** Always Use HTTPS: every http:// request is redirected to https:// at the edge. */
export const edgeZonesettingEnableAlwaysHttps = zoneSettingPolicy({
    name: "edge-zonesetting-enable-always-https",
    description: "Every Cloudflare zone redirects http:// requests to https://.",
    severity: "high",
    runbook: ["004.infra.tls-certificates"],
    settingId: "always_use_https",
    judge: mustBeOn,
    risk: "plain http:// requests are answered instead of redirected, so cookies and tokens can travel unencrypted",
    fix: 'Set the ZoneSetting always_use_https to "on".',
});
