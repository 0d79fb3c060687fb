import { strict as assert } from "node:assert";
import { edgeCacheruleDisallowApiCaching as policy } from "../../../policies/edge";
import { analyzeStack, stackMessages, stackNotApplicable } from "../harness";
import { stackPolicyWithConfig } from "../workloads/config";
import { edgeStack, urnOf, zone } from "./fixtures";

const fix = 'Add an enabled cache rule for the API hosts (expression http.host in {...}) with action "set_cache_settings" and cache: false, after every rule that makes responses cacheable.';
const cachedEverywhere = { ref: "cache-all", expression: 'starts_with(http.request.uri.path, "/")', action: "set_cache_settings", actionParameters: { cache: true, cacheKey: { cacheDeceptionArmor: true } }, enabled: true };

describe("edge-cacherule-disallow-api-caching", () => {
    it("passes an API host bypassed by the last cache rule that can match it", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it("refuses an API host once its bypass rule is removed: default caching stores responses by extension", async () => {
        const stack = edgeStack((p) => { p.cache.rules.splice(1, 1); });
        assert.deepEqual(await stackMessages(policy, stack), [`API host api.teei.example.com of Cloudflare zone ${zone} is not excluded from the edge cache (no rule of its http_request_cache_settings ruleset sets cache for it), so Cloudflare's default caching stores its responses by file extension (a .pdf or .csv report) and may serve one tenant's data to another. ${fix}`]);
    });

    it("refuses a zone without cache rules", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.cache = undefined; })), [`API host api.teei.example.com of Cloudflare zone ${zone} is not excluded from the edge cache (the zone has no http_request_cache_settings ruleset), so Cloudflare's default caching stores its responses by file extension (a .pdf or .csv report) and may serve one tenant's data to another. ${fix}`]);
    });

    it("refuses a cache-everything rule placed after the bypass, naming the rule", async () => {
        const stack = edgeStack((p) => { p.cache.rules.push(cachedEverywhere); });
        assert.deepEqual((await analyzeStack(policy, stack)).map((d) => d.urn), [urnOf("cache")]);
        assert.deepEqual(await stackMessages(policy, stack), [`API host api.teei.example.com of Cloudflare zone ${zone} is cached: rule "cache-all" of ruleset cache sets cache: true and is the last cache rule that can match it, so API responses are stored at the edge and may be served to other tenants. ${fix}`]);
    });

    it("passes the same rule placed before the bypass", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.cache.rules.unshift(cachedEverywhere); })), []);
    });

    it("counts a rule it cannot limit to other hosts (or, not) as matching the API host", async () => {
        const sneaky = { ...cachedEverywhere, ref: "not-api", expression: `not http.host eq "static.teei.example.com" or http.host eq "static.teei.example.com"` };
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.cache.rules.push(sneaky); })), [`API host api.teei.example.com of Cloudflare zone ${zone} is cached: rule "not-api" of ruleset cache sets cache: true and is the last cache rule that can match it, so API responses are stored at the edge and may be served to other tenants. ${fix}`]);
    });

    it("ignores a disabled bypass rule", async () => {
        const stack = edgeStack((p) => { p.cache.rules[1].enabled = false; });
        assert.equal((await stackMessages(policy, stack)).length, 1);
    });

    it("takes the API host labels from policy config", async () => {
        const configured = stackPolicyWithConfig(policy, { apiHostLabels: ["cockpit"] });
        assert.deepEqual(await stackMessages(configured, edgeStack()), [`API host cockpit.teei.example.com of Cloudflare zone ${zone} is not excluded from the edge cache (no rule of its http_request_cache_settings ruleset sets cache for it), so Cloudflare's default caching stores its responses by file extension (a .pdf or .csv report) and may serve one tenant's data to another. ${fix}`]);
    });

    it("does not apply to a stack without an API host record", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { p.api = undefined; })), [policy.name]);
    });
});
