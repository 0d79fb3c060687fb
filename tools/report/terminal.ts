import { checklistItem } from "../../policies/checklist";
import { pendingReasons } from "./findings";
import { shipHeader, shipRows } from "./ships";
import { countsByType, resourceLabel, severityOrder, statusCounts, statusOrder, verdict, type ReportInput } from "./summary";

const useColor = process.stdout.isTTY && !process.env["NO_COLOR"];
const paint = (code: string) => (s: string) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);
const red = paint("31"), yellow = paint("33"), green = paint("32"), dim = paint("2"), bold = paint("1");
const statusPaint = { PASS: green, WARN: yellow, FAIL: red, PENDING: dim } as const;

export function renderTerminal(r: ReportInput): string {
    const f = r.findings;
    const reasons = pendingReasons(f);
    const out: string[] = [bold(r.title), ""];
    if (r.ships) {
        // What ships comes first: the people at the go/no-go decide on these versions.
        const rows = [shipHeader.map((h) => h.toUpperCase()), ...shipRows(r.ships)];
        const widths = shipHeader.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
        out.push(bold(`What ships (${r.ships.length} service${r.ships.length === 1 ? "" : "s"})`));
        for (const row of rows) out.push(`  ${row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join("  ")}`);
        out.push("");
    }
    out.push(bold(`Resources (${r.resources.length})`));
    for (const [type, n] of countsByType(r.resources)) out.push(`  ${String(n).padStart(4)}  ${type}`);
    if (r.notes.length) {
        out.push("", bold("Notes"));
        for (const n of r.notes) out.push(`  - ${n}`);
    }

    out.push("", bold(`Violations (${f.violations.length})`));
    if (f.violations.length === 0) out.push(`  ${green("none")}`);
    for (const sev of severityOrder) {
        const group = f.violations.filter((v) => v.severity === sev);
        if (!group.length) continue;
        out.push(`  ${bold(sev.toUpperCase())} (${group.length})`);
        for (const v of group) {
            const mark = v.enforcementLevel === "mandatory" ? red("✗ mandatory") : yellow("! advisory ");
            out.push(`    ${mark}  ${v.policy}  ${dim(resourceLabel(v.urn))}`);
            out.push(`      ${v.message}`);
            if (v.runbook.length) out.push(dim(`      checklist: ${v.runbook.join(", ")}`));
        }
    }
    if (f.notEvaluated.length) {
        out.push("", bold(`Not evaluable during preview (${f.notEvaluated.length})`));
        for (const n of f.notEvaluated) {
            out.push(`    ${n.enforcementLevel === "mandatory" ? red("? mandatory") : yellow("? advisory ")}  ${n.policy}  ${dim(resourceLabel(n.urn))}`);
            out.push(`      ${n.reason}; make the value known at preview (a literal in config) or verify it after \`pulumi up\``);
        }
    }

    const counts = statusCounts(f);
    out.push("", bold(`Checklist (${f.checklist.length} items: ${statusOrder.map((s) => `${counts[s]} ${s}`).join(", ")})`));
    const width = Math.max(...f.checklist.map((e) => e.id.length));
    for (const status of statusOrder) {
        for (const e of f.checklist.filter((x) => x.status === status)) {
            const note = e.status === "PENDING" ? dim(` — ${reasons.get(e.id) ?? ""}`) : "";
            out.push(`  ${statusPaint[e.status](e.status.padEnd(7))}  ${e.id.padEnd(width)}  ${e.title}${note}`);
            if (e.status === "FAIL" || e.status === "WARN") out.push(dim(`  ${" ".repeat(7)}  ${" ".repeat(width)}  ${checklistItem(e.id)?.source ?? ""}`));
        }
    }
    out.push("", (f.ok ? green : red)(bold(verdict(f, r.resources))));
    return out.join("\n");
}
