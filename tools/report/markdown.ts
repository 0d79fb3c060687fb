/**
 * The readiness report as Markdown (`--markdown FILE`), the go-live dashboard a launch
 * commander reads and signs: the same sections as the terminal report, as tables.
 */
import { pendingReasons } from "./findings";
import { launchLines } from "./launch";
import { rollbackLines } from "./rollback";
import { shipHeader, shipRows } from "./ships";
import { areaTitle, checklistByArea, countLine, countsByType, headline, itemFindings, resourceLabel, totals, verdict, type ReportInput } from "./summary";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderMarkdown(r: ReportInput): string {
    const f = r.findings;
    const reasons = pendingReasons(f);
    const out: string[] = [`# ${r.title}`, "", `## ${headline(r)}`, "", `**${cell(verdict(f, r.resources))}**`, ""];
    if (r.launch) out.push(...launchLines(r.launch).map((l) => `- ${l}`), "");
    if (r.ships) {
        out.push("## What ships", "", `| ${shipHeader.map((h) => h[0]!.toUpperCase() + h.slice(1)).join(" | ")} |`, `|${"---|".repeat(shipHeader.length)}`);
        for (const row of shipRows(r.ships)) out.push(`| ${row.map(cell).join(" | ")} |`);
        out.push("");
    }
    if (r.launch?.freeze.baseline) {
        const l = r.launch;
        out.push(`## Changes against ${l.freeze.baseline} (${l.freeze.changes.length})`, "");
        if (!l.freeze.changes.length) out.push("None.");
        else {
            out.push("| Action | Resource | Inputs changed | Freeze |", "|---|---|---|---|");
            for (const c of l.freeze.changes) {
                const freeze = c.action === "delete" && c.protect ? "**protected**" : l.freeze.applies ? (c.excepted ? "excepted" : "**frozen**") : "";
                out.push(`| ${c.action} | \`${c.type}\` ${cell(c.name)} | ${cell(c.keys.join(", "))} | ${freeze} |`);
            }
        }
        out.push("");
    }
    out.push(`## Checklist by area (${f.checklist.length} items: ${countLine(f.checklist, " · ")})`, "");
    for (const group of checklistByArea(f)) {
        out.push(`### ${areaTitle(group.area)} — ${countLine(group.entries, " · ")}`, "", "| Status | Item | Resource | Finding and fix, or what a person checks |", "|---|---|---|---|");
        for (const e of group.entries) {
            const found = itemFindings(f, e.id);
            const item = `**${e.id}** ${cell(e.title)}`;
            if (!found.length) {
                const by = [e.policies.map((p) => `\`${p}\``).join(", "), cell(reasons.get(e.id) ?? f.itemNotes?.[e.id] ?? "")].filter(Boolean).join(" — ");
                out.push(`| ${e.status} | ${item} | | ${by} |`);
                continue;
            }
            for (const { violation: v, firstItem } of found) {
                const what = firstItem === e.id ? cell(v.message) : `same finding as ${firstItem}`;
                out.push(`| ${e.status} | ${item} | ${cell(resourceLabel(v.urn))} | ${v.enforcementLevel} \`${v.policy}\`: ${what} |`);
            }
        }
        out.push("");
    }
    if (f.notEvaluated.length) {
        out.push(`## Not evaluable during preview (${f.notEvaluated.length})`, "", "| Level | Policy | Resource | Why |", "|---|---|---|---|");
        for (const n of f.notEvaluated) out.push(`| ${n.enforcementLevel} | \`${n.policy}\` | ${cell(resourceLabel(n.urn))} | ${cell(n.reason)} |`);
        out.push("");
    }
    if (r.rollback) out.push("## Rollback budget", "", ...rollbackLines(r.rollback).map((l) => `- ${cell(l)}`), "");
    out.push("## Totals", "", totals(f, r.resources.length), "");
    if (r.notes.length) out.push("## Notes", "", ...r.notes.map((n) => `- ${n}`), "");
    out.push("## Resources", "", "| Type | Count |", "|---|---|");
    for (const [type, n] of countsByType(r.resources)) out.push(`| \`${type}\` | ${n} |`);
    return out.join("\n") + "\n";
}
