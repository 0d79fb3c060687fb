import type { Policies } from "@pulumi/policy";
import { platformStackEnforceRollbackBudget } from "./platform-stack-enforce-rollback-budget";

export * from "./rollback-budget";

/** Cross-area policies: what only the whole stack shows (the rollback budget, ...). */
export const platformPolicies: Policies = [platformStackEnforceRollbackBudget];
