/**
 * Firestore backup retention: the gate's threshold and Firestore's own limits, defined once
 * here and imported by the config schema and the Firestore component.
 *
 * Firestore runs at most one daily and one weekly backup schedule per database; a daily
 * backup is kept at most 7 days, a weekly one at most 14 weeks
 * (cloud.google.com/firestore/docs/backups, "Backup schedules").
 */

export const daySeconds = 86_400;
export const weekSeconds = 7 * daySeconds;

export const backupRetention = {
    /**
     * The gate wants a backup that is still there a week later: a problem found days after
     * a deploy (runbook 004's T+8 h and daily checks) must still have a copy from before it.
     */
    minimumDays: 7,
    /** Firestore keeps a daily backup at most this many days. */
    dailyMaxDays: 7,
    /** Firestore keeps a weekly backup at most this many weeks. */
    weeklyMaxWeeks: 14,
} as const;

export const weekDays = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
export type WeekDay = (typeof weekDays)[number];

/** What golive schedules unless told otherwise: both schedules, each at Firestore's maximum. */
export const defaultBackupSchedules = {
    daily: { retentionDays: backupRetention.dailyMaxDays },
    weekly: { retentionWeeks: backupRetention.weeklyMaxWeeks, day: "SUNDAY" as WeekDay },
} as const;

/** A retention as the API writes it: a duration in seconds, `"604800s"`. */
export function retentionText(seconds: number): string {
    return `${seconds}s`;
}

/** The seconds of an API duration (`"604800s"`, `"3.5s"`), or undefined when it is not one. */
export function parseRetention(value: unknown): number | undefined {
    if (typeof value !== "string") return undefined;
    const m = /^(\d+(?:\.\d{1,9})?)s$/.exec(value);
    return m ? Number(m[1]) : undefined;
}

/** `7 days`, `14 weeks`, `36 hours`: a retention for people. */
export function describeRetention(seconds: number): string {
    const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
    if (seconds % weekSeconds === 0 && seconds >= 2 * weekSeconds) return plural(seconds / weekSeconds, "week");
    if (seconds % daySeconds === 0) return plural(seconds / daySeconds, "day");
    if (seconds % 3600 === 0) return plural(seconds / 3600, "hour");
    return plural(seconds, "second");
}
