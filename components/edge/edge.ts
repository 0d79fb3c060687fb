// Deep imports: the providers' root modules pull every resource's typings in (twice the
// type-checking time for tsc, ESLint and the pack's ts-node), for the handful used here.
import { CertificatePack } from "@pulumi/cloudflare/certificatePack";
import { DnsRecord } from "@pulumi/cloudflare/dnsRecord";
import { Healthcheck } from "@pulumi/cloudflare/healthcheck";
import { Ruleset } from "@pulumi/cloudflare/ruleset";
import type { RulesetRule } from "@pulumi/cloudflare/types/input";
import { ZoneDnssec } from "@pulumi/cloudflare/zoneDnssec";
import { ZoneSetting } from "@pulumi/cloudflare/zoneSetting";
import { GlobalAddress } from "@pulumi/gcp/compute/globalAddress";
import * as pulumi from "@pulumi/pulumi";
import { cacheRules } from "./cache-rules";
import type { EdgeArgs } from "./edge-args";
import { healthcheckSpec } from "./health-checks";
import { rateLimitRules } from "./rate-limits";
import { hostname, resolveEdge } from "./resolve";
import { responseHeaderRules } from "./response-headers";
import { StaticFrontend } from "./static-frontend";
import { caaRecordSpecs, certificatePackSpec, dnssecSpec, hostRecordSpec, zoneSettingSpecs } from "./zone-security";

/**
 * The Cloudflare edge of one stack (`golive:edge:Edge`): the zone's security settings,
 * DNSSEC, an advanced certificate pack and CAA, the reserved global address the Gateway
 * serves on, a proxied record per service host pointing at it, cache, rate-limit and
 * response-header rulesets, health checks, and the static frontend. The zone is the
 * stack's domain: staging uses its own zone (staging.<domain>), so the two stacks never
 * own the same zone-wide setting or ruleset.
 */
export class Edge extends pulumi.ComponentResource {
    /** The reserved address's name, for the Gateway (spec.addresses NamedAddress). */
    readonly addressName: pulumi.Output<string>;
    /** The reserved IP (known after `pulumi up`). */
    readonly address: pulumi.Output<string>;
    /** Every public host the edge serves, sorted. */
    readonly hosts: pulumi.Output<string[]>;
    readonly staticFrontend?: StaticFrontend;

    constructor(name: string, args: EdgeArgs, opts?: pulumi.ComponentResourceOptions) {
        const r = resolveEdge(args);
        super("golive:edge:Edge", name, {}, opts);
        const child = { parent: this };

        for (const s of zoneSettingSpecs(r)) {
            new ZoneSetting(`${name}-${s.settingId.replace(/_/g, "-")}`, { zoneId: r.zoneId, settingId: s.settingId, value: s.value }, child);
        }
        new ZoneDnssec(`${name}-dnssec`, dnssecSpec(r), child);
        new CertificatePack(`${name}-certificates`, certificatePackSpec(r), child);
        for (const caa of caaRecordSpecs(r)) new DnsRecord(`${name}-caa-${caa.key}`, caa.args, child);

        // Reserved, so the DNS records never have to move; protected, because deleting it
        // would leave every record pointing at an address someone else may get.
        const address = new GlobalAddress(`${name}-address`, {
            name: r.addressName,
            description: `golive ${r.environment}: the Gateway's address; every public host record points at it`,
            addressType: "EXTERNAL",
            ipVersion: "IPV4",
        }, { ...child, protect: r.environment === "production" });

        for (const s of r.services) {
            const host = hostname(s.host, r.domain);
            new DnsRecord(`${name}-host-${s.host}`, hostRecordSpec(r, host, address.address), child);
            if (r.healthChecks) new Healthcheck(`${name}-health-${s.host}`, healthcheckSpec(r, s, address.address), child);
        }

        const ruleset = (key: string, phase: string, title: string, rules: unknown[]) =>
            new Ruleset(`${name}-${key}`, { zoneId: r.zoneId, kind: "zone", phase, name: `golive ${title}`, description: `golive ${r.environment}: ${title}`, rules: rules as RulesetRule[] }, child);
        ruleset("cache", "http_request_cache_settings", "cache rules", cacheRules(r));
        ruleset("rate-limits", "http_ratelimit", "rate limits per tenant tier", rateLimitRules(r));
        ruleset("response-headers", "http_response_headers_transform", "security headers", responseHeaderRules(r));

        if (r.static) this.staticFrontend = new StaticFrontend(`${name}-static`, { edge: r }, child);

        this.addressName = pulumi.output(r.addressName);
        this.address = address.address;
        this.hosts = pulumi.output([...r.services.map((s) => hostname(s.host, r.domain)), ...(r.static ? [r.static.hostname] : [])].sort());
        this.registerOutputs({ addressName: this.addressName, address: this.address, hosts: this.hosts });
    }
}
