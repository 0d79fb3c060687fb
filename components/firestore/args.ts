/**
 * The arguments of the Firestore component, their defaults, and the checks on them that
 * are about Firestore itself (the gate's rules live in policies/firestore/).
 */
import * as pulumi from "@pulumi/pulumi";
import { backupRetention, defaultBackupSchedules, weekDays, type WeekDay } from "../../policies/firestore/backups";
import type { IndexFile } from "../../policies/firestore/indexes-file";
import type { Query } from "../../policies/firestore/query";
import { defaultDatabaseId } from "../../policies/firestore/resources";

export type FirestoreEnvironment = "staging" | "production";

export interface DailyBackup {
    /** Days each daily backup is kept: 1 to 7 (Firestore's limit for daily backups). */
    retentionDays: number;
}

export interface WeeklyBackup {
    /** Weeks each weekly backup is kept: 1 to 14 (Firestore's limit). */
    retentionWeeks: number;
    /**
     * The day it runs.
     * @default "SUNDAY"
     */
    day?: WeekDay;
}

export interface FirestoreBackups {
    /**
     * A daily backup schedule; null for none.
     * @default {retentionDays: 7}
     */
    daily?: DailyBackup | null;
    /**
     * A weekly backup schedule; null for none.
     * @default {retentionWeeks: 14, day: "SUNDAY"}
     */
    weekly?: WeeklyBackup | null;
}

export interface FirestoreArgs {
    /** Picks the production defaults (protect). */
    environment: FirestoreEnvironment;
    /** The Google Cloud project of every resource (never the ambient gcloud project). */
    project: string;
    /** Where the database lives: a multi-region (eur3, nam5) or a region (europe-west1). Immutable. */
    locationId: string;
    /**
     * The database id. Immutable: changing it plans a new database.
     * @default "(default)", the database the Firebase SDKs and CLI use
     */
    databaseId?: string;
    /**
     * Point-in-time recovery: any minute of the past 7 days can be read back and restored,
     * which is what makes runbook 004's 5-minute RPO possible.
     * @default true
     */
    pointInTimeRecovery?: boolean;
    /**
     * Firestore's delete protection: the API refuses to delete the database.
     * @default true
     */
    deleteProtection?: boolean;
    /**
     * Pulumi's `protect` on the Database: `pulumi destroy`, or removing it from the program,
     * fails instead of planning its deletion. Either way the data stays: the deletion
     * policy is ABANDON.
     * @default true in production, false in staging (whose database may be torn down and rebuilt)
     */
    protect?: boolean;
    /** @default {daily: {retentionDays: 7}, weekly: {retentionWeeks: 14, day: "SUNDAY"}} */
    backups?: FirestoreBackups;
    /**
     * The composite indexes (one Index resource each, named by `indexId`) and field overrides
     * (one Field resource each: single-field indexes, exemptions, TTL) to declare, as read
     * from firestore.indexes.json.
     * @default no index and no override
     */
    indexes?: IndexFile;
    /**
     * The app's queries (the queries manifest). Not deployed: recorded in the component's
     * outputs so the gate can check that the declared indexes serve every one.
     * @default []
     */
    queries?: readonly Query[];
    /**
     * The indexes file as the stack config names it, for the gate's messages.
     * @default null
     */
    indexesFile?: string | null;
    /**
     * The queries manifest as the stack config names it; the gate refuses a database whose
     * queries nobody listed.
     * @default null
     */
    queriesFile?: string | null;
}

/** The args with every default applied. */
export interface ResolvedFirestoreArgs {
    environment: FirestoreEnvironment;
    project: string;
    locationId: string;
    databaseId: string;
    pointInTimeRecovery: boolean;
    deleteProtection: boolean;
    protect: boolean;
    backups: { daily: DailyBackup | null; weekly: Required<WeeklyBackup> | null };
    indexes: IndexFile;
    queries: readonly Query[];
    indexesFile: string | null;
    queriesFile: string | null;
}

export function resolveFirestoreArgs(args: FirestoreArgs): ResolvedFirestoreArgs {
    const daily = args.backups?.daily === undefined ? defaultBackupSchedules.daily : args.backups.daily;
    const weekly = args.backups?.weekly === undefined ? defaultBackupSchedules.weekly : args.backups.weekly;
    return {
        environment: args.environment,
        project: args.project,
        locationId: args.locationId,
        databaseId: args.databaseId ?? defaultDatabaseId,
        pointInTimeRecovery: args.pointInTimeRecovery ?? true,
        deleteProtection: args.deleteProtection ?? true,
        protect: args.protect ?? args.environment === "production",
        backups: {
            daily: daily === null ? null : { retentionDays: daily.retentionDays },
            weekly: weekly === null ? null : { retentionWeeks: weekly.retentionWeeks, day: weekly.day ?? defaultBackupSchedules.weekly.day },
        },
        indexes: args.indexes ?? { indexes: [], fieldOverrides: [] },
        queries: args.queries ?? [],
        indexesFile: args.indexesFile ?? null,
        queriesFile: args.queriesFile ?? null,
    };
}

/** Firestore's rule for database ids: 4-63 of [a-z0-9-], a letter first, not UUID-like; or "(default)". */
export const databaseIdPattern = /^[a-z][a-z0-9-]{2,61}[a-z0-9]$/;
const uuidLike = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

function inRange(n: number, min: number, max: number): boolean {
    return Number.isInteger(n) && n >= min && n <= max;
}

/** Every problem with the arguments, before anything is registered. */
export function firestoreProblems(args: FirestoreArgs): string[] {
    const problems: string[] = [];
    const id = args.databaseId ?? defaultDatabaseId;
    if (id !== defaultDatabaseId && (!databaseIdPattern.test(id) || uuidLike.test(id))) {
        problems.push(`databaseId: "${id}" is not a Firestore database id; expected "(default)" or 4-63 lowercase letters, digits and '-', starting with a letter`);
    }
    if (args.project.trim() === "") problems.push("project: expected the Google Cloud project id");
    if (args.locationId.trim() === "") problems.push("locationId: expected a Firestore location such as eur3 or europe-west1");
    const daily = args.backups?.daily;
    if (daily && !inRange(daily.retentionDays, 1, backupRetention.dailyMaxDays)) {
        problems.push(`backups.daily.retentionDays: ${daily.retentionDays} is out of range; Firestore keeps daily backups 1 to ${backupRetention.dailyMaxDays} days (use a weekly schedule for longer)`);
    }
    const weekly = args.backups?.weekly;
    if (weekly && !inRange(weekly.retentionWeeks, 1, backupRetention.weeklyMaxWeeks)) {
        problems.push(`backups.weekly.retentionWeeks: ${weekly.retentionWeeks} is out of range; Firestore keeps weekly backups 1 to ${backupRetention.weeklyMaxWeeks} weeks`);
    }
    if (weekly?.day !== undefined && !weekDays.includes(weekly.day)) {
        problems.push(`backups.weekly.day: "${String(weekly.day)}" is not a day; expected one of ${weekDays.join(", ")}`);
    }
    const ids = new Set<string>();
    for (const q of args.queries ?? []) {
        if (ids.has(q.id)) problems.push(`queries: "${q.id}" is listed twice; query ids are unique`);
        ids.add(q.id);
    }
    return problems;
}

/** A RunError, so the Pulumi CLI prints the problems without a stack trace. */
export class FirestoreArgsError extends pulumi.RunError {
    constructor(readonly problems: readonly string[]) {
        super(problems.map((p) => `Firestore: ${p}`).join("\n"));
        this.name = "FirestoreArgsError";
    }
}
