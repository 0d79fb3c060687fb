import { strict as assert } from "node:assert";
import { edgeFrontendRequireActiveRelease as policy } from "../../../policies/edge";
import { analyzeStack, stackMessages, stackNotApplicable } from "../harness";
import { edgeStack, urnOf } from "./fixtures";

const fix = "Declare the static frontend's rulesets: a URL rewrite (http_request_transform) of the entry points to /<bucket>/releases/<active release>/, and an origin rule (http_request_origin) that sets the Host header and SNI to storage.googleapis.com (the Edge component does both).";

describe("edge-frontend-require-active-release", () => {
    it("passes an edge that rewrites to the bucket's active release and routes to Cloud Storage", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it("refuses a rewrite to another release than the bucket's active one", async () => {
        const stack = edgeStack((p) => { p.bucket.labels["golive-active-release"] = "v2_4_9"; p.bucket.labels["golive-previous-release"] = "v2_5_0"; });
        assert.deepEqual((await analyzeStack(policy, stack)).map((d) => d.urn), [urnOf("bucket")]);
        assert.deepEqual(await stackMessages(policy, stack), ["Frontend bucket teei-csr-prod-static is labelled with active release v2_4_9, but the edge rewrites requests to release v2.5.0, so visitors get another release than the stack declares. Serve one release: change activeRelease in the stack config and `pulumi up`."]);
    });

    it("refuses a frontend whose rewrite rules were removed", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.rewrite = undefined; })), [`Frontend bucket teei-csr-prod-static: no enabled URL rewrite rule maps requests into /teei-csr-prod-static/releases/<release>/, so the frontend's host serves no release. ${fix}`]);
    });

    it("refuses a frontend whose origin rule was removed", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.origin = undefined; })), [`Frontend bucket teei-csr-prod-static: no enabled origin rule sets the Host header to storage.googleapis.com, so Cloud Storage receives the frontend's own host name and answers with an error. ${fix}`]);
    });

    it("ignores a disabled rewrite rule: the versioned paths alone name no active release", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.rewrite.rules[0].enabled = false; })), [`Frontend bucket teei-csr-prod-static: no enabled URL rewrite rule maps requests into /teei-csr-prod-static/releases/<release>/, so the frontend's host serves no release. ${fix}`]);
    });

    it("does not apply to a stack without a frontend bucket", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { p.bucket.labels = {}; })), [policy.name]);
    });
});
