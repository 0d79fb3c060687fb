// Firestore: the database's protection and backups, the Firebase CLI's index file, and index
// coverage of the app's queries. Helpers first, then one policy per file.
import type { Policies } from "@pulumi/policy";
import { firestoreDatabaseEnableDeleteProtection } from "./firestore-database-enable-delete-protection";
import { firestoreDatabaseEnablePitr } from "./firestore-database-enable-pitr";
import { firestoreDatabaseMissingBackupSchedule } from "./firestore-database-missing-backup-schedule";
import { firestoreIndexEnforceDefinition } from "./firestore-index-enforce-definition";
import { firestoreQueryMissingIndex } from "./firestore-query-missing-index";

export * from "./backups";
export * from "./declared-indexes";
export * from "./gate-record";
export * from "./index-coverage";
export * from "./indexes-file";
export * from "./json-with-comments";
export * from "./query";
export * from "./resources";
export * from "./stack-coverage";

export * from "./firestore-database-enable-delete-protection";
export * from "./firestore-database-enable-pitr";
export * from "./firestore-database-missing-backup-schedule";
export * from "./firestore-index-enforce-definition";
export * from "./firestore-query-missing-index";

/** Resource policies first (per database, on inputs), then stack policies (across resources, on outputs). */
export const firestorePolicies: Policies = [
    firestoreDatabaseEnablePitr,
    firestoreDatabaseEnableDeleteProtection,
    firestoreDatabaseMissingBackupSchedule,
    firestoreIndexEnforceDefinition,
    firestoreQueryMissingIndex,
];
