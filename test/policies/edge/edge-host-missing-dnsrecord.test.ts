import { strict as assert } from "node:assert";
import { edgeHostMissingDnsrecord as policy } from "../../../policies/edge";
import { stackMessages, stackNotApplicable } from "../harness";
import { edgeStack, types } from "./fixtures";

const fix = "Declare a proxied DNS record for it in the stack (the Edge component does for every public service host and the static host).";

describe("edge-host-missing-dnsrecord", () => {
    it("passes when every Gateway host and every host the rules name has a record", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it("refuses a Gateway host whose record was removed, naming the host and the Gateway", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.api = undefined; })), [`Public host api.teei.example.com (named by Gateway teei/public) has no A, AAAA or CNAME record in this stack, so it does not resolve to the platform, or resolves to whatever was set by hand. ${fix}`]);
    });

    it("refuses a host only the edge rules name (the static frontend) once its record is gone", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.static = undefined; })), [`Public host static.teei.example.com (named by ruleset cache) has no A, AAAA or CNAME record in this stack, so it does not resolve to the platform, or resolves to whatever was set by hand. ${fix}`]);
    });

    it("matches a relative record name to the host's first label", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.api.name = "api"; })), []);
    });

    it("does not apply to a stack without Gateways or rulesets", async () => {
        const stack = edgeStack((p) => { p.gateway = undefined; p.cache = undefined; p.rateLimits = undefined; p.headers = undefined; p.rewrite = undefined; p.origin = undefined; });
        assert.deepEqual(await stackNotApplicable(policy, stack), [policy.name]);
        const rulesetWithoutHosts = edgeStack((p) => {
            p.gateway = undefined; p.rateLimits = undefined; p.headers = undefined; p.rewrite = undefined; p.origin = undefined;
            p.cache = { __type: types.ruleset, zoneId: "z", kind: "zone", phase: "http_request_cache_settings", rules: [{ expression: "true", action: "set_cache_settings", actionParameters: { cache: false } }] };
        });
        assert.deepEqual(await stackNotApplicable(policy, rulesetWithoutHosts), [policy.name]);
    });
});
