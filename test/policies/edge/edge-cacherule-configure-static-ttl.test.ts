import { strict as assert } from "node:assert";
import { edgeCacheruleConfigureStaticTtl as policy } from "../../../policies/edge";
import { stackMessages, stackNotApplicable } from "../harness";
import { edgeStack } from "./fixtures";

const fix = 'Add a cache rule for the frontend host\'s /releases/ paths: cache: true, edgeTtl {mode: "override_origin", default: 31536000} (the files of a release never change), cache deception armor on.';

describe("edge-cacherule-configure-static-ttl", () => {
    it("passes versioned frontend files cached for a year", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it("refuses a frontend host whose versioned cache rule was removed", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.cache.rules.splice(0, 1); })), [`Frontend host static.teei.example.com has no cache rule for its /releases/ paths, so its release files are cached only as Cloudflare's defaults decide. ${fix}`]);
    });

    it("refuses an edge TTL of an hour", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.cache.rules[0].actionParameters.edgeTtl.default = 3600; })), [`The cache rule "static-releases" of frontend host static.teei.example.com's /releases/ paths keeps them 3600 s, under 86400 s for files that never change. ${fix}`]);
    });

    it("refuses a rule that leaves the TTL to the origin, or does not cache", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.cache.rules[0].actionParameters.edgeTtl = { mode: "respect_origin" }; })), [`The cache rule "static-releases" of frontend host static.teei.example.com's /releases/ paths keeps them as long as the origin says, under 86400 s for files that never change. ${fix}`]);
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.cache.rules[0].actionParameters.cache = false; })), [`The cache rule "static-releases" of frontend host static.teei.example.com's /releases/ paths does not cache them, under 86400 s for files that never change. ${fix}`]);
    });

    it("does not apply to a stack that serves nothing from Cloud Storage", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { p.static = undefined; })), [policy.name]);
    });
});
