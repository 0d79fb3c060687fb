/**
 * A mandatory policy never passes on a value it cannot know during preview.
 *
 * How "cannot judge an unknown" shows: @pulumi/policy hands a policy its properties through
 * an unknown-checking proxy; reading a value that is unknown throws UnknownValueError, which
 * its Analyze/AnalyzeStack handlers turn into a diagnostic "can't run policy '<name>' from
 * policy pack '<pack>' during preview: <type> value at .<path> can't be known during
 * preview" (policies/lib/define.ts adds nothing on top). tools/report/findings.ts files that
 * as `notEvaluated` ("not evaluable during preview"): a mandatory one keeps the stack from
 * GO and its checklist item PENDING. So the report names the value by its path.
 *
 * Which value decides, found without naming any policy: start from a resource the policy
 * judges in a shipped plan (for a stack policy, the whole shipped stack), pick any position
 * L in it (a leaf, an object or an array) and compare
 *   - the answer with L unknown, against
 *   - the answers with L set to concrete values: the one the plan had, and hostile ones
 *     (wrong types, nulls, removal, extremes).
 * (Removing an array element is not among them: it changes the array's length, not the
 * element's value. A secret is one position: the engine never sends half of one.)
 * L decides when some concrete value makes the policy report a violation. Then the answer
 * with L unknown must not be a pass (no diagnostic) nor "not applicable": it must be a
 * violation, or "can't run ... value at .L". This is sound (a pass it flags is a real
 * silent pass: a value exists that the policy would have failed) and complete for the
 * positions and values sampled; the campaign (`npm run test:fuzz`) samples many more.
 * When the answer is "can't run", the report must name L, and a mandatory policy's
 * "can't run" must make the findings not ok with the item PENDING.
 */
import { strict as assert } from "node:assert";
import type { Policy } from "@pulumi/policy";
import fc from "fast-check";
import type { EngineResource } from "../../tools/analyzer/resource";
import { buildFindings } from "../../tools/report/findings";
import { judgement } from "../policies/harness";
import { check, getAt, hostileValue, judgedResources, judgeStack, kindOf, levelIn, policies, positions, remove, runs, setAt, shippedPlan, shippedStacks, show, UNKNOWN, type Path, timeLimit } from "./support";

type Outcome = { kind: "fail"; message: string } | { kind: "cant-run"; message: string } | { kind: "pass" } | { kind: "not-applicable" };

const cantRun = /^can't run policy '[^']+' from policy pack '[^']+' during preview: /;

async function outcome(p: Policy, target: EngineResource | EngineResource[]): Promise<Outcome> {
    const j = Array.isArray(target) ? await judgeStack(p, target) : await judgement(p, target);
    const mine = j.diagnostics.filter((d) => d.policyName === p.name);
    const unknown = mine.find((d) => cantRun.test(d.message));
    const violation = mine.find((d) => !cantRun.test(d.message));
    if (violation) return { kind: "fail", message: violation.message };
    if (unknown) return { kind: "cant-run", message: unknown.message };
    return j.judged ? { kind: "pass" } : { kind: "not-applicable" };
}

/** A resource with the position set in its inputs and, when the outputs have it, in its outputs (what AnalyzeStack reads). */
function withValue(r: EngineResource, at: Path, to: unknown): EngineResource {
    const outputsHaveIt = getAt(r.outputs, at.slice(0, -1)) !== undefined;
    return { ...r, inputs: setAt(r.inputs, at, to), outputs: outputsHaveIt ? setAt(r.outputs, at, to) : r.outputs };
}

const mandatory = policies.filter((p) => levelIn("production", p) === "mandatory");

describe("properties: a mandatory policy never passes on a deciding value that is unknown during preview", function () {
    this.timeout(timeLimit(120_000));

    it("covers every policy the production stack enforces as mandatory", () => {
        assert.ok(mandatory.length > 0, "policies/config/production.json makes no policy mandatory");
    });

    for (const p of mandatory) {
        const stack = kindOf(p) === "stack";
        it(`${p.name}: an unknown deciding value comes out as "can't run ... during preview" naming it, or a violation, never a pass`, async function () {
            const plans = await Promise.all(shippedStacks.map((s) => shippedPlan(s)));
            const bases = stack ? plans.flat() : await judgedResources(p, async (q, r) => (await judgement(q, r)).judged);
            // A policy that judges nothing in a plan (a deployed state's certificate expiry) has no
            // preview to be unknown in; the never-throw property still feeds it unknowns.
            if (bases.length === 0) this.skip();
            await check(
                fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), fc.array(hostileValue.filter((v) => v !== UNKNOWN), { minLength: 1, maxLength: 2 }), async (which, where, planPick, values) => {
                    // For a stack policy: one resource of one shipped stack; for a resource policy: one it judges.
                    const stackResources = stack ? plans[planPick % plans.length]! : [];
                    const pool = stack ? stackResources : bases;
                    const idx = which % pool.length;
                    const base = pool[idx]!;
                    const all = positions(base.inputs);
                    if (all.length === 0) return;
                    const at = all[where % all.length]!;
                    const run = (to: unknown) => {
                        const r = withValue(base, at, to);
                        return outcome(p, stack ? stackResources.map((x, i) => (i === idx ? r : x)) : r);
                    };
                    const unknown = await run(UNKNOWN);
                    if (unknown.kind === "cant-run") {
                        assert.ok(unknown.message.includes(`value at .${at.join(".")} can't be known during preview`), `${p.name}: "${unknown.message}" does not name ${at.join(".")} of ${base.urn}`);
                        const findings = buildFindings("production", {
                            policies: [{ name: p.name, description: p.description, severity: "high", level: "mandatory", runbook: [], remediation: "", url: "", applied: 1 }],
                            diagnostics: [{ policyName: p.name, message: unknown.message, enforcementLevel: "advisory", severity: "high", urn: base.urn }],
                        });
                        assert.equal(findings.ok, false, "a mandatory check that could not run let the stack through");
                        assert.ok(findings.notEvaluated.some((n) => n.reason.includes(at.join("."))));
                        return;
                    }
                    if (unknown.kind === "fail") return;
                    // Removing an array element changes the array's length, not the element's value: not a value the unknown could take.
                    const inArray = Array.isArray(getAt(base.inputs, at.slice(0, -1)));
                    for (const v of [getAt(base.inputs, at), ...values].filter((x) => !(inArray && x === remove))) {
                        const concrete = await run(v);
                        assert.notEqual(
                            concrete.kind,
                            "fail",
                            `${p.name} ${unknown.kind === "pass" ? "passes" : "calls itself not applicable"} with ${at.join(".")} of ${base.urn} unknown, but fails it when it is ${show(v)}: ${concrete.kind === "fail" ? concrete.message : ""}`,
                        );
                    }
                }),
                runs(stack ? 1 : 4, stack ? "stack" : "cheap"),
            );
        });
    }
});
