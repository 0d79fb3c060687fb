import { strict as assert } from "node:assert";
import { edgeZonesettingEnforceMinTls as policy } from "../../../policies/edge";
import { stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { edgeStack, types, zone } from "./fixtures";

const risk = "clients can still negotiate TLS 1.0 or 1.1, deprecated by RFC 8996";
const fix = 'Set the ZoneSetting min_tls_version to "1.2" or higher.';

describe("edge-zonesetting-enforce-min-tls", () => {
    it("passes TLS 1.2 and TLS 1.3 as the minimum", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.minTls.value = "1.3"; })), []);
    });

    it("refuses a minimum of TLS 1.0", async () => {
        const stack = edgeStack((p) => { p.minTls.value = "1.0"; });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone}: min_tls_version is "1.0", below "1.2": ${risk}. ${fix}`]);
    });

    it("refuses a minimum of TLS 1.1", async () => {
        const stack = edgeStack((p) => { p.minTls.value = "1.1"; });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone}: min_tls_version is "1.1", below "1.2": ${risk}. ${fix}`]);
    });

    it("refuses a value that is no TLS version", async () => {
        const stack = edgeStack((p) => { p.minTls.value = 1.2; });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone}: min_tls_version is 1.2, not a TLS version (1.0, 1.1, 1.2, 1.3): ${risk}. ${fix}`]);
    });

    it("refuses a zone that does not declare the setting, naming it", async () => {
        const stack = edgeStack((p) => { p.minTls = undefined; });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone} declares no min_tls_version setting, so it keeps whatever was last set by hand: ${risk}. ${fix}`]);
    });

    it("reads the camelCase setting id and a v5 ZoneSettingsOverride", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.minTls.settingId = "minTlsVersion"; p.minTls.value = "1.0"; })), [`Cloudflare zone ${zone}: min_tls_version is "1.0", below "1.2": ${risk}. ${fix}`]);
        const v5 = edgeStack((p) => {
            p.minTls = undefined;
            p.override = { __type: types.zoneSettingsOverride, zoneId: zone, settings: { minTlsVersion: "1.2" } };
        });
        assert.deepEqual(await stackMessages(policy, v5), []);
    });

    it("cannot pass silently when the value is unknown during preview", async () => {
        const [message, ...rest] = await stackMessages(policy, edgeStack((p) => { p.minTls.value = UNKNOWN; }));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'edge-zonesetting-enforce-min-tls'.*during preview/);
    });

    it("reports a stack without Cloudflare zones as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { for (const k of Object.keys(p)) if (k !== "bucket") p[k] = undefined; })), [policy.name]);
    });
});
