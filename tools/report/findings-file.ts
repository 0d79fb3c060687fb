/**
 * The `--json` findings file: the contract's fields of DESIGN.md exactly as they are
 * (`stack`, `ok`, `violations`, `checklist`, plus `notEvaluated`), and beside them everything
 * the terminal and Markdown reports say, so CI reading the file misses nothing a person sees.
 */
import type { ChecklistEntry, NotEvaluated, PolicyRun, Violation } from "./findings";
import { areaOf, pendingReasons } from "./findings";
import type { LaunchReport } from "./launch";
import type { RollbackBudget } from "../../policies/platform/rollback-budget";
import type { Ship } from "./ships";
import { countsByType, headline, verdict, type ReportInput, type UnsetSecret } from "./summary";

export interface FindingsFile {
    stack: string;
    ok: boolean;
    violations: Violation[];
    /**
     * The contract's entries, with their `area`; a PENDING one also says why (`pendingReason`:
     * what a person checks), an attested one who attested it (`note`).
     */
    checklist: Array<ChecklistEntry & { area: string; pendingReason?: string; note?: string }>;
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
    /** The dashboard's first line: `GO · phase pre-launch · clock <time> (<source>)`. */
    headline: string;
    /** The phase, clock, go/no-go record, attestations and the freeze (with the changes against --baseline). */
    launch?: LaunchReport;
    /** Worst-case rollback and deploy times and how each was computed (platform-stack-enforce-rollback-budget). */
    rollback?: RollbackBudget;
}

export function findingsFile(r: ReportInput): FindingsFile {
    const f = r.findings;
    const reasons = pendingReasons(f);
    return {
        stack: f.stack,
        ok: f.ok,
        violations: f.violations,
        checklist: f.checklist.map((e) => {
            const note = f.itemNotes?.[e.id];
            return { ...e, area: areaOf(e.id), ...(reasons.has(e.id) ? { pendingReason: reasons.get(e.id)! } : note ? { note } : {}) };
        }),
        notEvaluated: f.notEvaluated,
        verdict: verdict(f, r.resources),
        notes: r.notes,
        unsetSecrets: r.unsetSecrets,
        resourceTypes: countsByType(r.resources).map(([type, count]) => ({ type, count })),
        policies: f.policies,
        ...(r.ships ? { ships: r.ships } : {}),
        headline: headline(r),
        ...(r.launch ? { launch: r.launch } : {}),
        ...(r.rollback ? { rollback: r.rollback } : {}),
    };
}
