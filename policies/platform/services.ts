/**
 * The services a stack declares, read back from its stable Deployments (golive's labels), and
 * the strings a resource carries, read without tripping over values unknown during preview.
 * Not a policy.
 */
import type { PolicyResource } from "@pulumi/policy";
import { appLabels, goliveApp, isKind, type Json } from "../lib";
import { isCanaryTrack } from "../workloads/rules";

/**
 * Whether golive's program declared this resource: one of its components (type `golive:...`)
 * is in the URN's parent chain. The cross-area policies judge only what golive declares: the
 * facts they compare against (the peer stack, the staging identifiers, the rollback model)
 * belong to golive's stacks, not to a stack export someone else wrote.
 */
export function declaredByGolive(urn: string): boolean {
    const chain = urn.split("::")[2] ?? "";
    return chain.split("$").some((t) => t.startsWith("golive:"));
}

/** Whether a Kubernetes object carries golive's part-of label (what the workloads component writes). */
export function labelledGolive(props: Json): boolean {
    return props?.metadata?.labels?.[appLabels.partOf] === goliveApp;
}

/** The service names of the stack's stable golive Deployments, sorted. */
export function stackServices(resources: readonly Pick<PolicyResource, "type" | "props">[]): string[] {
    const names = new Set<string>();
    for (const r of resources) {
        if (!isKind(r.type, "apps", "Deployment")) continue;
        const labels: Json = r.props?.metadata?.labels ?? {};
        if (!labelledGolive(r.props) || isCanaryTrack(r.props)) continue;
        const name: unknown = labels[appLabels.name];
        if (typeof name === "string") names.add(name);
    }
    return [...names].sort();
}

/**
 * Every string in a resource's properties, with its path. Reads the values under the engine's
 * unknown-checking proxy, so a value unknown during preview (an output of another resource) is
 * skipped rather than failing the check: it cannot name the other stack, whose outputs only a
 * StackReference brings in, and that is judged by its own name.
 */
export function stringsOf(props: Json): Array<{ path: string; value: string }> {
    const out: Array<{ path: string; value: string }> = [];
    const walk = (v: Json, path: string) => {
        if (typeof v === "string") out.push({ path, value: v });
        else if (v && typeof v === "object") {
            for (const k of Object.keys(v)) {
                let x: Json;
                try {
                    x = v[k]; // the proxy throws for a value unknown during preview
                } catch {
                    continue;
                }
                walk(x, Array.isArray(v) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
            }
        }
    };
    walk(props, "");
    return out;
}
