import { strict as assert } from "node:assert";
import { edgeDnsrecordConfigureTtl as policy } from "../../../policies/edge";
import { messages, notApplicable, resource, UNKNOWN } from "../harness";
import { edgeResource, types } from "./fixtures";
import { resourcePolicyWithConfig } from "../workloads/config";

const fix = "Set ttl to 300 or less, or proxy the record (proxied: true) with ttl 1 (automatic).";

describe("edge-dnsrecord-configure-ttl", () => {
    it("passes a proxied record with the automatic TTL", async () => {
        assert.deepEqual(await messages(policy, edgeResource("api")), []);
    });

    it("passes a DNS-only record with TTL 300, and one with 60", async () => {
        assert.deepEqual(await messages(policy, edgeResource("api", (p) => { p.proxied = false; p.ttl = 300; })), []);
        assert.deepEqual(await messages(policy, edgeResource("api", (p) => { p.proxied = false; p.ttl = 60; })), []);
    });

    it("refuses a DNS-only record with TTL 3600", async () => {
        const r = edgeResource("api", (p) => { p.proxied = false; p.ttl = 3600; });
        assert.deepEqual(await messages(policy, r), [`DNS record api.teei.example.com (A) has TTL 3600 s, above 300 s: after a rollback moves it, resolvers keep the old answer for up to 3600 s. ${fix}`]);
    });

    it("refuses a proxied record that declares a long TTL, saying what it means for a proxied record", async () => {
        const r = edgeResource("cockpit", (p) => { p.ttl = 3600; });
        assert.deepEqual(await messages(policy, r), [`DNS record cockpit.teei.example.com (A) has TTL 3600 s, above 300 s: Cloudflare answers for a proxied record with its automatic TTL, but 3600 s is what applies the moment proxying is turned off, and what the next reader of the stack believes. ${fix}`]);
    });

    it("takes the ceiling from policy config (maxTtlSeconds)", async () => {
        const configured = resourcePolicyWithConfig(policy, { maxTtlSeconds: 600 });
        assert.deepEqual(await messages(configured, edgeResource("api", (p) => { p.proxied = false; p.ttl = 600; })), []);
        assert.deepEqual(await messages(configured, edgeResource("api", (p) => { p.proxied = false; p.ttl = 900; })), [
            "DNS record api.teei.example.com (A) has TTL 900 s, above 600 s: after a rollback moves it, resolvers keep the old answer for up to 900 s. Set ttl to 600 or less, or proxy the record (proxied: true) with ttl 1 (automatic).",
        ]);
    });

    it("refuses the automatic TTL on a DNS-only record", async () => {
        const r = edgeResource("static", (p) => { p.proxied = false; });
        assert.deepEqual(await messages(policy, r), [`DNS record static.teei.example.com (CNAME) has the automatic TTL but is not proxied, so its TTL is whatever Cloudflare picks for DNS-only records, not a number the rollback plan can count on. ${fix}`]);
    });

    it("judges the v5 Record of a real export the same way", async () => {
        const r = resource(types.record, "example", { name: "pkqwmkcksr", type: "A", content: "192.0.2.1", ttl: 3600, zoneId: "cabcdb3c8548af2e275acc42ed1fea45" });
        assert.deepEqual(await messages(policy, r), [`DNS record pkqwmkcksr (A) has TTL 3600 s, above 300 s: after a rollback moves it, resolvers keep the old answer for up to 3600 s. ${fix}`]);
    });

    it("cannot pass silently when the TTL is unknown during preview", async () => {
        const [message] = await messages(policy, edgeResource("api", (p) => { p.ttl = UNKNOWN; }));
        assert.match(message ?? "", /can't run policy 'edge-dnsrecord-configure-ttl'.*during preview/);
    });

    it("does not judge records that send no visitor anywhere (CAA), nor other resources", async () => {
        assert.deepEqual(await notApplicable(policy, edgeResource("caaIssue")), [policy.name]);
        assert.deepEqual(await notApplicable(policy, edgeResource("bucket")), [policy.name]);
        assert.deepEqual(await notApplicable(policy, edgeResource("static")), []);
    });
});
