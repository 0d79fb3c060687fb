import { shown, zoneSettingPolicy } from "./zone-settings";

/** Full (strict), or its SSL-only origin-pull form: both validate the origin's certificate. */
const validating = ["strict", "origin_pull"];

/**
 * SSL mode Full (strict): Cloudflare validates the origin's certificate. "flexible" sends
 * traffic to the origin in plain HTTP and "full" accepts any certificate, so a "valid
 * certificate" on the visitor's side proves nothing about the hop to the load balancer.
 */
export const edgeZonesettingEnforceSslStrict = zoneSettingPolicy({
    name: "edge-zonesetting-enforce-ssl-strict",
    description: "Every Cloudflare zone sets SSL to Full (strict), so the edge validates the origin's certificate.",
    severity: "high",
    runbook: ["004.infra.tls-certificates"],
    settingId: "ssl",
    judge: (value) => (typeof value === "string" && validating.includes(value) ? undefined : `is ${shown(value)}, not "strict"`),
    risk: "Cloudflare then accepts any certificate from the origin (or speaks plain HTTP to it), so the hop to the load balancer can be intercepted",
    fix: 'Declare a ZoneSetting with settingId "ssl" and value "strict".',
});
