import { strict as assert } from "node:assert";
import { resolvePolicyConfig } from "../../tools/analyzer/policy-config";
import { apiHostProblems } from "../../tools/plan/api-hosts";
import { configFile, info } from "./pack-info";

/** The policies of the pack that take apiHostLabels, in the pack's order. */
const labelled = [...resolvePolicyConfig(configFile({}), info)].filter(([, c]) => "apiHostLabels" in c.properties).map(([name]) => name);

describe("the stack's API hosts and the policies' API host labels (tools/plan/api-hosts.ts)", () => {
    it("finds the edge policies and the coverage policy taking apiHostLabels, so the check cannot silently look at nothing", () => {
        assert.deepEqual(labelled, ["edge-cacherule-disallow-api-caching", "edge-responseheaders-require-csp", "edge-responseheaders-enforce-cors-origin", "platform-service-missing-coverage"]);
    });

    it("accepts both at their defaults, the same labels in any order, and a stack with no edge", () => {
        const defaults = resolvePolicyConfig(configFile({}), info);
        assert.deepEqual(apiHostProblems("Pulumi.production.yaml", ["api"], "p.json", defaults), []);
        const both = resolvePolicyConfig(configFile(Object.fromEntries(labelled.map((n) => [n, { apiHostLabels: ["reports", "api"] }]))), info);
        assert.deepEqual(apiHostProblems("Pulumi.production.yaml", ["api", "reports"], "p.json", both), []);
        assert.deepEqual(apiHostProblems("Pulumi.production.yaml", undefined, "p.json", defaults), []);
    });

    it("names every policy whose labels differ from the stack's, once per distinct labels, with the setting to change", () => {
        const one = resolvePolicyConfig(configFile({ "edge-responseheaders-require-csp": { apiHostLabels: ["api", "reports"] } }), info);
        assert.deepEqual(apiHostProblems("Pulumi.production.yaml", ["api", "reports"], "p.json", one), [
            'p.json: apiHostLabels of edge-cacherule-disallow-api-caching, edge-responseheaders-enforce-cors-origin, platform-service-missing-coverage is ["api"], but Pulumi.production.yaml sets golive:edge.apiHosts to ["api","reports"]: ' +
                "the policies would judge the edge's API hosts as app hosts, or demand an API host's cache bypass, CORS rule and rate limit the edge does not declare. " +
                'Set "apiHostLabels": ["api","reports"] for each of them in p.json, or change golive:edge.apiHosts.',
        ]);
        assert.equal(apiHostProblems("Pulumi.production.yaml", ["api"], "p.json", one).length, 1);
        assert.match(apiHostProblems("Pulumi.production.yaml", ["api"], "p.json", one)[0]!, /^p\.json: apiHostLabels of edge-responseheaders-require-csp is \["api","reports"\], .* for it in p\.json/);
    });

    it("leaves out a disabled policy, which judges nothing", () => {
        const off = resolvePolicyConfig(configFile(Object.fromEntries(labelled.map((n) => [n, "disabled"]))), info);
        assert.deepEqual(apiHostProblems("Pulumi.production.yaml", ["api", "reports"], "p.json", off), []);
    });
});
