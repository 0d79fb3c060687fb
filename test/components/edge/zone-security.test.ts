import * as assert from "node:assert/strict";
import { caaRecordSpecs, certificatePackSpec, dnssecSpec, resolveEdge, zoneSettingSpecs } from "../../../components/edge";
import { hstsMinMaxAgeSeconds, minTlsVersion } from "../../../policies/edge/thresholds";
import { edgeStackArgs } from "./fixtures";

describe("the zone's security specs", () => {
    const production = resolveEdge(edgeStackArgs("production"));

    it("sets SSL strict, TLS 1.2 minimum, TLS 1.3, Always Use HTTPS and HTTPS rewrites, one setting each", () => {
        assert.deepEqual(zoneSettingSpecs(production).slice(0, 5), [
            { settingId: "ssl", value: "strict" },
            { settingId: "min_tls_version", value: minTlsVersion },
            { settingId: "tls_1_3", value: "on" },
            { settingId: "always_use_https", value: "on" },
            { settingId: "automatic_https_rewrites", value: "on" },
        ]);
    });

    it("sends HSTS for 6 months with subdomains, in the API's snake_case keys", () => {
        assert.deepEqual(zoneSettingSpecs(production)[5], {
            settingId: "security_header",
            value: { strict_transport_security: { enabled: true, max_age: hstsMinMaxAgeSeconds, include_subdomains: true, nosniff: true, preload: false } },
        });
        const longer = resolveEdge({ ...edgeStackArgs("production"), hstsMaxAgeSeconds: 31536000, minTlsVersion: "1.3" });
        assert.equal((zoneSettingSpecs(longer)[5]!.value as { strict_transport_security: { max_age: number } }).strict_transport_security.max_age, 31536000);
        assert.equal(zoneSettingSpecs(longer)[1]!.value, "1.3");
    });

    it("turns DNSSEC on", () => {
        assert.deepEqual(dnssecSpec(production), { zoneId: production.zoneId, status: "active" });
    });

    it("orders an advanced pack of 90-day certificates for the apex and every first-level name", () => {
        assert.deepEqual(certificatePackSpec(production), {
            zoneId: production.zoneId, type: "advanced", certificateAuthority: "google", validationMethod: "txt", validityDays: 90,
            hosts: ["teei.example.com", "*.teei.example.com"], cloudflareBranding: false,
        });
    });

    it("allows only the pack's authority in CAA, for names and wildcards", () => {
        const le = resolveEdge({ ...edgeStackArgs("production"), certificateAuthority: "lets_encrypt" });
        assert.deepEqual(caaRecordSpecs(le).map((c) => [c.key, c.args.name, c.args.type, c.args.ttl, c.args.proxied, c.args.data]), [
            ["issue", "teei.example.com", "CAA", 300, false, { flags: 0, tag: "issue", value: "letsencrypt.org" }],
            ["issuewild", "teei.example.com", "CAA", 300, false, { flags: 0, tag: "issuewild", value: "letsencrypt.org" }],
        ]);
    });
});
