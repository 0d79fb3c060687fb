/**
 * The run-of-show's feature flags as a ConfigMap every pod mounts read-only. The kill switch
 * (runbook 002, "Runtime Kill Switch") is a config change: set the flag's `enabled: false`
 * in Pulumi.<stack>.yaml and `pulumi up`. The file changes in every pod within the kubelet's
 * sync period (about a minute) for apps that re-read it, and by default the pods also roll
 * (zero-downtime, maxUnavailable 0) so apps that read flags only at start-up see it too.
 */
import { defaults } from "./defaults";
import { canonicalJson, contentHash } from "./content-hash";

/** Who sees a flag when it is enabled. */
export const flagAudiences = ["all", "pilot", "internal"] as const;

export type FlagAudience = (typeof flagAudiences)[number];

export interface FeatureFlag {
    enabled: boolean;
    /**
     * Who sees the flag when it is enabled.
     * @default "all"
     */
    audience?: FlagAudience;
    /** Why it is set this way. */
    note?: string;
}

export const featureFlagsConfigMapName = "feature-flags";

/** The ConfigMap data: `flags.json`, keys sorted so equal flags are equal bytes. */
export function featureFlagsData(flags: Readonly<Record<string, FeatureFlag>>): Record<string, string> {
    const normalized = Object.fromEntries(
        Object.entries(flags).map(([name, f]) => [name, { enabled: f.enabled, audience: f.audience ?? "all", ...(f.note !== undefined ? { note: f.note } : {}) }]),
    );
    return { [defaults.featureFlagsFile]: `${JSON.stringify(JSON.parse(canonicalJson(normalized)), null, 2)}\n` };
}

export function featureFlagsHash(flags: Readonly<Record<string, FeatureFlag>>): string {
    return contentHash(featureFlagsData(flags));
}
