/**
 * The `--json` findings file: the contract's fields of DESIGN.md exactly as they are
 * (`stack`, `ok`, `violations`, `checklist`, plus `notEvaluated`), and beside them everything
 * the terminal and Markdown reports say, so CI reading the file misses nothing a person sees.
 */
import type { ChecklistEntry, NotEvaluated, PolicyRun, Violation } from "./findings";
import { pendingReasons } from "./findings";
import type { Ship } from "./ships";
import { countsByType, verdict, type ReportInput, type UnsetSecret } from "./summary";

export interface FindingsFile {
    stack: string;
    ok: boolean;
    violations: Violation[];
    /** The contract's entries; a PENDING one also says why (`pendingReason`: what a person checks). */
    checklist: Array<ChecklistEntry & { pendingReason?: string }>;
    notEvaluated: NotEvaluated[];
    /** The verdict line the reports end with (`GO ...`, `NO-GO ...`, `NOTHING CHECKED ...`). */
    verdict: string;
    /** Every note the reports print (secrets planned as unknown, unreadable values, duplicates...). */
    notes: string[];
    /** Secrets the config names that the plan did not have, planned as unknown (empty for analyze). */
    unsetSecrets: UnsetSecret[];
    /** The resources the run saw, counted per type (most common first), as the reports list them. */
    resourceTypes: Array<{ type: string; count: number }>;
    /** Every policy, its level, and how many resources it judged (0: it checked nothing in this stack). */
    policies: PolicyRun[];
    /** What ships, per service (plan only). */
    ships?: Ship[];
}

export function findingsFile(r: ReportInput): FindingsFile {
    const f = r.findings;
    const reasons = pendingReasons(f);
    return {
        stack: f.stack,
        ok: f.ok,
        violations: f.violations,
        checklist: f.checklist.map((e) => (reasons.has(e.id) ? { ...e, pendingReason: reasons.get(e.id)! } : e)),
        notEvaluated: f.notEvaluated,
        verdict: verdict(f, r.resources),
        notes: r.notes,
        unsetSecrets: r.unsetSecrets,
        resourceTypes: countsByType(r.resources).map(([type, count]) => ({ type, count })),
        policies: f.policies,
        ...(r.ships ? { ships: r.ships } : {}),
    };
}
