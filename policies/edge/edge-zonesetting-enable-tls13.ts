import { shown, zoneSettingPolicy } from "./zone-settings";

/** TLS 1.3 on ("on", or "zrt" with 0-RTT): one round trip less per handshake, forward-secret ciphers only. */
export const edgeZonesettingEnableTls13 = zoneSettingPolicy({
    name: "edge-zonesetting-enable-tls13",
    description: "Every Cloudflare zone offers TLS 1.3.",
    severity: "low",
    runbook: ["004.infra.tls-certificates"],
    settingId: "tls_1_3",
    judge: (value) => (value === "on" || value === "zrt" ? undefined : `is ${shown(value)}, not "on"`),
    risk: "clients fall back to TLS 1.2 handshakes, one round trip slower",
    fix: 'Set the ZoneSetting tls_1_3 to "on".',
});
