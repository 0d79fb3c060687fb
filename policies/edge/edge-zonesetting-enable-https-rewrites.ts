import { mustBeOn, zoneSettingPolicy } from "./zone-settings";

/** Automatic HTTPS Rewrites: http:// links to resources that also serve HTTPS are rewritten, so pages do not break as mixed content. */
export const edgeZonesettingEnableHttpsRewrites = zoneSettingPolicy({
    name: "edge-zonesetting-enable-https-rewrites",
    description: "Every Cloudflare zone rewrites http:// links in its pages to https://.",
    severity: "low",
    runbook: ["004.infra.tls-certificates"],
    settingId: "automatic_https_rewrites",
    judge: mustBeOn,
    risk: "http:// links in pages stay as written and browsers block them as mixed content",
    fix: 'Set the ZoneSetting automatic_https_rewrites to "on".',
});
