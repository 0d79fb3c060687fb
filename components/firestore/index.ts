/** The stack's Firestore database, its backups and indexes: one component, spec functions beside it. */
export { Firestore } from "./firestore";
export {
    FirestoreArgsError, databaseIdPattern, firestoreProblems, resolveFirestoreArgs,
    type DailyBackup, type FirestoreArgs, type FirestoreBackups, type FirestoreEnvironment, type ResolvedFirestoreArgs, type WeeklyBackup,
} from "./args";
export { databaseOptions, databaseSpec } from "./database";
export { backupScheduleSpecs, type BackupScheduleSpec } from "./backups";
export { fieldKey, fieldSpecs, indexSpecs, type FieldSpec, type IndexSpec } from "./indexes";
