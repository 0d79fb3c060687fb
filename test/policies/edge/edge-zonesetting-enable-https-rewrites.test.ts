import { strict as assert } from "node:assert";
import { edgeZonesettingEnableHttpsRewrites as policy } from "../../../policies/edge";
import { stackMessages, stackNotApplicable } from "../harness";
import { edgeStack, zone } from "./fixtures";

const tail = 'http:// links in pages stay as written and browsers block them as mixed content. Set the ZoneSetting automatic_https_rewrites to "on".';

describe("edge-zonesetting-enable-https-rewrites", () => {
    it("passes Automatic HTTPS Rewrites on", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it("refuses it off", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.httpsRewrites.value = "off"; })), [`Cloudflare zone ${zone}: automatic_https_rewrites is "off", not "on": ${tail}`]);
    });

    it("refuses a zone that does not declare it", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.httpsRewrites = undefined; })), [`Cloudflare zone ${zone} declares no automatic_https_rewrites setting, so it keeps whatever was last set by hand: ${tail}`]);
    });

    it("reports a stack without Cloudflare zones as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { for (const k of Object.keys(p)) if (k !== "gateway") p[k] = undefined; })), [policy.name]);
    });
});
