/**
 * The launch checks the offline gate makes itself, because they need the last deployed state
 * (`npm run plan -- --baseline <export>`), which the engine never hands a policy pack: its
 * Analyze and AnalyzeStack see the new state only. They are defined here, in the pack, so
 * their names, checklist items and texts are written once; tools/plan/freeze.ts judges them
 * and reports them as findings of these names, at the level the stack's policy config gives
 * `levelOf` (production mandatory, staging advisory). Under `pulumi preview` the engine's own
 * diff shows the same changes, and `protect` refuses the deletions.
 */
import type { ChecklistId } from "../checklist";

export interface OfflineCheck {
    name: string;
    description: string;
    severity: "low" | "medium" | "high" | "critical";
    runbook: readonly ChecklistId[];
    remediation: string;
    /** The pack policy whose level in this run the check takes. */
    levelOf: string;
}

export const launchFreezeCheck: OfflineCheck = {
    name: "launch-plan-enforce-freeze",
    description: "In launch-eve and launch, the plan changes nothing in production but the approved freeze exceptions (offline gate only: needs --baseline).",
    severity: "high",
    runbook: ["004.freeze.changes"],
    remediation: "Revert the change, or have it approved as a critical hotfix and name the resource under golive:launch.freezeExceptions.",
    levelOf: "launch-record-require-go-decision",
};

export const launchProtectedDeleteCheck: OfflineCheck = {
    name: "launch-resource-disallow-protected-delete",
    description: "No plan deletes a protected (data-holding) resource the last deployed state has, in any phase (offline gate only: needs --baseline).",
    severity: "critical",
    runbook: ["003.pipeline.backup-before-deploy"],
    remediation: "Put the resource back in the program (restore its config block); to retire it on purpose, first deploy it with protect off in a reviewed change, after a backup.",
    levelOf: "launch-record-require-go-decision",
};

export const offlineChecks: readonly OfflineCheck[] = [launchFreezeCheck, launchProtectedDeleteCheck];
