import type { PolicyResource } from "@pulumi/policy";
import { resourcesOfType, resourceTypes, stackPolicy } from "../lib";
import { backupRetention, daySeconds, describeRetention, parseRetention, weekSeconds } from "./backups";
import { databaseId, databaseRef, defaultDatabaseId, firestoreTypes, present, sameProject, targetDatabase } from "./resources";

/** Why a schedule does not count as a backup of the database, or undefined when it does. */
function scheduleProblem(s: PolicyResource, retention: number | undefined): string | undefined {
    const p = s.props;
    const daily = present(p.dailyRecurrence);
    const weekly = present(p.weeklyRecurrence);
    if (retention === undefined) return `retention ${JSON.stringify(p.retention)} is not a duration such as "604800s"`;
    if (daily === weekly) return daily ? "has both dailyRecurrence and weeklyRecurrence; expected one" : "has no dailyRecurrence or weeklyRecurrence, so it never runs";
    if (daily && retention > backupRetention.dailyMaxDays * daySeconds) {
        return `keeps daily backups ${describeRetention(retention)}, beyond Firestore's ${backupRetention.dailyMaxDays}-day limit, so the API refuses the schedule`;
    }
    if (weekly && retention > backupRetention.weeklyMaxWeeks * weekSeconds) {
        return `keeps weekly backups ${describeRetention(retention)}, beyond Firestore's ${backupRetention.weeklyMaxWeeks}-week limit, so the API refuses the schedule`;
    }
    return undefined;
}

/**
 * Scheduled backups are what a restore starts from when point-in-time recovery's 7 days are
 * not enough or the database itself is gone (runbook 000 "Restore from Backup", runbook 004
 * "Backup restoration tested"). A database needs at least one schedule whose backups are
 * kept 7 days or more, so a problem found days after a deploy still has a copy from before.
 */
export const firestoreDatabaseMissingBackupSchedule = stackPolicy({
    name: "firestore-database-missing-backup-schedule",
    description: `Every Firestore database has a backup schedule keeping backups at least ${backupRetention.minimumDays} days.`,
    severity: "high",
    runbook: ["000.firestore.backups", "004.infra.backups"],
    remediation: `Declare a daily backup schedule kept ${backupRetention.dailyMaxDays} days and a weekly one kept up to ${backupRetention.weeklyMaxWeeks} weeks (golive:firestore.backups).`,
    appliesTo: resourceTypes("Firestore databases", firestoreTypes.database),
    validateStack: (args, reportViolation) => {
        const schedules = resourcesOfType(args.resources, firestoreTypes.backupSchedule);
        for (const db of resourcesOfType(args.resources, firestoreTypes.database)) {
            const id = databaseId(db.props) ?? defaultDatabaseId;
            const ref = databaseRef(db.props, db.name);
            const mine = schedules.filter((s) => targetDatabase(s.props) === id && sameProject(s.props, db.props));
            const fix = `Declare a daily backup schedule kept ${backupRetention.dailyMaxDays} days and a weekly one kept up to ${backupRetention.weeklyMaxWeeks} weeks (golive:firestore.backups).`;
            if (mine.length === 0) {
                reportViolation(`${ref} has no backup schedule, so once point-in-time recovery's 7 days have passed, or the database is deleted, nothing is left to restore from. ${fix}`, db.urn);
                continue;
            }
            const usable: Array<{ s: PolicyResource; retention: number }> = [];
            for (const s of mine) {
                const retention = parseRetention(s.props.retention);
                const problem = scheduleProblem(s, retention);
                if (problem) reportViolation(`${ref}: backup schedule ${s.name} ${problem}. ${fix}`, s.urn);
                else usable.push({ s, retention: retention! });
            }
            if (usable.length === 0) continue;
            const longest = usable.reduce((a, b) => (b.retention > a.retention ? b : a));
            if (longest.retention < backupRetention.minimumDays * daySeconds) {
                reportViolation(
                    `${ref} keeps its scheduled backups at most ${describeRetention(longest.retention)} (backup schedule ${longest.s.name}), under ${backupRetention.minimumDays} days, so a problem found a week after a deploy has no backup from before it. ${fix}`,
                    db.urn,
                );
            }
        }
    },
});
