import { strict as assert } from "node:assert";
import { UNKNOWN } from "../policies/harness";
import { component, compliantStack, index, stackWith, stackWithout } from "../policies/firestore/fixtures";
import { firestoreCoverageNotes } from "../../tools/plan/firestore-coverage";

describe("the plan's Firestore index coverage line", () => {
    it("says every query of the manifest is served, and by what kind of index", () => {
        assert.deepEqual(firestoreCoverageNotes(compliantStack()), [
            'Firestore indexes: all 4 queries of firestore/queries.yaml are served on database "(default)" (2 by single-field indexes, 2 by declared indexes)',
        ]);
    });

    it("names the uncovered queries and the command that prints the entries to add", () => {
        assert.deepEqual(firestoreCoverageNotes(stackWithout("firestore-index-upcoming", "firestore-index-owner")), [
            'Firestore indexes: 2 of 4 queries of firestore/queries.yaml have no index on database "(default)": meetings-of-owner, upcoming-meetings-of-tenant (`npm run indexes -- --queries firestore/queries.yaml --indexes firestore/firestore.indexes.json` prints the entries to add)',
        ]);
    });

    it("says when the queries could not be checked", () => {
        assert.deepEqual(firestoreCoverageNotes(stackWith(component((o) => { o.queriesFile = null; o.queries = []; }))), [
            "Firestore indexes: the queries Firestore component firestore records could not be checked (firestore-query-missing-index says why)",
        ]);
    });

    it("decides nothing when an index is unknown during preview", () => {
        const unknown = index("firestore-index-owner", "meetings", [["ownerId", "ASCENDING"], ["startsAt", "DESCENDING"]], (p) => { p.collection = UNKNOWN; });
        assert.deepEqual(firestoreCoverageNotes(stackWith(unknown)), [
            "Firestore indexes: not decided offline, an index or the database has a value unknown during preview (the gate reports it)",
        ]);
    });

    it("says nothing for a stack without golive's Firestore component", () => {
        assert.deepEqual(firestoreCoverageNotes(stackWithout("firestore")), []);
    });
});
