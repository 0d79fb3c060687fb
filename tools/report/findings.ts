/**
 * The findings file (DESIGN.md contract) and the go/no-go verdict, computed from what the
 * pack reported and the checklist. A check that could not run during preview is not a
 * pass: its checklist item is PENDING, and when the check is mandatory the stack is not ok.
 */
import { checklist, checklistItem } from "../../policies/checklist";
import type { Evaluation, PolicyMeta } from "../analyzer/evaluate";
import type { Level } from "../analyzer/policy-config";

export type Status = "PASS" | "WARN" | "FAIL" | "PENDING";

export interface Violation {
    policy: string;
    severity: "low" | "medium" | "high" | "critical";
    enforcementLevel: "advisory" | "mandatory";
    urn: string | null;
    message: string;
    runbook: string[];
}

/** A check the engine could not run because a value is unknown during preview. */
export interface NotEvaluated {
    policy: string;
    enforcementLevel: "advisory" | "mandatory";
    urn: string | null;
    reason: string;
    runbook: string[];
}

export interface ChecklistEntry {
    id: string;
    title: string;
    status: Status;
    policies: string[];
}

export interface Findings {
    stack: string;
    /** False on a mandatory violation, a mandatory check not evaluable, or when nothing was checked. */
    ok: boolean;
    violations: Violation[];
    checklist: ChecklistEntry[];
    notEvaluated: NotEvaluated[];
    /** Whether any policy judged any resource; a gate that judged nothing must not pass. */
    judged: boolean;
    /**
     * Every policy of the pack, its level in this run, and how many resources it judged
     * (Analyze calls, or 1 for a stack policy's AnalyzeStack) without saying it does not
     * apply: 0 means it checked nothing in this stack.
     */
    policies: PolicyRun[];
    /** What the reports say beside an item beyond its policies (an attestation, why the freeze was not checked). */
    itemNotes?: Record<string, string>;
}

export interface PolicyRun {
    name: string;
    enforcementLevel: Level;
    judged: number;
}

const cantRun = /^can't run policy '[^']+' from policy pack '[^']+' during preview: /;

function strip(meta: PolicyMeta | undefined, message: string): string {
    const prefix = meta ? `${meta.description}\n` : "";
    return prefix && message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** What the findings are computed from: the evaluation, less its timings. */
export type Judged = Pick<Evaluation, "policies" | "diagnostics">;

export function buildFindings(stack: string, evaluation: Judged): Findings {
    const meta = new Map(evaluation.policies.map((p) => [p.name, p]));
    const violations: Violation[] = [];
    const notEvaluated: NotEvaluated[] = [];
    for (const d of evaluation.diagnostics) {
        const m = meta.get(d.policyName);
        const message = strip(m, d.message);
        const level = m?.level === "mandatory" ? "mandatory" : "advisory";
        const runbook = m?.runbook ?? [];
        const unknown = cantRun.exec(message);
        if (unknown) {
            notEvaluated.push({ policy: d.policyName, enforcementLevel: level, urn: d.urn, reason: message.slice(unknown[0].length), runbook });
            continue;
        }
        violations.push({
            policy: d.policyName,
            severity: m?.severity ?? (d.severity === "unspecified" ? "low" : d.severity),
            enforcementLevel: d.enforcementLevel === "mandatory" ? "mandatory" : "advisory",
            urn: d.urn,
            message,
            runbook,
        });
    }

    const entries: ChecklistEntry[] = checklist.map((item) => {
        const enforcing = evaluation.policies.filter((p) => p.level !== "disabled" && p.runbook.includes(item.id));
        const policies = enforcing.map((p) => p.name);
        const mine = (x: { policy: string }) => policies.includes(x.policy);
        let status: Status;
        // An item is only PASS when one of its policies judged something in this stack.
        if (!enforcing.some((p) => p.applied > 0)) status = "PENDING";
        else if (violations.some((v) => mine(v) && v.enforcementLevel === "mandatory")) status = "FAIL";
        else if (notEvaluated.some(mine)) status = "PENDING";
        else if (violations.some(mine)) status = "WARN";
        else status = "PASS";
        return { id: item.id, title: item.title, status, policies };
    });

    const judged = evaluation.policies.some((p) => p.level !== "disabled" && p.applied > 0) || evaluation.diagnostics.length > 0;
    const ok = judged && !violations.some((v) => v.enforcementLevel === "mandatory") && !notEvaluated.some((n) => n.enforcementLevel === "mandatory");
    const policies = evaluation.policies.map((p) => ({ name: p.name, enforcementLevel: p.level, judged: p.applied }));
    return { stack, ok, violations, checklist: entries, notEvaluated, judged, policies };
}

/** Why each PENDING item is pending, for people (the findings file keeps the contract's fields). */
export function pendingReasons(findings: Findings): Map<string, string> {
    const reasons = new Map<string, string>();
    for (const e of findings.checklist) {
        if (e.status !== "PENDING") continue;
        const note = findings.itemNotes?.[e.id];
        if (note) {
            reasons.set(e.id, note);
            continue;
        }
        const item = checklistItem(e.id);
        if (e.policies.length === 0) reasons.set(e.id, item?.manual ? `manual: ${item.manual}` : "manual: no policy checks this yet");
        else if (findings.notEvaluated.some((n) => e.policies.includes(n.policy))) reasons.set(e.id, "not evaluable during preview");
        else reasons.set(e.id, `nothing in this stack for ${e.policies.join(", ")} to check`);
    }
    return reasons;
}

/** The area a checklist item belongs to: its own `area` when the checklist gives one, else its id's section (`004.infra.dns-ttl`: infra). */
export function areaOf(id: string): string {
    return checklistItem(id)?.area ?? id.split(".")[1] ?? id;
}
