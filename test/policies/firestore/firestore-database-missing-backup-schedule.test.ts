import { strict as assert } from "node:assert";
import { firestoreDatabaseMissingBackupSchedule as policy } from "../../../policies/firestore";
import { resource, stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { bucket, compliantStack, database, project, schedule, stackWith, stackWithout } from "./fixtures";

const db = 'Firestore database "(default)" of project teei-csr-prod';
const fix = "Declare a daily backup schedule kept 7 days and a weekly one kept up to 14 weeks (golive:firestore.backups).";

describe("firestore-database-missing-backup-schedule", () => {
    it("passes a database with a daily schedule kept 7 days and a weekly one kept 14 weeks", async () => {
        assert.deepEqual(await stackMessages(policy, compliantStack()), []);
    });

    it("passes a database with only the daily schedule, kept 7 days", async () => {
        assert.deepEqual(await stackMessages(policy, stackWithout("firestore-backup-weekly")), []);
    });

    it("passes a database with only a weekly schedule", async () => {
        assert.deepEqual(await stackMessages(policy, stackWithout("firestore-backup-daily")), []);
    });

    it("refuses a database without any backup schedule, naming it", async () => {
        assert.deepEqual(await stackMessages(policy, stackWithout("firestore-backup-daily", "firestore-backup-weekly")), [
            `${db} has no backup schedule, so once point-in-time recovery's 7 days have passed, or the database is deleted, nothing is left to restore from. ${fix}`,
        ]);
    });

    it("refuses backups kept less than 7 days", async () => {
        const short = schedule("daily", (p) => { p.retention = "259200s"; });
        assert.deepEqual(await stackMessages(policy, [database(), short]), [
            `${db} keeps its scheduled backups at most 3 days (backup schedule firestore-backup-daily), under 7 days, so a problem found a week after a deploy has no backup from before it. ${fix}`,
        ]);
    });

    it("does not count a schedule of another database", async () => {
        const other = schedule("daily", (p) => { p.database = "analytics"; });
        assert.deepEqual(await stackMessages(policy, [database(), other]), [
            `${db} has no backup schedule, so once point-in-time recovery's 7 days have passed, or the database is deleted, nothing is left to restore from. ${fix}`,
        ]);
    });

    it("does not count a schedule of the same database id in another project", async () => {
        const other = schedule("daily", (p) => { p.project = "teei-csr-staging"; });
        const found = await stackMessages(policy, [database(), other]);
        assert.equal(found.length, 1);
        assert.match(found[0]!, /has no backup schedule/);
    });

    it("matches a schedule without a database to the (default) database, as the provider does", async () => {
        const implicit = schedule("daily", (p) => { delete p.database; });
        assert.deepEqual(await stackMessages(policy, [database(), implicit]), []);
    });

    it("refuses a daily schedule kept beyond Firestore's 7-day limit, which the API refuses", async () => {
        const long = schedule("daily", (p) => { p.retention = "1209600s"; });
        assert.deepEqual(await stackMessages(policy, stackWith(long)), [
            `${db}: backup schedule firestore-backup-daily keeps daily backups 2 weeks, beyond Firestore's 7-day limit, so the API refuses the schedule. ${fix}`,
        ]);
    });

    it("refuses a weekly schedule kept beyond 14 weeks", async () => {
        const long = schedule("weekly", (p) => { p.retention = `${15 * 7 * 86400}s`; });
        assert.deepEqual(await stackMessages(policy, stackWith(long)), [
            `${db}: backup schedule firestore-backup-weekly keeps weekly backups 15 weeks, beyond Firestore's 14-week limit, so the API refuses the schedule. ${fix}`,
        ]);
    });

    it("refuses a schedule without a recurrence, and one whose retention is not a duration", async () => {
        const never = schedule("daily", (p) => { delete p.dailyRecurrence; });
        const garbled = schedule("weekly", (p) => { p.retention = "14w"; });
        assert.deepEqual(await stackMessages(policy, [database(), never, garbled]), [
            `${db}: backup schedule firestore-backup-daily has no dailyRecurrence or weeklyRecurrence, so it never runs. ${fix}`,
            `${db}: backup schedule firestore-backup-weekly retention "14w" is not a duration such as "604800s". ${fix}`,
        ]);
    });

    it("judges every database of the stack on its own", async () => {
        const analytics = resource("gcp:firestore/database:Database", "analytics-database", { project, name: "analytics", locationId: "eur3", type: "FIRESTORE_NATIVE" });
        assert.deepEqual(await stackMessages(policy, [...compliantStack(), analytics]), [
            `Firestore database "analytics" of project teei-csr-prod has no backup schedule, so once point-in-time recovery's 7 days have passed, or the database is deleted, nothing is left to restore from. ${fix}`,
        ]);
    });

    it("cannot pass silently when a retention is unknown during preview", async () => {
        const [message, ...rest] = await stackMessages(policy, [database(), schedule("daily", (p) => { p.retention = UNKNOWN; })]);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'firestore-database-missing-backup-schedule'.*during preview/);
    });

    it("is not applicable to a stack without a Firestore database", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket(), schedule("daily")]), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, compliantStack()), []);
    });
});
