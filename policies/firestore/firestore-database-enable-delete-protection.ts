import { resourcePolicy, resourceTypes } from "../lib";
import { databaseRef, dataKeepingDeletionPolicies, dataKeepingDeletionPolicy, deleteProtectionEnabled, firestoreTypes } from "./resources";

/**
 * A rollback never touches user data (runbook 003, "Rollback Scope"): nothing golive or
 * Pulumi does may delete the database. Three independent locks, each checked:
 * - Firestore's delete protection, so the API refuses a delete from any client;
 * - Pulumi's `protect` option (the engine sends it to analyzers), so `pulumi destroy`, a
 *   replacement, or the database disappearing from the program fails instead of planning
 *   its deletion;
 * - a deletion policy that keeps the data (ABANDON or PREVENT) should the resource be
 *   deleted or replaced anyway.
 */
export const firestoreDatabaseEnableDeleteProtection = resourcePolicy({
    name: "firestore-database-enable-delete-protection",
    description: "Every Firestore database has delete protection on, is protected in Pulumi, and keeps its data when the resource is deleted.",
    severity: "critical",
    runbook: ["003.pipeline.backup-before-deploy", "000.firestore.backups"],
    remediation: "Set deleteProtectionState: DELETE_PROTECTION_ENABLED, the resource option protect: true and deletionPolicy: ABANDON (golive's Firestore component does all three in production).",
    appliesTo: resourceTypes("Firestore databases", firestoreTypes.database),
    validateResource: (args, reportViolation) => {
        const db = databaseRef(args.props, args.name);
        const state: unknown = args.props.deleteProtectionState;
        if (state !== deleteProtectionEnabled) {
            const now = typeof state === "string" && state !== "" ? `is ${state}` : "is unset (disabled by default)";
            reportViolation(`${db}: delete protection ${now}, so one API call from any client with the permission deletes the database and every document in it. Set deleteProtectionState: ${deleteProtectionEnabled} (golive:firestore.deleteProtection: true).`);
        }
        if (!args.opts.protect) {
            reportViolation(`${db}: the resource is not protected (protect: false), so \`pulumi destroy\`, a replacement, or removing it from the program plans its deletion. Set the resource option protect: true (golive's Firestore component sets it in production).`);
        }
        const policy: unknown = args.props.deletionPolicy;
        if (typeof policy === "string" && policy !== "" && !dataKeepingDeletionPolicies.includes(policy)) {
            reportViolation(`${db}: deletionPolicy is ${policy}, so when Pulumi deletes or replaces the resource the data goes with it. Set deletionPolicy: ${dataKeepingDeletionPolicy} (the data stays; Pulumi forgets the resource) or PREVENT.`);
        }
    },
});
