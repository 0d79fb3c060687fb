import { kubernetesKinds, stackPolicy } from "../lib";
import { budgetDefaults, budgetSettings, formatDuration, hasRollout, rollbackBudget } from "./rollback-budget";

/**
 * Runbook 004 budgets a rollback at 20 minutes end to end. This computes, from what the stack
 * declares (replicas, surge, probe timings, grace periods, cache lifetimes, DNS TTLs), the
 * worst-case time a rollback takes (see rollback-budget.ts for the model) and fails when it is
 * over the budget, naming the slowest step and how it was computed. The same figures, and the
 * deploy time, are in the report.
 */
export const platformStackEnforceRollbackBudget = stackPolicy({
    name: "platform-stack-enforce-rollback-budget",
    description: `A rollback of the stack completes within the runbook's ${budgetDefaults.budgetMinutes} minutes, computed from the declared rollouts, cache lifetimes and DNS TTLs.`,
    severity: "high",
    runbook: ["004.rollback.budget", "004.rollback.drill"],
    remediation: "Shorten the slowest step: raise the Deployment's maxSurge (more pods per wave), lower its HPA maxReplicas or its startup probe's failureThreshold x periodSeconds, or shorten the TTL named; or, if the team accepts a longer rollback, raise budgetMinutes in policies/config/<stack>.json.",
    appliesTo: kubernetesKinds("apps/Deployment"),
    configSchema: {
        properties: {
            budgetMinutes: { type: "number", exclusiveMinimum: 0, default: budgetDefaults.budgetMinutes },
            releaseSwitchSeconds: { type: "number", minimum: 0, default: budgetDefaults.releaseSwitchSeconds },
            imagePullSeconds: { type: "number", minimum: 0, default: budgetDefaults.imagePullSeconds },
        },
    },
    validateStack: (args, reportViolation) => {
        const settings = budgetSettings(args.getConfig<Record<string, unknown>>());
        const b = rollbackBudget(args.resources, settings);
        if (!hasRollout(b)) args.notApplicable("no Deployment golive declares (app.kubernetes.io/part-of: golive): the budget's model is golive's rollout");
        if (b.rollbackSeconds <= b.budgetSeconds) return;
        const slow = b.slowestRollback!;
        reportViolation(
            `A rollback takes up to ${formatDuration(b.rollbackSeconds)}, over the ${formatDuration(b.budgetSeconds)} budget: release switch ${settings.releaseSwitchSeconds} s + the slowest step, ${slow.step}, ${slow.seconds} s: ${slow.how}. ` +
                `Raise that Deployment's maxSurge, lower its maxReplicas or its startup probe's allowance, or shorten the TTL, until it fits; or set budgetMinutes in policies/config/<stack>.json if the team accepts a longer rollback.`,
        );
    },
});
