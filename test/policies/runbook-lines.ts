/**
 * The checklist lines of the runbooks (../shared/runbooks, or GOLIVE_RUNBOOKS), parsed from the files themselves so
 * a line added to a runbook is noticed: the catalogue test maps every one to a checklist item.
 *
 * Which lines are checklist lines, per runbook (what issue #11 asks the catalogue to cover):
 * - 004: every `- [ ]` line outside code blocks (the pre-launch list, the run-of-show timeline,
 *   the rollback plan, the smoke tests) and every `✅` line of the Go/No-Go decision criteria.
 *   The Day 1 summary's action items are inside a ```markdown template, not a checklist.
 * - 000: the `- [ ]` lines of the Infrastructure and Monitoring pre-deployment lists, and of the
 *   technical success metrics.
 * - 001: the verification areas (`#### N. <area>` under Individual Check Scripts).
 * - 002: the deployment phases (`### Phase N: ...`).
 * - 003: the tiers (the box under Three-Tier Environment Structure) and every step that
 *   requires an approval (`→ ... APPROVAL REQUIRED ←`), and the backup step before deploy.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runbooks } from "../../policies/checklist";
import { runbooksDir, runbooksPresent } from "../corpus";


export interface RunbookLine {
    /** `<runbook> § <section> § <line>`: the key the catalogue maps to an item. */
    key: string;
    runbook: keyof typeof runbooks;
    /** 1-based line number in the file, for messages. */
    line: number;
    text: string;
}

/** The words of a line: checkbox, bold markers and the label's colon left out. */
function words(s: string): string {
    return s.replace(/^\s*[-*]\s*(\[ \]\s*)?/, "").replace(/\*\*/g, "").replace(/\s+/g, " ").trim();
}

/** A checkbox line's label: the bold part when there is one, else the whole line. */
function label(s: string): string {
    const bold = /\*\*([^*]+)\*\*/.exec(s);
    return (bold ? bold[1]! : words(s)).replace(/:$/, "").trim();
}

function headingText(l: string): string {
    return l.replace(/^#+\s*/, "").replace(/^[^A-Za-z0-9]+/, "").trim();
}

export function parseRunbook(n: keyof typeof runbooks, text: string): RunbookLine[] {
    const out: RunbookLine[] = [];
    const lines = text.split("\n");
    let inCode = false;
    let section = "";
    let subsection = "";
    const push = (i: number, sectionName: string, item: string) => out.push({ key: `${n} § ${sectionName} § ${item}`, runbook: n, line: i + 1, text: lines[i]!.trim() });
    lines.forEach((l, i) => {
        if (/^\s*```/.test(l)) {
            inCode = !inCode;
            return;
        }
        if (/^#{2,3} /.test(l) && !inCode) {
            section = headingText(l);
            subsection = "";
        } else if (/^#{4} /.test(l) && !inCode) subsection = headingText(l);
        else if (/^\*\*[^*]+\*\*:?\s*$/.test(l.trim()) && !inCode) subsection = l.trim().replace(/\*\*|:$/g, "");
        const where = subsection ? `${section} / ${subsection}` : section;
        switch (n) {
            case "004":
                if (inCode) return;
                if (/^- \[ \] /.test(l)) push(i, where, label(l));
                else if (subsection === "Decision Criteria" && /^- (✅|‚úÖ) /.test(l)) push(i, where, words(l.replace(/^- \S+\s*/, "- ")));
                else if (/^\s+- \[ \] /.test(l)) push(i, where, label(l));
                return;
            case "000":
                if (/^- \[ \] /.test(l) && /^(Infrastructure|Monitoring|Technical Metrics)$/.test(section)) push(i, section, label(l));
                return;
            case "001":
                if (section === "Individual Check Scripts" && /^#### \d+\. /.test(l)) push(i, section, l.replace(/^#### \d+\.\s*/, "").trim());
                return;
            case "002":
                if (/^### Phase \d+: /.test(l)) push(i, "Deployment Process", l.replace(/^### /, "").trim());
                return;
            case "003": {
                const tier = /^│\s+(DEV|STAGING|PRODUCTION)\s+│$/.exec(l);
                if (tier && section === "Three-Tier Environment Structure") push(i, section, tier[1]!);
                else if (/APPROVAL REQUIRED/.test(l) && !inCode) push(i, section, words(l.replace(/^\d+\.\s*/, "")).replace(/[→←]/g, "").replace(/\*/g, "").trim());
                else if (/^\d+\. Backup current production$/.test(l)) push(i, section, "Backup current production");
                return;
            }
        }
    });
    return out;
}

/** Every checklist line of the five runbooks, or null when the runbooks are not beside the checkout. */
export function runbookLines(): RunbookLine[] | null {
    if (!runbooksPresent) return null;
    return (Object.keys(runbooks) as (keyof typeof runbooks)[]).flatMap((n) => parseRunbook(n, fs.readFileSync(path.join(runbooksDir, runbooks[n].file), "utf8")));
}
