/**
 * docs/checklist.md: every checklist item with the policies that enforce it. Policy URLs
 * point at its anchors. `npm run docs` writes it; a test keeps it in step with the code.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { policies } from "../policies/all";
import { checklist } from "../policies/checklist";
import { runbookTagPrefix } from "../policies/lib/define";

export const checklistDocPath = path.resolve(__dirname, "..", "docs", "checklist.md");

export function anchor(id: string): string {
    return id.replace(/\./g, "");
}

export function renderChecklistDoc(): string {
    const out = [
        "# golive launch checklist",
        "",
        "Generated from `policies/checklist.ts` and the policy pack by `npm run docs`; do not edit by hand.",
        "Items no policy enforces are manual: the readiness report keeps them PENDING until a person signs them off.",
        "",
    ];
    for (const item of checklist) {
        const by = policies.filter((p) => (p.tags ?? []).includes(`${runbookTagPrefix}${item.id}`));
        out.push(`## ${item.id}`, "", `<a id="${anchor(item.id)}"></a>${item.title}`, "", `Source: ${item.source}`, "", `Area: ${item.area}`, "");
        if (by.length) {
            out.push("Enforced by:", "", ...by.map((p) => `- \`${p.name}\` (${p.severity ?? "unspecified"}): ${p.description}`), "");
        } else {
            out.push(`Manual: ${"manual" in item ? item.manual : "no policy checks this yet; verify it by hand before go/no-go."}`, "");
        }
    }
    return out.join("\n");
}

if (require.main === module) {
    fs.writeFileSync(checklistDocPath, renderChecklistDoc());
    console.log(`wrote ${path.relative(process.cwd(), checklistDocPath)}`);
}
