/**
 * How the API server reads a NetworkPolicy: its defaulted policyTypes, its pod selector,
 * what counts as a default deny and as an allow-everything rule. Shared by the network
 * policies of this folder; not a policy itself.
 */
import type { Json } from "../lib";

/** policyTypes as the API server defaults them: Ingress always, Egress when egress rules exist. */
export function policyTypes(spec: Json): string[] {
    const declared: Json = spec?.policyTypes;
    if (Array.isArray(declared) && declared.length > 0) return declared.filter((t): t is string => typeof t === "string");
    return Array.isArray(spec?.egress) && spec.egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
}

export function isolatesIngress(spec: Json): boolean {
    return policyTypes(spec).includes("Ingress");
}

/** podSelector is required, and an omitted one decodes as `{}`: every pod of the namespace. */
export function podSelector(spec: Json): Json {
    return spec?.podSelector ?? {};
}

/** A rule with no `from` and no `ports` (`{}`) admits every source on every port. */
export function isEmptyRule(rule: Json): boolean {
    const empty = (v: Json) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);
    return empty(rule?.from) && empty(rule?.ports);
}
