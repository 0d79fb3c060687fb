import type { Policies } from "@pulumi/policy";
import { platformDatastoreRequireProtect } from "./platform-datastore-require-protect";
import { platformResourceDisallowStagingDependency } from "./platform-resource-disallow-staging-dependency";
import { platformServiceMissingCoverage } from "./platform-service-missing-coverage";
import { platformStackEnforceRollbackBudget } from "./platform-stack-enforce-rollback-budget";
import { platformStackRequireSameServices } from "./platform-stack-require-same-services";

export * from "./rollback-budget";

/** Cross-area policies: what only the whole stack shows (the rollback budget, data protection, staging and production together). */
export const platformPolicies: Policies = [
    platformStackEnforceRollbackBudget,
    platformDatastoreRequireProtect,
    platformResourceDisallowStagingDependency,
    platformStackRequireSameServices,
    platformServiceMissingCoverage,
];
