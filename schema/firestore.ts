import { z } from "zod";
import { backupRetention, defaultBackupSchedules, weekDays } from "../policies/firestore/backups";
import { defaultDatabaseId } from "../policies/firestore/resources";

const projectPath = z
    .string()
    .min(1)
    .refine((p) => !p.split(/[\\/]/).includes(".."), { error: "must be a path inside the project directory (no '..')" });

/** Firestore's scheduled backups; each schedule can be turned off with `enabled: false`. */
export const firestoreBackups = z.strictObject({
    daily: z
        .strictObject({
            enabled: z.boolean().default(true),
            /** Days each daily backup is kept (Firestore's limit for daily backups is 7). */
            retentionDays: z.number().int().min(1).max(backupRetention.dailyMaxDays, {
                error: `must be at most ${backupRetention.dailyMaxDays}, Firestore's limit for daily backups; keep older copies with the weekly schedule`,
            }).default(defaultBackupSchedules.daily.retentionDays),
        })
        .default({ enabled: true, retentionDays: defaultBackupSchedules.daily.retentionDays }),
    weekly: z
        .strictObject({
            enabled: z.boolean().default(true),
            /** Weeks each weekly backup is kept (Firestore allows up to 14). */
            retentionWeeks: z.number().int().min(1).max(backupRetention.weeklyMaxWeeks, {
                error: `must be at most ${backupRetention.weeklyMaxWeeks}, Firestore's limit for weekly backups`,
            }).default(defaultBackupSchedules.weekly.retentionWeeks),
            day: z.enum(weekDays).default(defaultBackupSchedules.weekly.day),
        })
        .default({ enabled: true, retentionWeeks: defaultBackupSchedules.weekly.retentionWeeks, day: defaultBackupSchedules.weekly.day }),
});

export const firestore = z.strictObject({
    /** The database id; "(default)" is the one the Firebase SDKs and CLI use. */
    database: z
        .string()
        .regex(/^(\(default\)|[a-z][a-z0-9-]{2,61}[a-z0-9])$/, { error: 'must be "(default)" or a database id of 4-63 lowercase letters, digits and \'-\', starting with a letter' })
        .default(defaultDatabaseId),
    /** Firestore location: a multi-region such as eur3 or nam5, or a region such as europe-west1. */
    locationId: z.string().regex(/^([a-z]+\d+|[a-z]+-[a-z]+\d+)$/, { error: "must be a Firestore location such as eur3, nam5 or europe-west1" }),
    /** The Firebase CLI's firestore.indexes.json to declare, relative to the project directory. */
    indexesFile: projectPath.optional(),
    /**
     * The queries manifest (JSON or YAML) of every query the app sends, relative to the project
     * directory; the gate checks the declared indexes serve each one.
     */
    queriesFile: projectPath.optional(),
    pointInTimeRecovery: z.boolean().default(true),
    deleteProtection: z.boolean().default(true),
    backups: firestoreBackups.default(firestoreBackups.parse({})),
});

export type FirestoreConfig = z.infer<typeof firestore>;
