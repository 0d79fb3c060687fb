/**
 * The labels of the pods a workload creates, and the label selectors that pick them, as the
 * API server reads them. Not a policy.
 */
import { podMetadataOf, type Json } from "../lib";

/** Labels of the pods a workload creates (its pod template's, or a bare Pod's own). */
export function podLabelsOf(type: string, props: Json): Record<string, string> {
    const labels: Json = podMetadataOf(type, props)?.labels;
    const out: Record<string, string> = {};
    if (labels && typeof labels === "object") {
        for (const [k, v] of Object.entries(labels)) if (typeof v === "string") out[k] = v;
    }
    return out;
}

export function formatLabels(labels: Record<string, string>): string {
    const pairs = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
    return pairs.length > 0 ? pairs.join(",") : "(none)";
}

/** Whether a selector is `{}` (selects every pod), as a default-deny NetworkPolicy's is. */
export function selectsEverything(selector: Json): boolean {
    if (selector === undefined || selector === null || typeof selector !== "object") return false;
    const labels: Json = selector.matchLabels;
    const exprs: Json = selector.matchExpressions;
    return (labels === undefined || labels === null || Object.keys(labels).length === 0)
        && (exprs === undefined || exprs === null || (Array.isArray(exprs) && exprs.length === 0));
}
