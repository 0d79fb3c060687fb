/**
 * Applies-to for resources that are not Kubernetes objects (GCP, Cloudflare, ...): matched
 * by their Pulumi type token exactly, as the engine sends it (`args.type`). Providers that
 * renamed a resource keep both tokens in the list (Cloudflare's `record:Record` and
 * `dnsRecord:DnsRecord`), so a stack on either version is judged.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { AppliesTo } from "./define";

/** The resources of these type tokens, e.g. `resourceTypes("Cloud Monitoring alert policies", "gcp:monitoring/alertPolicy:AlertPolicy")`. */
export function resourceTypes(description: string, ...types: readonly string[]): AppliesTo {
    if (types.length === 0) throw new Error(`resourceTypes("${description}") needs at least one type token`);
    const set = new Set(types);
    return { description, matches: (type) => set.has(type) };
}

/** The stack's resources of these type tokens, in stack order, as stack policies see them. */
export function resourcesOfType(resources: readonly PolicyResource[], ...types: readonly string[]): PolicyResource[] {
    const set = new Set(types);
    return resources.filter((r) => set.has(r.type));
}
