import { strict as assert } from "node:assert";
import { clockVariable, edgeCertificateRequireRemainingValidity as policy } from "../../../policies/edge";
import { analyzeStack, stackMessages, stackNotApplicableReasons, UNKNOWN, withClock } from "../harness";
import { edgeStack, urnOf } from "./fixtures";
import { stackPolicyWithConfig } from "../workloads/config";

const launch = "2026-11-23T09:00:00.000Z";
const fix = "Find out why the pack did not renew (status, validation records, CAA), then re-order it.";

/** The compliant edge whose pack has issued one certificate expiring at `expiresOn`. */
function issued(expiresOn: unknown) {
    return edgeStack((p) => {
        p.certificatePack.status = "active";
        p.certificatePack.certificates = [{ id: "c1", hosts: ["teei.example.com", "*.teei.example.com"], issuer: "GoogleTrustServices", status: "active", expiresOn }];
    });
}

describe("edge-certificate-require-remaining-validity", () => {
    withClock(launch);

    it("passes a certificate with 60 days left at launch", async () => {
        assert.deepEqual(await stackMessages(policy, issued("2027-01-22T09:00:00Z")), []);
    });

    it("refuses a certificate with 12 days left at launch, naming the pack", async () => {
        const stack = issued("2026-12-05T12:00:00Z");
        assert.deepEqual((await analyzeStack(policy, stack)).map((d) => d.urn), [urnOf("certificatePack")]);
        assert.deepEqual(await stackMessages(policy, stack), [`Certificate pack certificatePack: the certificate for teei.example.com, *.teei.example.com expires 2026-12-05T12:00:00.000Z and has 12 days left as of ${launch}, under the 30 days the runbook asks for. ${fix}`]);
    });

    it("takes the minimum from policy config (minRemainingDays)", async () => {
        const configured = stackPolicyWithConfig(policy, { minRemainingDays: 90 });
        assert.deepEqual(await stackMessages(configured, issued("2027-01-22T09:00:00Z")), [`Certificate pack certificatePack: the certificate for teei.example.com, *.teei.example.com expires 2027-01-22T09:00:00.000Z and has 60 days left as of ${launch}, under the 90 days the policy config asks for. ${fix}`]);
        assert.deepEqual(await stackMessages(stackPolicyWithConfig(policy, { minRemainingDays: 7 }), issued("2026-12-05T12:00:00Z")), []);
    });

    it("refuses an expired certificate", async () => {
        assert.deepEqual(await stackMessages(policy, issued("2026-11-20T09:00:00Z")), [`Certificate pack certificatePack: the certificate for teei.example.com, *.teei.example.com expires 2026-11-20T09:00:00.000Z and expired 3 days ago as of ${launch}, under the 30 days the runbook asks for. ${fix}`]);
    });

    it("judges by the clock the analyze command hands over (--now)", async () => {
        process.env[clockVariable] = "2026-12-01T09:00:00Z";
        assert.deepEqual(await stackMessages(policy, issued("2026-12-28T09:00:00Z")), [`Certificate pack certificatePack: the certificate for teei.example.com, *.teei.example.com expires 2026-12-28T09:00:00.000Z and has 27 days left as of 2026-12-01T09:00:00.000Z, under the 30 days the runbook asks for. ${fix}`]);
        process.env[clockVariable] = "2026-11-01T09:00:00Z";
        assert.deepEqual(await stackMessages(policy, issued("2026-12-28T09:00:00Z")), []);
    });

    it("refuses an expiry that is not a time", async () => {
        assert.deepEqual(await stackMessages(policy, issued("soon")), ['Certificate pack certificatePack: a certificate for teei.example.com, *.teei.example.com expires on "soon", which is not a time, so its remaining validity cannot be checked. Export the stack again with a current provider.']);
    });

    it("says it does not apply to a plan, whose packs have issued nothing yet", async () => {
        assert.deepEqual(await stackNotApplicableReasons(policy, edgeStack()), [{
            policy: policy.name,
            reason: "no certificate of this stack has a known expiry yet: Cloudflare issues them at `pulumi up`; judge a stack export with `npm run analyze -- --file <export> --now <launch time>`",
        }]);
    });

    it("cannot pass silently when the certificates are unknown during preview", async () => {
        const stack = edgeStack((p) => { p.certificatePack.certificates = UNKNOWN; });
        const [message, ...rest] = await stackMessages(policy, stack);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'edge-certificate-require-remaining-validity'.*during preview: .* value at \.certificates can't be known during preview/);
    });

    it("refuses a clock that is not a time instead of judging by some other time", async () => {
        process.env[clockVariable] = "tomorrow";
        await assert.rejects(stackMessages(policy, issued("2027-01-22T09:00:00Z")), /GOLIVE_NOW="tomorrow" is not an ISO 8601 time such as 2026-11-22T09:00:00Z; set a time or unset it to judge as of now/);
    });
});
