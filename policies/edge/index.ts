import type { Policies } from "@pulumi/policy";
import { edgeBucketRequirePreviousRelease } from "./edge-bucket-require-previous-release";
import { edgeCacheruleConfigureStaticTtl } from "./edge-cacherule-configure-static-ttl";
import { edgeCacheruleDisallowApiCaching } from "./edge-cacherule-disallow-api-caching";
import { edgeCacheruleEnforceDeceptionArmor } from "./edge-cacherule-enforce-deception-armor";
import { edgeCertificateRequireRemainingValidity } from "./edge-certificate-require-remaining-validity";
import { edgeCertificatepackConfigureValidity } from "./edge-certificatepack-configure-validity";
import { edgeDnsrecordConfigureTtl } from "./edge-dnsrecord-configure-ttl";
import { edgeDnsrecordRequireGatewayAddress } from "./edge-dnsrecord-require-gateway-address";
import { edgeDnsrecordRequireProxied } from "./edge-dnsrecord-require-proxied";
import { edgeFrontendRequireActiveRelease } from "./edge-frontend-require-active-release";
import { edgeHostMissingDnsrecord } from "./edge-host-missing-dnsrecord";
import { edgeRatelimitRequireLoginLimit } from "./edge-ratelimit-require-login-limit";
import { edgeRatelimitRequireTiers } from "./edge-ratelimit-require-tiers";
import { edgeResponseheadersEnforceCorsOrigin } from "./edge-responseheaders-enforce-cors-origin";
import { edgeResponseheadersRequireCsp } from "./edge-responseheaders-require-csp";
import { edgeZoneEnableDnssec } from "./edge-zone-enable-dnssec";
import { edgeZoneMissingCaa } from "./edge-zone-missing-caa";
import { edgeZonesettingEnableAlwaysHttps } from "./edge-zonesetting-enable-always-https";
import { edgeZonesettingEnableHsts } from "./edge-zonesetting-enable-hsts";
import { edgeZonesettingEnableHttpsRewrites } from "./edge-zonesetting-enable-https-rewrites";
import { edgeZonesettingEnableTls13 } from "./edge-zonesetting-enable-tls13";
import { edgeZonesettingEnforceMinTls } from "./edge-zonesetting-enforce-min-tls";
import { edgeZonesettingEnforceSslStrict } from "./edge-zonesetting-enforce-ssl-strict";

export * from "./edge-bucket-require-previous-release";
export * from "./edge-cacherule-configure-static-ttl";
export * from "./edge-cacherule-disallow-api-caching";
export * from "./edge-cacherule-enforce-deception-armor";
export * from "./edge-certificate-require-remaining-validity";
export * from "./edge-certificatepack-configure-validity";
export * from "./edge-dnsrecord-configure-ttl";
export * from "./edge-dnsrecord-require-gateway-address";
export * from "./edge-dnsrecord-require-proxied";
export * from "./edge-frontend-require-active-release";
export * from "./edge-host-missing-dnsrecord";
export * from "./edge-ratelimit-require-login-limit";
export * from "./edge-ratelimit-require-tiers";
export * from "./edge-responseheaders-enforce-cors-origin";
export * from "./edge-responseheaders-require-csp";
export * from "./edge-zone-enable-dnssec";
export * from "./edge-zone-missing-caa";
export * from "./edge-zonesetting-enable-always-https";
export * from "./edge-zonesetting-enable-hsts";
export * from "./edge-zonesetting-enable-https-rewrites";
export * from "./edge-zonesetting-enable-tls13";
export * from "./edge-zonesetting-enforce-min-tls";
export * from "./edge-zonesetting-enforce-ssl-strict";
export * from "./thresholds";
export { clockVariable, evaluationTime } from "../lib/clock";
export { cloudflareTypes } from "./cloudflare";
export { globalAddressType } from "./hosts";

/** Resource policies first (per resource, on inputs), then stack policies (per zone, on outputs). */
export const edgePolicies: Policies = [
    // DNS records and cache rules, one resource at a time.
    edgeDnsrecordConfigureTtl,
    edgeDnsrecordRequireProxied,
    edgeCacheruleEnforceDeceptionArmor,
    edgeBucketRequirePreviousRelease,
    // Zone security.
    edgeZonesettingEnforceSslStrict,
    edgeZonesettingEnforceMinTls,
    edgeZonesettingEnableTls13,
    edgeZonesettingEnableAlwaysHttps,
    edgeZonesettingEnableHttpsRewrites,
    edgeZonesettingEnableHsts,
    edgeZoneEnableDnssec,
    edgeZoneMissingCaa,
    edgeCertificatepackConfigureValidity,
    edgeCertificateRequireRemainingValidity,
    // Hosts: every public host resolves, to the right load balancer.
    edgeHostMissingDnsrecord,
    edgeDnsrecordRequireGatewayAddress,
    // Traffic: cache, rate limits, headers.
    edgeCacheruleDisallowApiCaching,
    edgeCacheruleConfigureStaticTtl,
    edgeRatelimitRequireTiers,
    edgeRatelimitRequireLoginLimit,
    edgeResponseheadersRequireCsp,
    edgeResponseheadersEnforceCorsOrigin,
    // The static frontend: the edge serves the active release.
    edgeFrontendRequireActiveRelease,
];
