import { strict as assert } from "node:assert";
import { firestoreIndexEnforceDefinition as policy } from "../../../policies/firestore";
import { analyzeStack, stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { bucket, compliantStack, database, field, index, ownerIndex, stackWith } from "./fixtures";

const db = 'Firestore database "(default)"';
const fix = "Fix the definition (in firestore.indexes.json when golive declared it) or remove it.";

describe("firestore-index-enforce-definition", () => {
    it("passes the compliant stack's indexes, exemption, collection-group override and TTL field", async () => {
        assert.deepEqual(await stackMessages(policy, compliantStack()), []);
    });

    it("passes an index as a real stack reads it back: with the __name__ field and the provider's defaults", async () => {
        const readBack = index("firestore-index-owner", "meetings", [["ownerId", "ASCENDING"], ["startsAt", "DESCENDING"], ["__name__", "DESCENDING"]], (p) => {
            p.apiScope = "ANY_API"; p.density = "SPARSE_ALL"; p.multikey = false; p.fields[0].arrayConfig = ""; p.fields[0].vectorConfig = null;
        });
        assert.deepEqual(await stackMessages(policy, stackWith(readBack)), []);
    });

    it("refuses a field with both an order and an arrayConfig, naming the database and the index", async () => {
        const both = index("firestore-index-owner", "meetings", [["ownerId", "ASCENDING"], ["startsAt", "DESCENDING"]], (p) => { p.fields[0].arrayConfig = "CONTAINS"; });
        assert.deepEqual(await stackMessages(policy, stackWith(both)), [
            `${db}: Index firestore-index-owner: fields[0]: has both "order" and "arrayConfig"; expected exactly one: an index field is either ordered, an array (CONTAINS), a vector or a search field. ${fix}`,
        ]);
    });

    it("refuses an unknown order", async () => {
        const up = index("firestore-index-owner", "meetings", [["ownerId", "ASCENDING"], ["startsAt", "DESCENDING"]], (p) => { p.fields[1].order = "UP"; });
        assert.deepEqual(await stackMessages(policy, stackWith(up)), [
            `${db}: Index firestore-index-owner: fields[1].order: "UP" is not an order; expected "ASCENDING" or "DESCENDING". ${fix}`,
        ]);
    });

    it("refuses an unknown arrayConfig", async () => {
        const any = index("firestore-index-owner", "meetings", [["tags", "CONTAINS"], ["startsAt", "DESCENDING"]], (p) => { p.fields[0].arrayConfig = "CONTAINS_ANY"; });
        assert.deepEqual(await stackMessages(policy, stackWith(any)), [
            `${db}: Index firestore-index-owner: fields[0].arrayConfig: "CONTAINS_ANY" is not an array config; expected "CONTAINS". ${fix}`,
        ]);
    });

    it("refuses a query scope Native mode does not have", async () => {
        const recursive = index("firestore-index-owner", "meetings", [["ownerId", "ASCENDING"], ["startsAt", "DESCENDING"]], (p) => { p.queryScope = "COLLECTION_RECURSIVE"; });
        assert.deepEqual(await stackMessages(policy, stackWith(recursive)), [
            `${db}: Index firestore-index-owner: queryScope: "COLLECTION_RECURSIVE" is not a query scope; expected "COLLECTION" or "COLLECTION_GROUP". ${fix}`,
        ]);
    });

    it("refuses a composite index of one field, which Firestore refuses", async () => {
        const single = index("firestore-index-owner", "meetings", [["ownerId", "ASCENDING"]]);
        assert.deepEqual(await stackMessages(policy, stackWith(single)), [
            `${db}: Index firestore-index-owner: a composite index of one field (ownerId ASC), which Firestore refuses ("this index is not necessary, configure using single field index controls"); expected two fields or more: declare it as a single-field index in "fieldOverrides" ({"collectionGroup": "meetings", "fieldPath": "ownerId", "indexes": [...]}). ${fix}`,
        ]);
    });

    it("refuses the same index declared twice on one database, naming both resources", async () => {
        const twin = index("firestore-index-owner-again", "meetings", [["ownerId", "ASCENDING"], ["startsAt", "DESCENDING"]]);
        const diagnostics = await analyzeStack(policy, stackWith(twin));
        assert.deepEqual(diagnostics.map((d) => d.message.split("\n").pop()), [
            `${db}: Index firestore-index-owner-again: the same index as Index firestore-index-owner (ownerId ASC, startsAt DESC) on "meetings"; expected each index once (Firestore refuses to create it twice), remove one. ${fix}`,
        ]);
        assert.equal(diagnostics[0]!.urn, twin.urn);
    });

    it("accepts the same index on two databases", async () => {
        const other = index("analytics-index-owner", "meetings", [["ownerId", "ASCENDING"], ["startsAt", "DESCENDING"]], (p) => { p.database = "analytics"; });
        assert.deepEqual(await stackMessages(policy, stackWith(other)), []);
    });

    it("refuses two Field resources on one field", async () => {
        const again = field("firestore-field-rsvps.guestEmail-2", "rsvps", "guestEmail", {});
        assert.deepEqual(await stackMessages(policy, stackWith(again)), [
            `${db}: Field firestore-field-rsvps.guestEmail-2: configures "rsvps.guestEmail" as Field firestore-field-rsvps.guestEmail does; expected one Field resource per field, or each update undoes the other: merge them. ${fix}`,
        ]);
    });

    it("refuses a single-field index without a mode", async () => {
        const modeless = field("firestore-field-rsvps.guestEmail", "rsvps", "guestEmail", { indexes: [{ queryScope: "COLLECTION_GROUP" }] });
        assert.deepEqual(await stackMessages(policy, stackWith(modeless)), [
            `${db}: Field firestore-field-rsvps.guestEmail: indexes[0]: no index mode; expected exactly one of "order" ("ASCENDING" or "DESCENDING") and "arrayConfig" ("CONTAINS"). ${fix}`,
        ]);
    });

    it("cannot pass silently when an index field is unknown during preview", async () => {
        const unknown = index("firestore-index-owner", "meetings", [["ownerId", "ASCENDING"], ["startsAt", "DESCENDING"]], (p) => { p.fields[1].order = UNKNOWN; });
        const [message, ...rest] = await stackMessages(policy, stackWith(unknown));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'firestore-index-enforce-definition'.*during preview/);
    });

    it("is not applicable to a stack without Firestore indexes or fields", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket(), database()]), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, [ownerIndex()]), []);
    });
});
