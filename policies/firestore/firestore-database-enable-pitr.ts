import { resourcePolicy, resourceTypes } from "../lib";
import { databaseRef, firestoreTypes, pitrEnabled } from "./resources";

/**
 * Point-in-time recovery keeps a version of every minute of the past 7 days (and of any
 * moment of the past hour) that can be read or restored. It is what makes runbook 004's
 * RPO of 5 minutes possible (a daily backup alone loses up to a day), and it is the
 * "backup before every deploy" of runbook 003 without a manual step: the minute before
 * any deploy stays restorable for a week.
 */
export const firestoreDatabaseEnablePitr = resourcePolicy({
    name: "firestore-database-enable-pitr",
    description: "Every Firestore database has point-in-time recovery enabled.",
    severity: "high",
    runbook: ["000.firestore.backups", "004.infra.backups", "003.pipeline.backup-before-deploy"],
    remediation: "Set pointInTimeRecoveryEnablement to POINT_IN_TIME_RECOVERY_ENABLED (golive:firestore.pointInTimeRecovery: true).",
    appliesTo: resourceTypes("Firestore databases", firestoreTypes.database),
    validateResource: (args, reportViolation) => {
        const value: unknown = args.props.pointInTimeRecoveryEnablement;
        if (value === pitrEnabled) return;
        const now = typeof value === "string" && value !== "" ? `is ${value}` : "is unset (disabled by default)";
        reportViolation(
            `${databaseRef(args.props, args.name)}: point-in-time recovery ${now}, so only the last hour can be read back and a restore goes back to the last scheduled backup, up to a day: runbook 004's 5-minute RPO cannot be met. `
            + `Set pointInTimeRecoveryEnablement: ${pitrEnabled} (golive:firestore.pointInTimeRecovery: true).`,
        );
    },
});
