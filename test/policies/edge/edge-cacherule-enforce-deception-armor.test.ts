import { strict as assert } from "node:assert";
import { edgeCacheruleEnforceDeceptionArmor as policy } from "../../../policies/edge";
import { messages, notApplicable } from "../harness";
import { edgeResource } from "./fixtures";

const fix = "Set actionParameters.cacheKey.cacheDeceptionArmor: true on every cache rule that sets cache: true.";

describe("edge-cacherule-enforce-deception-armor", () => {
    it("passes cacheable rules with Cache Deception Armor on (and bypass rules without it)", async () => {
        assert.deepEqual(await messages(policy, edgeResource("cache")), []);
    });

    it("refuses a cacheable rule without it, naming the rule", async () => {
        const r = edgeResource("cache", (p) => { delete p.rules[0].actionParameters.cacheKey; });
        assert.deepEqual(await messages(policy, r), [`Cache rule "static-releases" of ruleset cache makes responses cacheable without Cache Deception Armor, so a private page requested as /page/x.css can be stored and served to others. ${fix}`]);
    });

    it("refuses it turned off explicitly, and names an unnamed rule by position", async () => {
        const r = edgeResource("cache", (p) => { delete p.rules[0].ref; delete p.rules[0].description; p.rules[0].actionParameters.cacheKey.cacheDeceptionArmor = false; });
        assert.deepEqual(await messages(policy, r), [`Cache rule #1 of ruleset cache makes responses cacheable without Cache Deception Armor, so a private page requested as /page/x.css can be stored and served to others. ${fix}`]);
    });

    it("does not judge rulesets of other phases", async () => {
        assert.deepEqual(await notApplicable(policy, edgeResource("rateLimits")), [policy.name]);
        assert.deepEqual(await notApplicable(policy, edgeResource("cache")), []);
    });
});
