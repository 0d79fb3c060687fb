import { strict as assert } from "node:assert";
import { firestoreDatabaseEnableDeleteProtection as policy } from "../../../policies/firestore";
import { messages, notApplicable, UNKNOWN } from "../harness";
import { bucket, database, schedule } from "./fixtures";

const db = 'Firestore database "(default)" of project teei-csr-prod';
const unprotected = `${db}: the resource is not protected (protect: false), so \`pulumi destroy\`, a replacement, or removing it from the program plans its deletion. Set the resource option protect: true (golive's Firestore component sets it in production).`;

describe("firestore-database-enable-delete-protection", () => {
    it("passes a protected database with delete protection on and deletionPolicy ABANDON", async () => {
        assert.deepEqual(await messages(policy, database()), []);
    });

    it("passes deletionPolicy PREVENT, and an unset one (the provider's default for a database is ABANDON)", async () => {
        assert.deepEqual(await messages(policy, database((p) => { p.deletionPolicy = "PREVENT"; })), []);
        assert.deepEqual(await messages(policy, database((p) => { delete p.deletionPolicy; })), []);
    });

    it("refuses delete protection disabled, naming the database", async () => {
        const d = database((p) => { p.deleteProtectionState = "DELETE_PROTECTION_DISABLED"; });
        assert.deepEqual(await messages(policy, d), [`${db}: delete protection is DELETE_PROTECTION_DISABLED, so one API call from any client with the permission deletes the database and every document in it. Set deleteProtectionState: DELETE_PROTECTION_ENABLED (golive:firestore.deleteProtection: true).`]);
    });

    it("refuses delete protection left unset", async () => {
        const d = database((p) => { delete p.deleteProtectionState; });
        assert.deepEqual(await messages(policy, d), [`${db}: delete protection is unset (disabled by default), so one API call from any client with the permission deletes the database and every document in it. Set deleteProtectionState: DELETE_PROTECTION_ENABLED (golive:firestore.deleteProtection: true).`]);
    });

    it("refuses a database without the protect option, as the engine reports it", async () => {
        assert.deepEqual(await messages(policy, database(() => undefined, { protect: false })), [unprotected]);
    });

    it("refuses deletionPolicy DELETE, which deletes the data with the resource", async () => {
        const d = database((p) => { p.deletionPolicy = "DELETE"; });
        assert.deepEqual(await messages(policy, d), [`${db}: deletionPolicy is DELETE, so when Pulumi deletes or replaces the resource the data goes with it. Set deletionPolicy: ABANDON (the data stays; Pulumi forgets the resource) or PREVENT.`]);
    });

    it("reports every lock that is off, each once", async () => {
        const d = database((p) => { p.deleteProtectionState = "DELETE_PROTECTION_DISABLED"; p.deletionPolicy = "DELETE"; }, { protect: false });
        const found = await messages(policy, d);
        assert.equal(found.length, 3);
        assert.equal(found[1], unprotected);
    });

    it("cannot pass silently when delete protection is unknown during preview", async () => {
        const [message, ...rest] = await messages(policy, database((p) => { p.deleteProtectionState = UNKNOWN; }));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'firestore-database-enable-delete-protection'.*during preview: string value at \.deleteProtectionState can't be known during preview/);
    });

    it("reports resources other than a Firestore database as not applicable", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await notApplicable(policy, schedule("daily")), [policy.name]);
    });
});
