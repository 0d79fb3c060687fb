import { configKey, kubernetesKinds, resourcePolicy, type Json } from "../lib";
import { objectRef } from "./objects";

/** The fund-store runbook's steps, as the canary's share of a rule's traffic. */
export const canarySteps: readonly number[] = [0, 10, 50, 100];

/** The splits those steps allow, as the non-zero shares of a rule, sorted. */
const allowedSplits: readonly (readonly number[])[] = [[100], [10, 90], [50, 50]];

/**
 * How golive names a canary's backend: `<stable service>-canary`. A backendRef does not
 * carry labels, so the route alone tells which side is the canary only by name; without
 * such a name a 90/10 split is accepted either way round.
 */
export const canaryBackendSuffix = "-canary";

function percent(x: number): string {
    return `${Math.round(x * 10) / 10}%`;
}

function sameSplit(a: readonly number[], b: readonly number[]): boolean {
    return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 1e-9);
}

/**
 * Canary traffic moves only in the runbook's steps (10 % -> 50 % -> 100 %), on the Gateway
 * API HTTPRoute where golive splits it (backendRefs[].weight, relative, 1 when unset): each
 * rule's split is stable/canary 100/0, 90/10, 50/50 or 0/100. A rule whose weights are all 0
 * is refused too: the gateway then answers every request with a 500. Argo Rollouts and
 * Flagger drive such steps at run time; no static checker looks at route weights.
 */
export const workloadsHttprouteEnforceCanarySteps = resourcePolicy({
    name: "workloads-httproute-enforce-canary-steps",
    description: "HTTPRoute traffic splits follow the canary steps: stable/canary 100/0, 90/10, 50/50 or 0/100.",
    severity: "high",
    runbook: ["002.canary.steps"],
    remediation: "Set the stable/canary backendRefs weights to 100/0, 90/10, 50/50 or 0/100, moving one step at a time.",
    appliesTo: kubernetesKinds("gateway.networking.k8s.io/HTTPRoute"),
    validateResource: (args, reportViolation) => {
        const rules: Json = args.props.spec?.rules;
        if (!Array.isArray(rules)) return;
        const route = objectRef(args.type, args.props);
        // For a route golive planned, the split is the service's canary weight in the stack file.
        const weightKey = configKey(args.urn, args.props, "canary.weight");
        rules.forEach((rule: Json, i: number) => {
            const refs: Json[] = Array.isArray(rule?.backendRefs) ? rule.backendRefs : [];
            if (refs.length === 0) return;
            const backends = refs.map((b) => ({
                name: String(b?.name),
                weight: typeof b?.weight === "number" ? b.weight : 1,
            }));
            const total = backends.reduce((sum, b) => sum + b.weight, 0);
            if (total <= 0) {
                reportViolation(`${route} rules[${i}] gives every backend weight 0, so the gateway answers every request with a 500. Give the stable backend weight 100 (or 90/10, 50/50 with the canary).`);
                return;
            }
            const shares = backends.map((b) => ({ ...b, share: (100 * b.weight) / total }));
            const nonZero = shares.map((s) => s.share).filter((s) => s > 0).sort((a, b) => a - b);
            const canary = shares.filter((s) => s.name.endsWith(canaryBackendSuffix));
            const canaryOk = canary.length !== 1 || canarySteps.some((step) => Math.abs(step - canary[0]!.share) < 1e-9);
            if (allowedSplits.some((split) => sameSplit(split, nonZero)) && canaryOk) return;
            const split = shares.map((s) => `${percent(s.share)} to "${s.name}"`).join(" and ");
            const weights = backends.map((b) => b.weight).join(", ");
            reportViolation(`${route} rules[${i}] sends ${split} (weights ${weights}), not a canary step. ${weightKey ? `Set ${weightKey} to 0, 10, 50 or 100.` : "Set the stable/canary weights to 100/0, 90/10, 50/50 or 0/100."}`);
        });
    },
});
