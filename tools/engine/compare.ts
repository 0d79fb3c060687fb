/**
 * Puts golive's findings and the Pulumi engine's policy events side by side on the terms
 * both share: each violation as (policy, resource URN, enforcement level, message), each
 * check that could not run because a value is unknown, and the pass/fail verdict.
 *
 * Two differences are by design and normalised here rather than reported:
 * - A stack policy's violation that names no resource is `urn: null` in golive's findings;
 *   the engine attributes it to the root stack resource (deploy.AnalyzeSnapshot), so null is
 *   compared as that URN.
 * - A check the pack could not run (a value unknown at preview) is an advisory
 *   "can't run policy ... during preview" diagnostic for the engine, whatever the policy's
 *   level; golive lists it in notEvaluated with the policy's configured level, and a
 *   mandatory one fails golive's verdict (DESIGN.md: an unknown must not let a mandatory
 *   check pass silently). They are compared by (policy, URN), and the verdicts are expected
 *   to differ exactly when golive has a mandatory not-evaluated check.
 * - A stack no policy judged (an export of resources the pack has no policy for) passes the
 *   engine, which has nothing to report; golive's gate fails it (`judged: false`: a gate
 *   that looked at nothing must not say GO), so golive is expected to fail it too.
 */
import type { Findings } from "../report/findings";
import type { FindingsFile } from "../report/findings-file";
import type { EngineAnalysis } from "./pulumi";

/** What golive's verdict is compared on. */
export type GoliveFindings = Pick<Findings, "ok" | "violations" | "notEvaluated" | "judged">;

/** The same from `npm run analyze -- --json` (whose verdict line says when nothing was judged). */
export function fromFindingsFile(f: FindingsFile): GoliveFindings {
    return { ok: f.ok, violations: f.violations, notEvaluated: f.notEvaluated, judged: !f.verdict.startsWith("NOTHING CHECKED") };
}

export interface Judgement {
    violations: string[];
    notEvaluated: string[];
    /** No mandatory violation (and, for golive, no mandatory check left unevaluated). */
    pass: boolean;
}

export interface Comparison {
    golive: Judgement;
    engine: Judgement;
    onlyGolive: string[];
    onlyEngine: string[];
    notEvaluatedOnlyGolive: string[];
    notEvaluatedOnlyEngine: string[];
    /** What golive's verdict must be given the engine's (see the file comment). */
    expectedGolivePass: boolean;
    agree: boolean;
}

const cantRun = /^can't run policy '([^']+)' from policy pack '[^']+' during preview: /m;

/**
 * The root stack URN the engine attributes stack-wide violations to: the parentless
 * pulumi:pulumi:Stack resource, else one made from the first resource's stack and project.
 */
export function rootStackUrn(resources: ReadonlyArray<{ urn: string; type: string; parent?: string }>): string | null {
    const root = resources.find((r) => r.type === "pulumi:pulumi:Stack" && !r.parent);
    if (root) return root.urn;
    for (const r of resources) {
        const m = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(r.urn);
        if (m) return `urn:pulumi:${m[1]}::${m[2]}::pulumi:pulumi:Stack::${m[2]}-${m[1]}`;
    }
    return null;
}

/** The pack prefixes a violation's message with the policy's description on its own line. */
function lastLine(message: string): string {
    const lines = message.trim().split("\n");
    return lines[lines.length - 1]!;
}

const key = (policy: string, urn: string | null, level: string, message?: string) =>
    [policy, urn ?? "(stack)", level, ...(message === undefined ? [] : [lastLine(message)])].join(" | ");

export function fromGolive(f: GoliveFindings, stackUrn: string | null): Judgement {
    return {
        violations: f.violations.map((v) => key(v.policy, v.urn ?? stackUrn, v.enforcementLevel, v.message)).sort(),
        notEvaluated: f.notEvaluated.map((n) => key(n.policy, n.urn ?? stackUrn, "")).sort(),
        pass: f.ok,
    };
}

export function fromEngine(a: EngineAnalysis): Judgement {
    const violations: string[] = [];
    const notEvaluated: string[] = [];
    for (const v of a.violations) {
        if (cantRun.test(v.message)) notEvaluated.push(key(v.policy, v.urn || null, ""));
        else violations.push(key(v.policy, v.urn || null, v.enforcementLevel, v.message));
    }
    return { violations: violations.sort(), notEvaluated: notEvaluated.sort(), pass: a.code === 0 };
}

/** Multiset difference: what `a` has more often than `b`. */
function minus(a: readonly string[], b: readonly string[]): string[] {
    const left = new Map<string, number>();
    for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
    const out: string[] = [];
    for (const x of a) {
        const n = left.get(x) ?? 0;
        if (n > 0) left.set(x, n - 1);
        else out.push(x);
    }
    return out;
}

export function compare(findings: GoliveFindings, analysis: EngineAnalysis, stackUrn: string | null): Comparison {
    const golive = fromGolive(findings, stackUrn);
    const engine = fromEngine(analysis);
    const mandatoryUnevaluated = findings.notEvaluated.some((n) => n.enforcementLevel === "mandatory");
    const expectedGolivePass = engine.pass && !mandatoryUnevaluated && findings.judged;
    const c = {
        golive,
        engine,
        onlyGolive: minus(golive.violations, engine.violations),
        onlyEngine: minus(engine.violations, golive.violations),
        notEvaluatedOnlyGolive: minus(golive.notEvaluated, engine.notEvaluated),
        notEvaluatedOnlyEngine: minus(engine.notEvaluated, golive.notEvaluated),
        expectedGolivePass,
    };
    const agree = [c.onlyGolive, c.onlyEngine, c.notEvaluatedOnlyGolive, c.notEvaluatedOnlyEngine].every((l) => l.length === 0) && golive.pass === expectedGolivePass;
    return { ...c, agree };
}

/** A readable account of a disagreement, for an assertion message. */
export function explain(c: Comparison): string {
    const lines: string[] = [];
    const list = (title: string, xs: string[]) => {
        if (xs.length) lines.push(`${title}:`, ...xs.map((x) => `  ${x}`));
    };
    list("only golive reports", c.onlyGolive);
    list("only the engine reports", c.onlyEngine);
    list("only golive could not evaluate", c.notEvaluatedOnlyGolive);
    list("only the engine could not evaluate", c.notEvaluatedOnlyEngine);
    if (c.golive.pass !== c.expectedGolivePass) lines.push(`verdict: golive ${c.golive.pass ? "passes" : "fails"}, the engine ${c.engine.pass ? "passes" : "fails"}`);
    return lines.join("\n");
}
