import type { EngineResource } from "../analyzer/resource";
import { urnName } from "../analyzer/resource";
import type { Findings, Status, Violation } from "./findings";
import { areaOf, type ChecklistEntry } from "./findings";
import type { LaunchReport } from "./launch";
import type { Ship } from "./ships";

/** A secret the config names whose value the plan did not have: planned as unknown. */
export interface UnsetSecret {
    /** The config key (without `golive:`). */
    key: string;
    /** Where the stack config references it, e.g. services[0].secretEnv.DATABASE_URL. */
    usedBy: string;
    /** `unset`: not in the stack file (`pulumi up` refuses to run); `encrypted`: set, but unreadable offline. */
    state: "unset" | "encrypted";
}

/** Everything a report shows, gathered once for both renderers and the findings file. */
import type { RollbackBudget } from "../../policies/platform/rollback-budget";

export interface ReportInput {
    title: string;
    findings: Findings;
    resources: readonly EngineResource[];
    /** Lines worth saying before the findings (missing secrets, unreadable values...). */
    notes: string[];
    /** Secrets planned as unknown (plan only; empty for analyze). */
    unsetSecrets: UnsetSecret[];
    /** What the stack config ships, per service (plan only: analyze has no stack config). */
    ships?: Ship[];
    /** The phase, the clock, the go/no-go record, attestations and the freeze. */
    launch?: LaunchReport;
    /** The rollback budget's figures (when the stack has Deployments to roll back). */
    rollback?: RollbackBudget;
}

export const severityOrder = ["critical", "high", "medium", "low"] as const;
export const statusOrder: readonly Status[] = ["FAIL", "WARN", "PENDING", "PASS"];

export function countsByType(resources: readonly EngineResource[]): Array<[string, number]> {
    const counts = new Map<string, number>();
    for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** `Type name` of a URN, short enough for a terminal line. */
export function resourceLabel(urn: string | null): string {
    if (!urn) return "stack-wide";
    const parts = urn.split("::");
    const type = (parts[2] ?? "").split("$").pop() ?? "";
    return `${type} ${urnName(urn)}`;
}

export function statusCounts(f: Findings): Record<Status, number> {
    const c: Record<Status, number> = { PASS: 0, WARN: 0, FAIL: 0, PENDING: 0 };
    for (const e of f.checklist) c[e.status]++;
    return c;
}

/** `2 kubernetes:apps/v1:Deployment, 1 pulumi:pulumi:Stack`: what a run saw, most common first. */
export function typeCounts(resources: readonly EngineResource[]): string {
    return countsByType(resources).map(([type, n]) => `${n} ${type}`).join(", ");
}

/** The one-line verdict; `resources` name what was seen when nothing was checked. */
export function verdict(f: Findings, resources: readonly EngineResource[] = []): string {
    const mandatory = f.violations.filter((v) => v.enforcementLevel === "mandatory").length;
    const advisory = f.violations.length - mandatory;
    const blockedUnknown = f.notEvaluated.filter((n) => n.enforcementLevel === "mandatory").length;
    const pending = f.checklist.filter((e) => e.status === "PENDING").length;
    if (!f.judged) {
        const seen = resources.length
            ? `no policy in the pack applies to any of the ${resources.length} resource${resources.length === 1 ? "" : "s"} seen (${typeCounts(resources)})`
            : "there were no resources to judge";
        return `NOTHING CHECKED for ${f.stack}: ${seen}, so this run cannot pass a gate; all ${pending} checklist items are pending. Check that this is the stack or the manifests you meant to gate.`;
    }
    if (!f.ok) {
        const why = [mandatory ? `${mandatory} mandatory violation${mandatory === 1 ? "" : "s"}` : "", blockedUnknown ? `${blockedUnknown} mandatory check${blockedUnknown === 1 ? "" : "s"} not evaluable in preview` : ""].filter(Boolean).join(", ");
        return `NO-GO for ${f.stack}: ${why}.`;
    }
    return `GO for ${f.stack}: no mandatory violations; ${advisory} advisory warning${advisory === 1 ? "" : "s"}, ${pending} checklist item${pending === 1 ? "" : "s"} pending manual sign-off.`;
}

/** The dashboard's first line: the verdict word, the phase and the clock it was reached at. */
export function headline(r: Pick<ReportInput, "findings" | "launch">): string {
    const word = !r.findings.judged ? "NOTHING CHECKED" : r.findings.ok ? "GO" : "NO-GO";
    const l = r.launch;
    if (!l) return word;
    return `${word} · phase ${l.phase ?? "not recorded"} · clock ${l.clock.at} (${l.clock.source})`;
}

/** `Infra`: an area's name as a heading. */
export function areaTitle(area: string): string {
    return area.charAt(0).toUpperCase() + area.slice(1);
}

/** The checklist grouped by area, in the checklist's order of first appearance. */
export function checklistByArea(f: Findings): Array<{ area: string; entries: ChecklistEntry[] }> {
    const groups = new Map<string, ChecklistEntry[]>();
    for (const e of f.checklist) {
        const area = areaOf(e.id);
        groups.set(area, [...(groups.get(area) ?? []), e]);
    }
    return [...groups.entries()].map(([area, entries]) => ({
        area,
        entries: statusOrder.flatMap((s) => entries.filter((e) => e.status === s)),
    }));
}

/** `2 FAIL, 1 PENDING, 8 PASS`: a group's status counts, the non-zero ones, worst first. */
export function countLine(entries: readonly ChecklistEntry[], sep = ", "): string {
    return statusOrder.map((s) => [s, entries.filter((e) => e.status === s).length] as const).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(sep);
}

/**
 * The findings to show under an item: each violation of its policies, listed in full under
 * the first item its policy names and by reference under the others, so a message is read once.
 */
export function itemFindings(f: Findings, id: string): Array<{ violation: Violation; firstItem: string }> {
    return f.violations
        .filter((v) => f.checklist.find((e) => e.id === id)?.policies.includes(v.policy))
        .map((v) => ({ violation: v, firstItem: v.runbook.find((r) => f.checklist.some((e) => e.id === r)) ?? id }));
}

/** The totals line: checklist statuses, violations by level, resources. */
export function totals(f: Findings, resources: number): string {
    const c = statusCounts(f);
    const mandatory = f.violations.filter((v) => v.enforcementLevel === "mandatory").length;
    return `${f.checklist.length} checklist items: ${statusOrder.map((s) => `${c[s]} ${s}`).join(", ")}; `
        + `${mandatory} mandatory and ${f.violations.length - mandatory} advisory violation${f.violations.length - mandatory === 1 ? "" : "s"}; `
        + `${f.notEvaluated.length} check${f.notEvaluated.length === 1 ? "" : "s"} not evaluable in preview; ${resources} resource${resources === 1 ? "" : "s"}`;
}
