import type { EngineResource } from "../analyzer/resource";
import { urnName } from "../analyzer/resource";
import type { Findings, Status } from "./findings";
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
