import { strict as assert } from "node:assert";
import { edgeZonesettingEnableAlwaysHttps as policy } from "../../../policies/edge";
import { stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { edgeStack, types, zone } from "./fixtures";

const tail = 'plain http:// requests are answered instead of redirected, so cookies and tokens can travel unencrypted. Set the ZoneSetting always_use_https to "on".';

describe("edge-zonesetting-enable-always-https", () => {
    it("passes Always Use HTTPS on", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it("refuses it off", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.alwaysHttps.value = "off"; })), [`Cloudflare zone ${zone}: always_use_https is "off", not "on": ${tail}`]);
    });

    it("refuses a zone that does not declare it", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.alwaysHttps = undefined; })), [`Cloudflare zone ${zone} declares no always_use_https setting, so it keeps whatever was last set by hand: ${tail}`]);
    });

    it("judges every zone of the stack, each by its own settings", async () => {
        const other = "fedcba9876543210fedcba9876543210";
        const stack = edgeStack((p) => { p.otherRecord = { __type: types.dnsRecord, zoneId: other, name: "www.other.example", type: "A", content: "192.0.2.1", proxied: true, ttl: 1 }; });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${other} declares no always_use_https setting, so it keeps whatever was last set by hand: ${tail}`]);
    });

    it("reads the v5 ZoneSettingsOverride", async () => {
        const stack = edgeStack((p) => {
            p.alwaysHttps = undefined;
            p.override = { __type: types.zoneSettingsOverride, zoneId: zone, settings: { alwaysUseHttps: "off" } };
        });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone}: always_use_https is "off", not "on": ${tail}`]);
    });

    it("cannot pass silently when the value is unknown during preview", async () => {
        const [message] = await stackMessages(policy, edgeStack((p) => { p.alwaysHttps.value = UNKNOWN; }));
        assert.match(message ?? "", /can't run policy 'edge-zonesetting-enable-always-https'.*during preview/);
    });

    it("reports a stack without Cloudflare zones as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { for (const k of Object.keys(p)) if (k !== "gateway") p[k] = undefined; })), [policy.name]);
    });
});
