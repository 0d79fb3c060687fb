import { strict as assert } from "node:assert";
import { edgeZonesettingEnforceSslStrict as policy } from "../../../policies/edge";
import { resource, stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { edgeProps, edgeStack, types, zone } from "./fixtures";

const risk = "Cloudflare then accepts any certificate from the origin (or speaks plain HTTP to it), so the hop to the load balancer can be intercepted";
const fix = 'Declare a ZoneSetting with settingId "ssl" and value "strict".';

describe("edge-zonesetting-enforce-ssl-strict", () => {
    it("passes a zone with SSL Full (strict)", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it('refuses SSL "full", which accepts any origin certificate', async () => {
        const stack = edgeStack((p) => { p.ssl.value = "full"; });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone}: ssl is "full", not "strict": ${risk}. ${fix}`]);
    });

    it('refuses SSL "flexible", plain HTTP to the origin', async () => {
        const stack = edgeStack((p) => { p.ssl.value = "flexible"; });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone}: ssl is "flexible", not "strict": ${risk}. ${fix}`]);
    });

    it("refuses a zone that does not declare the setting, naming it", async () => {
        const stack = edgeStack((p) => { p.ssl = undefined; });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone} declares no ssl setting, so it keeps whatever was last set by hand: ${risk}. ${fix}`]);
    });

    it("accepts the SSL-only origin pull form of strict", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.ssl.value = "origin_pull"; })), []);
    });

    it("reads a v5 ZoneSettingsOverride the same way", async () => {
        const stack = edgeStack((p) => {
            p.ssl = undefined;
            p.override = { __type: types.zoneSettingsOverride, zoneId: zone, settings: { ssl: "full", minTlsVersion: "1.2" } };
        });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone}: ssl is "full", not "strict": ${risk}. ${fix}`]);
    });

    it("cannot pass silently when the value is unknown during preview", async () => {
        const [message, ...rest] = await stackMessages(policy, edgeStack((p) => { p.ssl.value = UNKNOWN; }));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'edge-zonesetting-enforce-ssl-strict'.*during preview: .* value at \.value can't be known during preview/);
    });

    it("reports a stack without Cloudflare resources as not applicable", async () => {
        const bucket = resource(types.bucket, "b", edgeProps()["bucket"]);
        assert.deepEqual(await stackNotApplicable(policy, [bucket]), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, edgeStack()), []);
    });
});
