import { configKey, kubernetesKinds, objectRef, resourcePolicy, type Json } from "../lib";
import { canarySteps, canarySuffix } from "./rules";

function percent(x: number): string {
    return `${Math.round(x * 10) / 10}%`;
}

function sameSplit(a: readonly number[], b: readonly number[]): boolean {
    return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 1e-9);
}

/** The splits the steps allow, as the non-zero shares of a rule, sorted: [100], [10, 90], [50, 50]. */
const allowedSplits: readonly (readonly number[])[] = canarySteps
    .map((step) => [step, 100 - step].filter((share) => share > 0).sort((a, b) => a - b))
    .filter((split, i, all) => all.findIndex((s) => sameSplit(s, split)) === i);

const orList = (items: readonly string[]) => `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]!}`;
/** `100/0, 90/10, 50/50 or 0/100` */
const splitsText = orList(canarySteps.map((step) => `${100 - step}/${step}`));

/**
 * Canary traffic moves only in the runbook's steps (10 % -> 50 % -> 100 %), on the Gateway
 * API HTTPRoute where golive splits it (backendRefs[].weight, relative, 1 when unset): each
 * rule's split is stable/canary 100/0, 90/10, 50/50 or 0/100. A rule whose weights are all 0
 * is refused too: the gateway then answers every request with a 500. Argo Rollouts and
 * Flagger drive such steps at run time; no static checker looks at route weights.
 */
export const workloadsHttprouteEnforceCanarySteps = resourcePolicy({
    name: "workloads-httproute-enforce-canary-steps",
    description: `HTTPRoute traffic splits follow the canary steps: stable/canary ${splitsText}.`,
    severity: "high",
    runbook: ["002.canary.steps"],
    remediation: `Set the stable/canary backendRefs weights to ${splitsText}, moving one step at a time.`,
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
            // Without a backend named as a canary, a 90/10 split is accepted either way round.
            const canary = shares.filter((s) => s.name.endsWith(canarySuffix));
            const canaryOk = canary.length !== 1 || canarySteps.some((step) => Math.abs(step - canary[0]!.share) < 1e-9);
            if (allowedSplits.some((split) => sameSplit(split, nonZero)) && canaryOk) return;
            const split = shares.map((s) => `${percent(s.share)} to "${s.name}"`).join(" and ");
            const weights = backends.map((b) => b.weight).join(", ");
            reportViolation(`${route} rules[${i}] sends ${split} (weights ${weights}), not a canary step. ${weightKey ? `Set ${weightKey} to ${orList(canarySteps.map(String))}.` : `Set the stable/canary weights to ${splitsText}.`}`);
        });
    },
});
