/**
 * The rollback budget the reports show: computed by the pack's own code (policies/platform/
 * rollback-budget.ts) with the settings the pack was configured with in this run, so the
 * figure a person reads is the one platform-stack-enforce-rollback-budget judged.
 */
import { budgetSettings, budgetSummary, hasRollout, rollbackBudget, type RollbackBudget } from "../../policies/platform/rollback-budget";
import { platformStackEnforceRollbackBudget } from "../../policies/platform/platform-stack-enforce-rollback-budget";
import type { PolicyMeta } from "../analyzer/evaluate";
import type { EngineResource } from "../analyzer/resource";

/** The budget of these resources, or undefined when there is nothing to roll back (no Deployment). */
export function rollbackOf(resources: readonly EngineResource[], policies: readonly Pick<PolicyMeta, "name" | "config">[]): RollbackBudget | undefined {
    const config = policies.find((p) => p.name === platformStackEnforceRollbackBudget.name)?.config ?? {};
    const b = rollbackBudget(resources.map((r) => ({ type: r.type, props: r.inputs })), budgetSettings(config));
    return hasRollout(b) ? b : undefined;
}

/** The report's short section: both figures, each with its slowest step and how it was computed. */
export function rollbackLines(b: RollbackBudget): string[] {
    const over = b.rollbackSeconds > b.budgetSeconds;
    return [...budgetSummary(b), over ? "over budget: see platform-stack-enforce-rollback-budget" : "within budget"];
}
