import { strict as assert } from "node:assert";
import { workloadsHttprouteEnforceCanarySteps as policy } from "../../../policies/workloads";
import { messages, notApplicable, resource, UNKNOWN } from "../harness";
import { bucket, httpRoute, plannedFrom } from "./fixtures";

const fix = "Set the stable/canary weights to 100/0, 90/10, 50/50 or 0/100.";
const route = "HTTPRoute teei/reporting-api";
const weights = (stable: number | undefined, canary: number | undefined) => httpRoute((p) => {
    const [s, c] = p.spec.rules[0].backendRefs;
    if (stable === undefined) delete s.weight; else s.weight = stable;
    if (canary === undefined) delete c.weight; else c.weight = canary;
});

describe("workloads-httproute-enforce-canary-steps", () => {
    it("passes stable/canary 90/10", async () => {
        assert.deepEqual(await messages(policy, httpRoute()), []);
    });

    for (const [stable, canary] of [[100, 0], [1, 1], [0, 100], [9, 1]] as const) {
        it(`passes weights ${stable}/${canary}, one of the steps`, async () => {
            assert.deepEqual(await messages(policy, weights(stable, canary)), []);
        });
    }

    it("passes a rule with a single backend", async () => {
        const r = httpRoute((p) => { p.spec.rules[0].backendRefs = [{ name: "reporting-api", port: 80 }]; });
        assert.deepEqual(await messages(policy, r), []);
    });

    it("refuses a 75/25 split", async () => {
        assert.deepEqual(await messages(policy, weights(75, 25)), [`${route} rules[0] sends 75% to "reporting-api" and 25% to "reporting-api-canary" (weights 75, 25), not a canary step. ${fix}`]);
    });

    it("refuses sending 90% to the canary, which skips the 50% step", async () => {
        assert.deepEqual(await messages(policy, weights(10, 90)), [`${route} rules[0] sends 10% to "reporting-api" and 90% to "reporting-api-canary" (weights 10, 90), not a canary step. ${fix}`]);
    });

    it("names the stack config key of the canary weight for a route golive planned", async () => {
        const r = httpRoute((p) => { plannedFrom(p, "golive:services[3]"); p.spec.rules[0].backendRefs[0].weight = 75; p.spec.rules[0].backendRefs[1].weight = 25; });
        assert.deepEqual(await messages(policy, r), [`${route} rules[0] sends 75% to "reporting-api" and 25% to "reporting-api-canary" (weights 75, 25), not a canary step. Set Pulumi.test.yaml: golive:services[3].canary.weight to 0, 10, 50 or 100.`]);
    });

    it("reads an unset weight as 1, as the Gateway API does", async () => {
        assert.deepEqual(await messages(policy, weights(3, undefined)), [`${route} rules[0] sends 75% to "reporting-api" and 25% to "reporting-api-canary" (weights 3, 1), not a canary step. ${fix}`]);
    });

    it("refuses a split across three backends", async () => {
        const r = httpRoute((p) => { p.spec.rules[0].backendRefs.push({ name: "reporting-api-next", port: 80, weight: 10 }); });
        assert.deepEqual(await messages(policy, r), [`${route} rules[0] sends 81.8% to "reporting-api" and 9.1% to "reporting-api-canary" and 9.1% to "reporting-api-next" (weights 90, 10, 10), not a canary step. ${fix}`]);
    });

    it("refuses a rule whose weights are all 0, where the gateway answers 500", async () => {
        assert.deepEqual(await messages(policy, weights(0, 0)), [`${route} rules[0] gives every backend weight 0, so the gateway answers every request with a 500. Give the stable backend weight 100 (or 90/10, 50/50 with the canary).`]);
    });

    it("judges a v1beta1 HTTPRoute the same way", async () => {
        const r = resource("kubernetes:gateway.networking.k8s.io/v1beta1:HTTPRoute", "shop", {
            metadata: { name: "shop", namespace: "web" },
            spec: { rules: [{ backendRefs: [{ name: "shop", weight: 70 }, { name: "shop-canary", weight: 30 }] }] },
        });
        assert.deepEqual(await messages(policy, r), [`HTTPRoute web/shop rules[0] sends 70% to "shop" and 30% to "shop-canary" (weights 70, 30), not a canary step. ${fix}`]);
    });

    it("cannot pass silently when a weight is unknown during preview", async () => {
        const r = httpRoute((p) => { p.spec.rules[0].backendRefs[1].weight = UNKNOWN; });
        const [message, ...rest] = await messages(policy, r);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-httproute-enforce-canary-steps'.*during preview: string value at \.spec\.rules\.0\.backendRefs\.1\.weight can't be known during preview/);
    });

    it("reports a resource that is not an HTTPRoute as not applicable, without a violation", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await messages(policy, bucket()), []);
        assert.deepEqual(await notApplicable(policy, httpRoute()), []);
    });
});
