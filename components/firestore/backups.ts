/** Scheduled backups of the database: a daily and a weekly schedule, each optional. */
import type * as gcpFirestore from "@pulumi/gcp/firestore";
import type * as pulumi from "@pulumi/pulumi";
import { daySeconds, retentionText, weekSeconds } from "../../policies/firestore/backups";
import type { ResolvedFirestoreArgs } from "./args";

export interface BackupScheduleSpec {
    /** Names the resource: `daily` or `weekly` (Firestore allows one of each per database). */
    key: "daily" | "weekly";
    args: gcpFirestore.BackupScheduleArgs;
}

export function backupScheduleSpecs(args: ResolvedFirestoreArgs, database: pulumi.Input<string>): BackupScheduleSpec[] {
    const specs: BackupScheduleSpec[] = [];
    const { daily, weekly } = args.backups;
    if (daily) {
        specs.push({
            key: "daily",
            args: { project: args.project, database, retention: retentionText(daily.retentionDays * daySeconds), dailyRecurrence: {} },
        });
    }
    if (weekly) {
        specs.push({
            key: "weekly",
            args: { project: args.project, database, retention: retentionText(weekly.retentionWeeks * weekSeconds), weeklyRecurrence: { day: weekly.day } },
        });
    }
    return specs;
}
