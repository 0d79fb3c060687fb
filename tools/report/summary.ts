import type { EngineResource } from "../analyzer/resource";
import { urnName } from "../analyzer/resource";
import type { Findings, Status } from "./findings";

/** Everything a report shows, gathered once for both renderers. */
export interface ReportInput {
    title: string;
    findings: Findings;
    resources: readonly EngineResource[];
    /** Lines worth saying before the findings (missing secrets, unreadable values...). */
    notes: string[];
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

export function verdict(f: Findings): string {
    const mandatory = f.violations.filter((v) => v.enforcementLevel === "mandatory").length;
    const advisory = f.violations.length - mandatory;
    const blockedUnknown = f.notEvaluated.filter((n) => n.enforcementLevel === "mandatory").length;
    const pending = f.checklist.filter((e) => e.status === "PENDING").length;
    const judged = f.checklist.some((e) => e.status !== "PENDING") || f.notEvaluated.length > 0;
    if (f.ok && !judged) {
        return `NOTHING CHECKED for ${f.stack}: no policy applies to these resources; all ${pending} checklist items are pending.`;
    }
    if (!f.ok) {
        const why = [mandatory ? `${mandatory} mandatory violation${mandatory === 1 ? "" : "s"}` : "", blockedUnknown ? `${blockedUnknown} mandatory check${blockedUnknown === 1 ? "" : "s"} not evaluable in preview` : ""].filter(Boolean).join(", ");
        return `NO-GO for ${f.stack}: ${why}.`;
    }
    return `GO for ${f.stack}: no mandatory violations; ${advisory} advisory warning${advisory === 1 ? "" : "s"}, ${pending} checklist item${pending === 1 ? "" : "s"} pending manual sign-off.`;
}
