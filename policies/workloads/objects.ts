/**
 * Kubernetes object semantics the workload policies share: namespaces, names, pod
 * labels, label selectors and int-or-percent values, each as the API server reads them.
 * Not a policy; the policies of this folder import it.
 */
import type { PolicyResource } from "@pulumi/policy";
import { goliveLabels, isKind, nameOf, namespaceOf, podMetadataOf, type Json } from "../lib";

export { nameOf, namespaceOf, objectRef, selectorMatches } from "../lib";

/** The labels golive puts on a canary Deployment: `track: canary` and the stable Deployment's name. */
export const trackLabel = goliveLabels.track;
export const canaryOfLabel = goliveLabels.canaryOf;

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

export type IntOrPercent = { int: number } | { percent: number };

/** An IntOrString such as maxUnavailable: 1, "25%", or "1". */
export function intOrPercent(value: unknown): IntOrPercent | undefined {
    if (typeof value === "number" && Number.isFinite(value)) return { int: value };
    if (typeof value === "string") {
        const pct = /^(\d+(?:\.\d+)?)%$/.exec(value.trim());
        if (pct) return { percent: Number(pct[1]) };
        if (/^\d+$/.test(value.trim())) return { int: Number(value) };
    }
    return undefined;
}

/** A percentage scaled to a pod count, rounded up as the disruption and deployment controllers do. */
export function scaled(v: IntOrPercent, of: number): number {
    return "int" in v ? v.int : Math.ceil((v.percent * of) / 100);
}

export function formatIntOrPercent(value: unknown): string {
    return typeof value === "string" ? `"${value}"` : String(value);
}

/** Resources of the stack of one group and kind (any version), as stack policies see them. */
export function resourcesOfKind(resources: readonly PolicyResource[], group: string, kind: string): PolicyResource[] {
    return resources.filter((r) => isKind(r.type, group, kind));
}

/** The number in a policy config property, or its default when the config leaves it out. */
export function configNumber(config: Record<string, unknown>, key: string, fallback: number): number {
    const v = config[key];
    return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

/**
 * The Services of the stack that send traffic to a workload's pods: same namespace, a
 * non-empty spec.selector whose every label the pods carry (a Service selects by equality
 * only). A Service without a selector (manual Endpoints) or of type ExternalName selects no pod.
 */
export function servicesSelecting(resources: readonly PolicyResource[], workload: PolicyResource): PolicyResource[] {
    const labels = podLabelsOf(workload.type, workload.props);
    const ns = namespaceOf(workload.props);
    return resourcesOfKind(resources, "core", "Service").filter((svc) => {
        if (namespaceOf(svc.props) !== ns || svc.props.spec?.type === "ExternalName") return false;
        const selector: Json = svc.props.spec?.selector;
        if (!selector || typeof selector !== "object" || Object.keys(selector).length === 0) return false;
        return Object.entries(selector).every(([k, v]) => labels[k] === v);
    });
}

/** `Service teei/api` or `Services teei/api and teei/api-v2`, for messages. */
export function servicesText(services: readonly PolicyResource[]): string {
    const names = services.map((s) => `${namespaceOf(s.props)}/${nameOf(s.props)}`);
    if (names.length === 1) return `Service ${names[0]!}`;
    return `Services ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]!}`;
}

/** `Service teei/api sends` or `Services teei/api and teei/api-v2 send`. */
export function servicesSend(services: readonly PolicyResource[]): string {
    return `${servicesText(services)} ${services.length === 1 ? "sends" : "send"}`;
}
