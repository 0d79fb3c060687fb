/**
 * Every registered policy, given hostile resource properties, reports, passes, or says it
 * cannot judge an unknown; it never throws. Called as the engine calls it (the harness hands
 * the request to @pulumi/policy's own Analyze/AnalyzeStack handlers, which wrap the
 * properties in the unknown-checking proxy): an exception other than the proxy's
 * UnknownValueError rejects the call with "Error validating resource with policy ...", which
 * the engine turns into a failed preview, so a rejection is the failure this property finds.
 *
 * The inputs start from the shipped stacks' plans (so a mutation reaches deep into the code
 * that judges a real resource) and from wholly random property bags: missing fields, wrong
 * types, nulls, huge arrays, deep nesting, unknown values in any position.
 */
import { strict as assert } from "node:assert";
import type { Policy } from "@pulumi/policy";
import fc from "fast-check";
import type { EngineResource } from "../../tools/analyzer/resource";
import { judgement } from "../policies/harness";
import { check, hostilePresent, judgedResources, judgeStack, kindOf, mutateResource, mutations, policies, resourcePolicies, runs, shippedPlan, shippedStacks, show, type ShippedStack, timeLimit } from "./support";

const plans = new Map<ShippedStack, EngineResource[]>();
/** Per resource policy: the shipped resources it judges (all of them when it judges none in a plan). */
const fixtures = new Map<string, EngineResource[]>();

/** What a policy said: it must have answered, and every diagnostic must be its own and say something. */
async function answer(p: Policy, target: EngineResource | EngineResource[], what: () => string): Promise<void> {
    let result: Awaited<ReturnType<typeof judgement>>;
    try {
        result = Array.isArray(target) ? await judgeStack(p, target) : await judgement(p, target);
    } catch (e) {
        assert.fail(`${p.name} threw on ${what()}: ${(e as Error).message.split("\n").slice(0, 3).join(" | ")}`);
    }
    for (const d of result.diagnostics) {
        assert.equal(d.policyName, p.name);
        assert.ok(d.message.trim().length > 0, `${p.name}: an empty message on ${what()}`);
    }
}

const randomProps = fc.dictionary(fc.constantFrom("spec", "metadata", "kind", "apiVersion", "name", "settings", "value", "rules", "labels", "enabled", "type", "x"), hostilePresent, { maxKeys: 6 });

describe("properties: every policy answers hostile resource properties without throwing", function () {
    this.timeout(timeLimit(120_000));

    before(async () => {
        for (const s of shippedStacks) plans.set(s, await shippedPlan(s));
        for (const p of resourcePolicies) {
            const judged = await judgedResources(p, async (q, r) => (await judgement(q, r)).judged);
            fixtures.set(p.name, judged.length ? judged : [...plans.get("production")!]);
        }
    });

    for (const p of policies) {
        if (kindOf(p) === "resource") {
            it(`${p.name} answers mutated and random resources of the shipped plans without throwing`, async () => {
                const pool = () => fixtures.get(p.name)!;
                await check(
                    fc.asyncProperty(fc.nat(), mutations(4), fc.option(randomProps, { freq: 4 }), async (i, picks, random) => {
                        const base = pool()[i % pool().length]!;
                        const r = random ? { ...base, inputs: random, outputs: random } : mutateResource(base, picks);
                        await answer(p, r, () => `${r.type} ${show(r.inputs)}`);
                    }),
                    runs(6),
                );
            });
        } else {
            it(`${p.name} answers a shipped stack with hostile resources in it without throwing`, async () => {
                await check(
                    fc.asyncProperty(fc.constantFrom(...shippedStacks), fc.array(fc.tuple(fc.nat(), mutations(3)), { minLength: 1, maxLength: 4 }), async (stack, edits) => {
                        const resources = [...plans.get(stack)!];
                        for (const [i, picks] of edits) resources[i % resources.length] = mutateResource(resources[i % resources.length]!, picks);
                        await answer(p, resources, () => `${stack} with ${edits.length} mutated resource(s)`);
                    }),
                    runs(1, "stack"),
                );
            });
        }
    }
});
