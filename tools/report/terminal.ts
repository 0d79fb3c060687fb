/**
 * The readiness report on a terminal, laid out as a go-live dashboard: the verdict with the
 * phase and the clock on top, the launch record, what ships, what the plan changes against
 * the deployed state, then the checklist area by area (each item PASS / WARN / FAIL /
 * PENDING with the resource and the fix, or what a person checks), the totals, and the
 * verdict again at the bottom, where a scrolled terminal ends.
 */
import { checklistItem } from "../../policies/checklist";
import { pendingReasons } from "./findings";
import { launchLines } from "./launch";
import { rollbackLines } from "./rollback";
import { shipHeader, shipRows } from "./ships";
import { areaTitle, checklistByArea, countLine, countsByType, headline, itemFindings, resourceLabel, totals, verdict, type ReportInput } from "./summary";

const useColor = process.stdout.isTTY && !process.env["NO_COLOR"];
const paint = (code: string) => (s: string) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);
const red = paint("31"), yellow = paint("33"), green = paint("32"), dim = paint("2"), bold = paint("1");
const statusPaint = { PASS: green, WARN: yellow, FAIL: red, PENDING: dim } as const;

export function renderTerminal(r: ReportInput): string {
    const f = r.findings;
    const reasons = pendingReasons(f);
    const verdictPaint = (s: string) => (f.ok ? green : red)(bold(s));
    const out: string[] = [bold(r.title), verdictPaint(headline(r)), verdictPaint(verdict(f, r.resources)), ""];
    if (r.launch) {
        out.push(bold("Launch"), ...launchLines(r.launch).map((l) => `  ${l}`), "");
    }
    if (r.ships) {
        // What ships comes first: the people at the go/no-go decide on these versions.
        const rows = [shipHeader.map((h) => h.toUpperCase()), ...shipRows(r.ships)];
        const widths = shipHeader.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
        out.push(bold(`What ships (${r.ships.length} service${r.ships.length === 1 ? "" : "s"})`));
        for (const row of rows) out.push(`  ${row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join("  ")}`);
        out.push("");
    }
    const changes = r.launch?.freeze.changes ?? [];
    if (r.launch?.freeze.baseline) {
        out.push(bold(`Changes against ${r.launch.freeze.baseline} (${changes.length})`));
        if (!changes.length) out.push(`  ${green("none")}`);
        for (const c of changes) {
            const mark = c.action === "delete" && c.protect ? red("protected") : r.launch.freeze.applies ? (c.excepted ? yellow("excepted") : red("frozen")) : "";
            out.push(`  ${c.action.padEnd(6)}  ${c.type} ${c.name}${c.keys.length ? ` (${c.keys.join(", ")})` : ""}${mark ? `  ${mark}` : ""}`);
        }
        out.push("");
    }

    out.push(bold(`Checklist by area (${f.checklist.length} items: ${countLine(f.checklist)})`));
    const width = Math.max(...f.checklist.map((e) => e.id.length));
    const indent = `  ${" ".repeat(7)}  `;
    for (const group of checklistByArea(f)) {
        out.push(`  ${bold(areaTitle(group.area))} (${countLine(group.entries)})`);
        for (const e of group.entries) {
            const note = reasons.get(e.id) ?? f.itemNotes?.[e.id];
            out.push(`    ${statusPaint[e.status](e.status.padEnd(7))}  ${e.id.padEnd(width)}  ${e.title}${note ? dim(` — ${note}`) : ""}`);
            for (const { violation: v, firstItem } of itemFindings(f, e.id)) {
                const mark = v.enforcementLevel === "mandatory" ? red("✗ mandatory") : yellow("! advisory");
                const what = firstItem === e.id ? v.message : `same finding as ${firstItem}`;
                out.push(`  ${indent}${mark} ${v.policy}  ${dim(resourceLabel(v.urn))}: ${what}`);
            }
            if (e.status === "FAIL" || e.status === "WARN") out.push(dim(`  ${indent}${checklistItem(e.id)?.source ?? ""}`));
        }
    }
    if (f.notEvaluated.length) {
        out.push("", bold(`Not evaluable during preview (${f.notEvaluated.length})`));
        for (const n of f.notEvaluated) {
            out.push(`    ${n.enforcementLevel === "mandatory" ? red("? mandatory") : yellow("? advisory ")}  ${n.policy}  ${dim(resourceLabel(n.urn))}`);
            out.push(`      ${n.reason}; make the value known at preview (a literal in config) or verify it after \`pulumi up\``);
        }
    }
    if (r.rollback) {
        out.push("", bold("Rollback budget"));
        for (const l of rollbackLines(r.rollback)) out.push(`  ${l}`);
    }
    if (r.notes.length) {
        out.push("", bold("Notes"));
        for (const n of r.notes) out.push(`  - ${n}`);
    }
    out.push("", bold(`Resources (${r.resources.length})`));
    for (const [type, n] of countsByType(r.resources)) out.push(`  ${String(n).padStart(4)}  ${type}`);
    out.push("", bold("Totals"), `  ${totals(f, r.resources.length)}`);
    out.push("", verdictPaint(verdict(f, r.resources)));
    return out.join("\n");
}
