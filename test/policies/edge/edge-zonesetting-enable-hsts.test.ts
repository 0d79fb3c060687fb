import { strict as assert } from "node:assert";
import { edgeZonesettingEnableHsts as policy } from "../../../policies/edge";
import { stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { edgeStack, types, zone } from "./fixtures";

const risk = "a browser can be sent to http:// on a later visit (SSL stripping) or on a subdomain";
const fix = "Set the ZoneSetting security_header to {strict_transport_security: {enabled: true, max_age: 15552000, include_subdomains: true, nosniff: true}} (snake_case keys, as the API names them).";

describe("edge-zonesetting-enable-hsts", () => {
    it("passes HSTS on for 6 months with subdomains", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it("refuses HSTS off", async () => {
        const stack = edgeStack((p) => { p.hsts.value.strict_transport_security.enabled = false; });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone}: security_header does not enable strict_transport_security: ${risk}. ${fix}`]);
    });

    it("refuses a max-age under 6 months", async () => {
        const stack = edgeStack((p) => { p.hsts.value.strict_transport_security.max_age = 86400; });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone}: security_header sets HSTS max_age 86400 s, below 15552000 s (6 months): ${risk}. ${fix}`]);
    });

    it("refuses HSTS without subdomains", async () => {
        const stack = edgeStack((p) => { p.hsts.value.strict_transport_security.include_subdomains = false; });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone}: security_header sets HSTS include_subdomains off: ${risk}. ${fix}`]);
    });

    it("refuses a zone that does not declare it", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.hsts = undefined; })), [`Cloudflare zone ${zone} declares no security_header setting, so it keeps whatever was last set by hand: ${risk}. ${fix}`]);
    });

    it("reads camelCase keys inside the value, and v5's securityHeader block", async () => {
        const camel = edgeStack((p) => { p.hsts.value = { strictTransportSecurity: { enabled: true, maxAge: 31536000, includeSubdomains: true } }; });
        assert.deepEqual(await stackMessages(policy, camel), []);
        const v5 = edgeStack((p) => {
            p.hsts = undefined;
            p.override = { __type: types.zoneSettingsOverride, zoneId: zone, settings: { securityHeader: { enabled: true, maxAge: 2592000, includeSubdomains: true } } };
        });
        assert.deepEqual(await stackMessages(policy, v5), [`Cloudflare zone ${zone}: security_header sets HSTS max_age 2592000 s, below 15552000 s (6 months): ${risk}. ${fix}`]);
    });

    it("cannot pass silently when max_age is unknown during preview", async () => {
        const [message] = await stackMessages(policy, edgeStack((p) => { p.hsts.value.strict_transport_security.max_age = UNKNOWN; }));
        assert.match(message ?? "", /can't run policy 'edge-zonesetting-enable-hsts'.*during preview/);
    });

    it("reports a stack without Cloudflare zones as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { for (const k of Object.keys(p)) if (k !== "gateway") p[k] = undefined; })), [policy.name]);
    });
});
