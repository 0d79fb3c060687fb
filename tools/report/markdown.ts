import { checklistItem } from "../../policies/checklist";
import { pendingReasons } from "./findings";
import { shipHeader, shipRows } from "./ships";
import { countsByType, resourceLabel, severityOrder, statusCounts, statusOrder, verdict, type ReportInput } from "./summary";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderMarkdown(r: ReportInput): string {
    const f = r.findings;
    const reasons = pendingReasons(f);
    const counts = statusCounts(f);
    const out: string[] = [`# ${r.title}`, "", `**${cell(verdict(f, r.resources))}**`, ""];
    if (r.ships) {
        out.push("## What ships", "", `| ${shipHeader.map((h) => h[0]!.toUpperCase() + h.slice(1)).join(" | ")} |`, `|${"---|".repeat(shipHeader.length)}`);
        for (const row of shipRows(r.ships)) out.push(`| ${row.map(cell).join(" | ")} |`);
        out.push("");
    }
    out.push(`Checklist: ${statusOrder.map((s) => `${counts[s]} ${s}`).join(" · ")}`, "");
    if (r.notes.length) out.push("## Notes", "", ...r.notes.map((n) => `- ${n}`), "");
    out.push(`## Violations (${f.violations.length})`, "");
    if (f.violations.length) {
        out.push("| Severity | Level | Policy | Resource | Finding and fix | Checklist |", "|---|---|---|---|---|---|");
        for (const sev of severityOrder) {
            for (const v of f.violations.filter((x) => x.severity === sev)) {
                out.push(`| ${sev} | ${v.enforcementLevel} | \`${v.policy}\` | ${cell(resourceLabel(v.urn))} | ${cell(v.message)} | ${v.runbook.join(", ")} |`);
            }
        }
    } else {
        out.push("None.");
    }
    out.push("");
    if (f.notEvaluated.length) {
        out.push(`## Not evaluable during preview (${f.notEvaluated.length})`, "", "| Level | Policy | Resource | Why |", "|---|---|---|---|");
        for (const n of f.notEvaluated) out.push(`| ${n.enforcementLevel} | \`${n.policy}\` | ${cell(resourceLabel(n.urn))} | ${cell(n.reason)} |`);
        out.push("");
    }
    out.push("## Checklist", "", "| Status | Item | Source | Checked by |", "|---|---|---|---|");
    for (const status of statusOrder) {
        for (const e of f.checklist.filter((x) => x.status === status)) {
            const by = [e.policies.map((p) => `\`${p}\``).join(", "), cell(reasons.get(e.id) ?? "")].filter(Boolean).join(" — ");
            out.push(`| ${e.status} | **${e.id}** ${cell(e.title)} | ${cell(checklistItem(e.id)?.source ?? "")} | ${by} |`);
        }
    }
    out.push("", "## Resources", "", "| Type | Count |", "|---|---|");
    for (const [type, n] of countsByType(r.resources)) out.push(`| \`${type}\` | ${n} |`);
    return out.join("\n") + "\n";
}
