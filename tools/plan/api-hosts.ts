/**
 * Which hosts are API hosts is set twice, and the two must agree: the edge component declares
 * an API host's cache bypass, CORS rule and rate limits for the stack config's
 * `golive:edge.apiHosts`, and the edge policies judge as API hosts the labels of their policy
 * config's `apiHostLabels` (both default to the pack's `apiHostLabels`). `pulumi preview`
 * sees only the violations a disagreement causes; the plan sees both files and says which
 * setting to change before planning.
 */
import type { EffectivePolicyConfig } from "../analyzer/policy-config";

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
    const x = [...a].sort();
    const y = [...b].sort();
    return x.length === y.length && x.every((label, i) => label === y[i]);
}

/** One line per distinct `apiHostLabels` that differs from the stack's `apiHosts`; none when they agree or the stack declares no edge. */
export function apiHostProblems(stackFile: string, apiHosts: readonly string[] | undefined, policyConfigFile: string, policyConfig: ReadonlyMap<string, EffectivePolicyConfig>): string[] {
    if (!apiHosts) return [];
    const differing = new Map<string, string[]>();
    for (const [name, c] of policyConfig) {
        const labels = c.properties["apiHostLabels"];
        if (c.level === "disabled" || !Array.isArray(labels) || sameLabels(labels.map(String), apiHosts)) continue;
        const key = JSON.stringify(labels);
        differing.set(key, [...(differing.get(key) ?? []), name]);
    }
    return [...differing].map(
        ([labels, names]) =>
            `${policyConfigFile}: apiHostLabels of ${names.join(", ")} is ${labels}, but ${stackFile} sets golive:edge.apiHosts to ${JSON.stringify(apiHosts)}: ` +
            `the policies would judge the edge's API hosts as app hosts, or demand an API host's cache bypass, CORS rule and rate limit the edge does not declare. ` +
            `Set "apiHostLabels": ${JSON.stringify(apiHosts)} for ${names.length === 1 ? "it" : "each of them"} in ${policyConfigFile}, or change golive:edge.apiHosts.`,
    );
}
