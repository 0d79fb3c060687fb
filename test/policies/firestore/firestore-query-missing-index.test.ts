import { strict as assert } from "node:assert";
import { firestoreQueryMissingIndex as policy } from "../../../policies/firestore";
import { stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { bucket, component, compliantStack, database, field, index, queries, stackWith, stackWithout } from "./fixtures";

const upcoming = 'Firestore query "upcoming-meetings-of-tenant" (firestore/queries.yaml) on Firestore database "(default)": no index serves it: needs (tenantId ASC, status ASC, startsAt ASC) on "meetings" in COLLECTION scope, so the app gets a "needs index" error. Add to "indexes" of firestore/firestore.indexes.json: {"collectionGroup":"meetings","queryScope":"COLLECTION","fields":[{"fieldPath":"tenantId","order":"ASCENDING"},{"fieldPath":"status","order":"ASCENDING"},{"fieldPath":"startsAt","order":"ASCENDING"}]}';

describe("firestore-query-missing-index", () => {
    it("passes when every recorded query is served: automatic, composite and collection-group single-field indexes", async () => {
        assert.deepEqual(await stackMessages(policy, compliantStack()), []);
    });

    it("refuses the stack when the index a query needs is deleted, naming the query and the entry to add", async () => {
        assert.deepEqual(await stackMessages(policy, stackWithout("firestore-index-upcoming")), [upcoming]);
    });

    it("refuses an index whose direction no longer serves the query", async () => {
        const flipped = index("firestore-index-owner", "meetings", [["ownerId", "ASCENDING"], ["startsAt", "ASCENDING"]]);
        const [message, ...rest] = await stackMessages(policy, stackWith(flipped));
        assert.deepEqual(rest, []);
        assert.match(message!, /^Firestore query "meetings-of-owner" \(firestore\/queries\.yaml\) on Firestore database "\(default\)": no index serves it: needs \(ownerId ASC, startsAt DESC\)/);
    });

    it("refuses a collection-group query when the field override loses its COLLECTION_GROUP index, with the override to replace", async () => {
        const collectionOnly = field("firestore-field-rsvps.guestEmail", "rsvps", "guestEmail", { indexes: [{ order: "ASCENDING", queryScope: "COLLECTION" }] });
        assert.deepEqual(await stackMessages(policy, stackWith(collectionOnly)), [
            'Firestore query "guest-rsvps-by-email" (firestore/queries.yaml) on Firestore database "(default)": no index serves it: needs (guestEmail ASC) on "rsvps" in COLLECTION_GROUP scope; "guestEmail" has no single-field index in COLLECTION_GROUP scope (Field firestore-field-rsvps.guestEmail), so the app gets a "needs index" error. '
            + 'Replace the "fieldOverrides" entry of rsvps.guestEmail in firestore/firestore.indexes.json with {"collectionGroup":"rsvps","fieldPath":"guestEmail","indexes":[{"queryScope":"COLLECTION","order":"ASCENDING"},{"order":"ASCENDING","queryScope":"COLLECTION_GROUP"}]}',
        ]);
    });

    it("refuses a query on a field a TTL exemption took the indexes from", async () => {
        const recorded = component((o) => { o.queries.push({ id: "links-expiring-first", collection: "shareLinks", collectionGroup: false, where: [], orderBy: [{ field: "expiresAt", direction: "asc" }] }); });
        const [message, ...rest] = await stackMessages(policy, stackWith(recorded));
        assert.deepEqual(rest, []);
        assert.equal(message, 'Firestore query "links-expiring-first" (firestore/queries.yaml) on Firestore database "(default)": no index serves it: needs (expiresAt ASC) on "shareLinks" in COLLECTION scope; "expiresAt" is exempted from single-field indexing (Field firestore-field-shareLinks.expiresAt), so the app gets a "needs index" error. '
            + 'Replace the "fieldOverrides" entry of shareLinks.expiresAt in firestore/firestore.indexes.json with {"collectionGroup":"shareLinks","fieldPath":"expiresAt","ttl":true,"indexes":[{"order":"ASCENDING","queryScope":"COLLECTION"}]}');
    });

    it("does not count an index of another database", async () => {
        const elsewhere = index("firestore-index-upcoming", "meetings", [["tenantId", "ASCENDING"], ["status", "ASCENDING"], ["startsAt", "ASCENDING"]], (p) => { p.database = "analytics"; });
        assert.deepEqual(await stackMessages(policy, stackWith(elsewhere)), [upcoming]);
    });

    it("refuses a database whose stack names no queries manifest", async () => {
        const none = component((o) => { o.queriesFile = null; o.queries = []; });
        assert.deepEqual(await stackMessages(policy, stackWith(none)), [
            'Firestore database "(default)" has no queries manifest, so nothing says its indexes serve the app\'s queries and "needs index" errors show up only in production. List every query the app sends in a manifest and name it in golive:firestore.queriesFile.',
        ]);
    });

    it("refuses to judge coverage while an index definition is invalid, pointing at the definition policy", async () => {
        const broken = index("firestore-index-owner", "meetings", [["ownerId", "ASCENDING"], ["startsAt", "DESCENDING"]], (p) => { p.fields[1].order = "DOWN"; });
        assert.deepEqual(await stackMessages(policy, stackWith(broken)), [
            'Firestore database "(default)": the queries of firestore/queries.yaml cannot be checked while an index definition is invalid (Firestore database "(default)": Index firestore-index-owner: fields[1].order: "DOWN" is not an order; expected "ASCENDING" or "DESCENDING"). Fix the definitions firestore-index-enforce-definition names.',
        ]);
    });

    it("refuses a record it cannot read, rather than passing it", async () => {
        const garbled = component((o) => { o.queries = [{ id: "q", collection: "meetings" }]; });
        assert.deepEqual(await stackMessages(policy, stackWith(garbled)), [
            "Firestore component firestore: cannot read the queries it records (queries[0]: expected {id, collection, collectionGroup, where: [...], orderBy: [...]}), so the indexes cannot be checked against them. Plan the stack with this version of golive.",
        ]);
    });

    it("refuses a recorded query Firestore would not run", async () => {
        const twoArrays = component((o) => { o.queries[0].where = [{ field: "a", op: "array-contains" }, { field: "b", op: "array-contains-any", value: ["x"] }]; });
        const [message] = await stackMessages(policy, stackWith(twoArrays));
        assert.match(message!, /^Firestore component firestore: cannot read the queries it records \(queries\[0\] \(share-link-by-token\): where\[1\]: a second array filter/);
    });

    it("cannot pass silently when an index's collection is unknown during preview", async () => {
        const unknown = index("firestore-index-upcoming", "meetings", [["tenantId", "ASCENDING"], ["status", "ASCENDING"], ["startsAt", "ASCENDING"]], (p) => { p.collection = UNKNOWN; });
        const [message, ...rest] = await stackMessages(policy, stackWith(unknown));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'firestore-query-missing-index'.*during preview/);
    });

    it("records exactly the example's four queries in the compliant fixture", () => {
        assert.deepEqual(queries.map((q) => q.id), ["share-link-by-token", "meetings-of-owner", "upcoming-meetings-of-tenant", "guest-rsvps-by-email"]);
    });

    it("is not applicable to a stack without golive's Firestore component", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket(), database()]), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, compliantStack()), []);
    });
});
