import { strict as assert } from "node:assert";
import { edgeZoneMissingCaa as policy } from "../../../policies/edge";
import { analyzeStack, stackMessages, stackNotApplicable } from "../harness";
import { edgeStack, types, urnOf, zone } from "./fixtures";

const fix = 'Declare CAA records (tag "issue", and "issuewild" for wildcard names) naming exactly the certificate authorities the zone\'s certificates come from.';

describe("edge-zone-missing-caa", () => {
    it("passes CAA records that allow the certificate pack's authority", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it("refuses a zone without CAA issue records", async () => {
        const stack = edgeStack((p) => { p.caaIssue = undefined; p.caaIssuewild = undefined; });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone} has no CAA "issue" record, so any certificate authority may issue certificates for its names. ${fix}`]);
    });

    it("refuses CAA that leaves out the pack's authority, so its renewal would fail", async () => {
        const stack = edgeStack((p) => { p.caaIssue.data.value = "letsencrypt.org"; });
        const found = await analyzeStack(policy, stack);
        assert.deepEqual(found.map((d) => d.urn), [urnOf("certificatePack")]);
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone}: the CAA "issue" records allow letsencrypt.org, but certificate pack certificatePack is issued by google (pki.goog), so its issuance and every renewal will fail. ${fix}`]);
    });

    it("checks issuewild for a pack with wildcard hosts", async () => {
        const stack = edgeStack((p) => { p.caaIssuewild.data.value = ";"; });
        assert.deepEqual(await stackMessages(policy, stack), [`Cloudflare zone ${zone}: the CAA "issuewild" records allow no authority, but certificate pack certificatePack is issued by google (pki.goog), so its issuance and every renewal will fail. ${fix}`]);
    });

    it("reads a CAA record written as content, as older stacks do", async () => {
        const stack = edgeStack((p) => {
            p.caaIssue = { __type: types.record, zoneId: zone, name: "teei.example.com", type: "CAA", ttl: 300, content: '0 issue "pki.goog"' };
        });
        assert.deepEqual(await stackMessages(policy, stack), []);
    });

    it("reports a stack without Cloudflare zones as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { for (const k of Object.keys(p)) if (k !== "gateway") p[k] = undefined; })), [policy.name]);
    });
});
