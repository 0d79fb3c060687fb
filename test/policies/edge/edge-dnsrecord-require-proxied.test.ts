import { strict as assert } from "node:assert";
import { edgeDnsrecordRequireProxied as policy } from "../../../policies/edge";
import { messages, notApplicable, resource } from "../harness";
import { resourcePolicyWithConfig } from "../workloads/config";
import { edgeResource, types, zone } from "./fixtures";

const tail = "so visitors reach the origin directly: the zone's TLS settings, cache rules, rate limits and security headers do not apply to it, and the origin's address is public. Set proxied: true, or list the name under dnsOnlyNames in the policy config if it must stay DNS-only (a mail server, say).";

describe("edge-dnsrecord-require-proxied", () => {
    it("passes a proxied host record", async () => {
        assert.deepEqual(await messages(policy, edgeResource("api")), []);
    });

    it("refuses a DNS-only host record", async () => {
        assert.deepEqual(await messages(policy, edgeResource("api", (p) => { p.proxied = false; })), [`DNS record api.teei.example.com (A) is not proxied, ${tail}`]);
    });

    it("refuses a record that leaves proxied unset (Cloudflare's default is DNS-only)", async () => {
        const r = resource(types.record, "example", { name: "pkqwmkcksr", type: "A", content: "192.0.2.1", ttl: 3600, zoneId: zone });
        assert.deepEqual(await messages(policy, r), [`DNS record pkqwmkcksr (A) is not proxied, ${tail}`]);
    });

    it("lets names the policy config lists stay DNS-only", async () => {
        const mail = resource(types.dnsRecord, "mail", { zoneId: zone, name: "mail.teei.example.com", type: "A", content: "192.0.2.25", proxied: false, ttl: 300 });
        assert.deepEqual(await messages(resourcePolicyWithConfig(policy, { dnsOnlyNames: ["mail"] }), mail), []);
        assert.deepEqual(await notApplicable(resourcePolicyWithConfig(policy, { dnsOnlyNames: ["mail.teei.example.com"] }), mail), [policy.name]);
        assert.deepEqual(await messages(policy, mail), [`DNS record mail.teei.example.com (A) is not proxied, ${tail}`]);
    });

    it('leaves "_" names (certificate validation, SRV) and non-address records alone', async () => {
        const dcv = resource(types.dnsRecord, "dcv", { zoneId: zone, name: "_acme-challenge.teei.example.com", type: "CNAME", content: "teei.example.com.dcv.cloudflare.com", proxied: false, ttl: 300 });
        assert.deepEqual(await notApplicable(policy, dcv), [policy.name]);
        assert.deepEqual(await notApplicable(policy, edgeResource("caaIssue")), [policy.name]);
    });
});
