import type { Policy } from "@pulumi/policy";
import { checklist } from "../checklist";
import { runbookTagPrefix } from "../lib/define";
import { offlineChecks } from "./offline-checks";

/**
 * The manual checklist items: those no policy of the pack names (nor a check the offline gate
 * makes itself), so only a person can say they are done. `policies` is the whole pack; the
 * checklist and the policies are read, never copied, so a new policy or item moves an item
 * in or out of this list by itself.
 */
export function manualItemIds(policies: readonly Pick<Policy, "tags">[]): string[] {
    const named = new Set<string>();
    for (const p of policies) {
        for (const t of p.tags ?? []) if (t.startsWith(runbookTagPrefix)) named.add(t.slice(runbookTagPrefix.length));
    }
    for (const c of offlineChecks) for (const id of c.runbook) named.add(id);
    return checklist.map((c) => c.id).filter((id) => !named.has(id));
}
