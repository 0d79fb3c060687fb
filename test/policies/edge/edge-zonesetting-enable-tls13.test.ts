import { strict as assert } from "node:assert";
import { edgeZonesettingEnableTls13 as policy } from "../../../policies/edge";
import { stackMessages, stackNotApplicable } from "../harness";
import { edgeStack, zone } from "./fixtures";

const tail = 'clients fall back to TLS 1.2 handshakes, one round trip slower. Set the ZoneSetting tls_1_3 to "on".';

describe("edge-zonesetting-enable-tls13", () => {
    it('passes TLS 1.3 "on", and "zrt" (with 0-RTT)', async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.tls13.value = "zrt"; })), []);
    });

    it("refuses TLS 1.3 off", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.tls13.value = "off"; })), [`Cloudflare zone ${zone}: tls_1_3 is "off", not "on": ${tail}`]);
    });

    it("refuses a zone that does not declare it", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.tls13 = undefined; })), [`Cloudflare zone ${zone} declares no tls_1_3 setting, so it keeps whatever was last set by hand: ${tail}`]);
    });

    it("reads the camelCase id tls13", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.tls13.settingId = "tls13"; p.tls13.value = "off"; })), [`Cloudflare zone ${zone}: tls_1_3 is "off", not "on": ${tail}`]);
    });

    it("reports a stack without Cloudflare zones as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { for (const k of Object.keys(p)) if (k !== "gateway") p[k] = undefined; })), [policy.name]);
    });
});
