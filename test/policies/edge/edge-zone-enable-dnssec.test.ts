import { strict as assert } from "node:assert";
import { edgeZoneEnableDnssec as policy } from "../../../policies/edge";
import { analyzeStack, stackMessages, stackNotApplicable } from "../harness";
import { edgeStack, urnOf, zone } from "./fixtures";

const fix = 'Declare a ZoneDnssec for the zone with status "active", and publish its DS record at the registrar (Cloudflare Registrar does it by itself).';

describe("edge-zone-enable-dnssec", () => {
    it("passes a zone with DNSSEC active", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it("refuses a zone without ZoneDnssec", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.dnssec = undefined; })), [`Cloudflare zone ${zone} declares no ZoneDnssec, so resolvers cannot tell forged answers from its own. ${fix}`]);
    });

    it("refuses DNSSEC disabled, naming the resource", async () => {
        const stack = edgeStack((p) => { p.dnssec.status = "disabled"; });
        const [d, ...rest] = await analyzeStack(policy, stack);
        assert.deepEqual(rest, []);
        assert.equal(d?.urn, urnOf("dnssec"));
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone}: DNSSEC status is "disabled", not "active", so resolvers cannot tell forged answers from its own. ${fix}`]);
    });

    it("refuses a status left unset, which Cloudflare reads as disabled", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { delete p.dnssec.status; })), [`Cloudflare zone ${zone}: DNSSEC status is unset (Cloudflare leaves DNSSEC disabled), not "active", so resolvers cannot tell forged answers from its own. ${fix}`]);
    });

    it('refuses the "pending" state of a real export: signed, but no DS record at the registrar yet', async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.dnssec.status = "pending"; })), [`Cloudflare zone ${zone}: DNSSEC status is "pending", not "active", so resolvers cannot tell forged answers from its own. ${fix}`]);
    });

    it("reports a stack without Cloudflare zones as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { for (const k of Object.keys(p)) if (k !== "gateway") p[k] = undefined; })), [policy.name]);
    });
});
