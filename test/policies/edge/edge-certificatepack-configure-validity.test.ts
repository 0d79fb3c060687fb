import { strict as assert } from "node:assert";
import { edgeCertificatepackConfigureValidity as policy } from "../../../policies/edge";
import { stackMessages, stackNotApplicable } from "../harness";
import { edgeStack, zone } from "./fixtures";

const fix = 'Declare an advanced CertificatePack (type "advanced", validityDays 90 or 365) covering the zone\'s apex and hosts; Cloudflare renews it before it expires.';

describe("edge-certificatepack-configure-validity", () => {
    it("passes an advanced pack of 90-day certificates, and of 365-day ones", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.certificatePack.validityDays = 365; })), []);
    });

    it("refuses a zone without a certificate pack", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.certificatePack = undefined; })), [`Cloudflare zone ${zone} has no advanced certificate pack, so its names depend on Universal SSL, which covers only the apex and first-level names and cannot be reviewed here. ${fix}`]);
    });

    it("refuses 30-day certificates, never valid for 30 more days", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.certificatePack.validityDays = 30; })), [`Certificate pack certificatePack of zone ${zone} issues certificates valid for 30 days, so a certificate never has the 30 days left the runbook asks for. ${fix}`]);
    });

    it("refuses a pack whose validity is unset", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { delete p.certificatePack.validityDays; })), [`Certificate pack certificatePack of zone ${zone} issues certificates valid for an unset number of days, so a certificate never has the 30 days left the runbook asks for. ${fix}`]);
    });

    it("refuses a pack that is not advanced", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.certificatePack.type = "universal"; })), [`Certificate pack certificatePack of zone ${zone} has type "universal", not "advanced", so Cloudflare does not order and renew it. ${fix}`]);
    });

    it("refuses a pack whose status in a real export says it serves nothing", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.certificatePack.status = "validation_timed_out"; })), [`Certificate pack certificatePack of zone ${zone} has status "validation_timed_out", so it serves no certificate. Replace the pack (certificate packs cannot be updated in place) and check its validation records.`]);
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.certificatePack.status = "active"; })), []);
    });

    it("reports a stack without Cloudflare zones as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { for (const k of Object.keys(p)) if (k !== "gateway") p[k] = undefined; })), [policy.name]);
    });
});
