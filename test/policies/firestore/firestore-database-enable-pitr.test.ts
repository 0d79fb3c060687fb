import { strict as assert } from "node:assert";
import { firestoreDatabaseEnablePitr as policy } from "../../../policies/firestore";
import { messages, notApplicable, UNKNOWN } from "../harness";
import { bucket, database, ownerIndex } from "./fixtures";

const consequence = "so only the last hour can be read back and a restore goes back to the last scheduled backup, up to a day: runbook 004's 5-minute RPO cannot be met. Set pointInTimeRecoveryEnablement: POINT_IN_TIME_RECOVERY_ENABLED (golive:firestore.pointInTimeRecovery: true).";

describe("firestore-database-enable-pitr", () => {
    it("passes a database with point-in-time recovery enabled", async () => {
        assert.deepEqual(await messages(policy, database()), []);
    });

    it("refuses point-in-time recovery disabled, naming the database", async () => {
        const db = database((p) => { p.pointInTimeRecoveryEnablement = "POINT_IN_TIME_RECOVERY_DISABLED"; });
        assert.deepEqual(await messages(policy, db), [`Firestore database "(default)" of project teei-csr-prod: point-in-time recovery is POINT_IN_TIME_RECOVERY_DISABLED, ${consequence}`]);
    });

    it("refuses point-in-time recovery left unset, which Firestore disables", async () => {
        const db = database((p) => { delete p.pointInTimeRecoveryEnablement; });
        assert.deepEqual(await messages(policy, db), [`Firestore database "(default)" of project teei-csr-prod: point-in-time recovery is unset (disabled by default), ${consequence}`]);
    });

    it("names an autonamed database by its resource name", async () => {
        const db = database((p) => { delete p.name; delete p.project; p.pointInTimeRecoveryEnablement = "POINT_IN_TIME_RECOVERY_DISABLED"; });
        assert.deepEqual(await messages(policy, db), [`Firestore database firestore-database (autonamed): point-in-time recovery is POINT_IN_TIME_RECOVERY_DISABLED, ${consequence}`]);
    });

    it("cannot pass silently when the setting is unknown during preview", async () => {
        const [message, ...rest] = await messages(policy, database((p) => { p.pointInTimeRecoveryEnablement = UNKNOWN; }));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'firestore-database-enable-pitr'.*during preview: string value at \.pointInTimeRecoveryEnablement can't be known during preview/);
    });

    it("reports resources other than a Firestore database as not applicable", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await notApplicable(policy, ownerIndex()), [policy.name]);
        assert.deepEqual(await notApplicable(policy, database()), []);
    });
});
