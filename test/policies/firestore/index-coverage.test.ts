import { strict as assert } from "node:assert";
import { checkCoverage, effectiveOrder, type Coverage } from "../../../policies/firestore/index-coverage";
import { readIndexFile, type IndexFile } from "../../../policies/firestore/indexes-file";
import { queryProblems, type OrderClause, type Query, type WhereClause } from "../../../policies/firestore/query";

// Firestore's documentation pages the cases below come from.
const docs = {
    indexOverview: "firebase.google.com/docs/firestore/query-data/index-overview",
    queries: "firebase.google.com/docs/firestore/query-data/queries",
    multipleRange: "firebase.google.com/docs/firestore/query-data/multiple-range-fields",
    multipleRangeOptimize: "firebase.google.com/docs/firestore/query-data/multiple-range-optimize-indexes",
    structuredQuery: "firebase.google.com/docs/firestore/reference/rest/v1/StructuredQuery (orderBy)",
};

type W = [string, WhereClause["op"], unknown?];

function query(collection: string, where: W[] = [], orderBy: [string, OrderClause["direction"]][] = [], collectionGroup = false): Query {
    return {
        id: "q",
        collection,
        collectionGroup,
        where: where.map(([field, op, value]) => (value === undefined ? { field, op } : { field, op, value })),
        orderBy: orderBy.map(([field, direction]) => ({ field, direction })),
    };
}

type Fields = [string, "ASCENDING" | "DESCENDING" | "CONTAINS"][];

function index(collectionGroup: string, fields: Fields, queryScope = "COLLECTION") {
    return { collectionGroup, queryScope, fields: fields.map(([fieldPath, mode]) => (mode === "CONTAINS" ? { fieldPath, arrayConfig: mode } : { fieldPath, order: mode })) };
}

function indexFile(indexes: unknown[] = [], fieldOverrides: unknown[] = []): IndexFile {
    const r = readIndexFile(JSON.stringify({ indexes, fieldOverrides }), "firestore.indexes.json");
    assert.deepEqual(r.errors, []);
    return r.indexFile!;
}

const none = indexFile();

function verdict(c: Coverage) {
    return { needsComposite: c.needsComposite, covered: c.covered, coveredBy: c.coveredBy?.entry ?? null };
}

const automatic = { needsComposite: false, covered: true, coveredBy: null };
const uncovered = { needsComposite: true, covered: false, coveredBy: null };
const by = (entry: string) => ({ needsComposite: true, covered: true, coveredBy: entry });

describe("Firestore index coverage, by Firestore's documented rules", () => {
    describe(`the order a query is served in (${docs.structuredQuery})`, () => {
        const terms = (q: Query) => effectiveOrder(q).map((t) => `${t.fieldPath} ${t.order === "ASCENDING" ? "ASC" : "DESC"}`);

        it("ORDER BY a becomes ORDER BY a ASC, __name__ ASC", () => {
            assert.deepEqual(terms(query("c", [], [["a", "asc"]])), ["a ASC", "__name__ ASC"]);
        });

        it("ORDER BY a DESC becomes ORDER BY a DESC, __name__ DESC", () => {
            assert.deepEqual(terms(query("c", [], [["a", "desc"]])), ["a DESC", "__name__ DESC"]);
        });

        it("WHERE a > 1 becomes WHERE a > 1 ORDER BY a ASC, __name__ ASC", () => {
            assert.deepEqual(terms(query("c", [["a", ">", 1]])), ["a ASC", "__name__ ASC"]);
        });

        it("WHERE __name__ > ... AND a > 1 becomes ... ORDER BY a ASC, __name__ ASC", () => {
            assert.deepEqual(terms(query("c", [["__name__", ">"], ["a", ">", 1]])), ["a ASC", "__name__ ASC"]);
        });

        it("appends inequality fields not ordered explicitly by field name, in the last order's direction", () => {
            assert.deepEqual(terms(query("c", [["salary", ">"], ["experience", ">"], ["age", "!="]], [["salary", "desc"]])), ["salary DESC", "age DESC", "experience DESC", "__name__ DESC"]);
        });
    });

    describe(`automatic single-field indexes (${docs.indexOverview}, ${docs.queries})`, () => {
        it('serves where("state", "==", "CA")', () => {
            assert.deepEqual(verdict(checkCoverage(query("cities", [["state", "==", "CA"]]), none)), automatic);
        });

        it('serves where("population", "<", 100000) and where("name", ">=", "San Francisco")', () => {
            assert.deepEqual(verdict(checkCoverage(query("cities", [["population", "<", 100000]]), none)), automatic);
            assert.deepEqual(verdict(checkCoverage(query("cities", [["name", ">=", "San Francisco"]]), none)), automatic);
        });

        it('serves orderBy("name", "desc") with the descending single-field index', () => {
            const c = checkCoverage(query("cities", [], [["name", "desc"]]), none);
            assert.deepEqual(verdict(c), automatic);
            assert.equal(c.reason, "automatic single-field index (name DESC)");
        });

        it('serves where("capital", "!=", false), where("country", "not-in", [...]) and where("country", "in", [...])', () => {
            for (const w of [["capital", "!=", false], ["country", "not-in", ["USA", "Japan"]], ["country", "in", ["USA", "Japan"]]] as W[]) {
                assert.deepEqual(verdict(checkCoverage(query("cities", [w]), none)), automatic, w.join(" "));
            }
        });

        it('serves where("regions", "array-contains", "west_coast") and array-contains-any', () => {
            assert.deepEqual(verdict(checkCoverage(query("cities", [["regions", "array-contains", "west_coast"]]), none)), automatic);
            assert.deepEqual(verdict(checkCoverage(query("cities", [["regions", "array-contains-any", ["west_coast", "east_coast"]]]), none)), automatic);
        });

        it('merges them for chained equalities: where("state", "==", "CO").where("name", "==", "Denver")', () => {
            const c = checkCoverage(query("cities", [["state", "==", "CO"], ["name", "==", "Denver"]]), none);
            assert.deepEqual(verdict(c), automatic);
            assert.equal(c.reason, "merges automatic single-field index (state ASC) and automatic single-field index (name ASC)");
        });

        it("merges == with array-contains, which chain like equalities", () => {
            assert.deepEqual(verdict(checkCoverage(query("cities", [["country", "==", "USA"], ["regions", "array-contains", "west_coast"]]), none)), automatic);
        });

        it("serves a query without filters or order with the built-in document-name index", () => {
            const c = checkCoverage(query("cities"), none);
            assert.deepEqual(verdict(c), automatic);
            assert.equal(c.reason, "the built-in document-name index");
        });
    });

    describe(`composite indexes (${docs.indexOverview}, ${docs.queries})`, () => {
        const countryPopulation = index("cities", [["country", "ASCENDING"], ["population", "ASCENDING"]]);
        const file = indexFile([countryPopulation]);

        it('needs one for where("state", "==", "CA").where("population", "<", 1000000), and names it', () => {
            const c = checkCoverage(query("cities", [["state", "==", "CA"], ["population", "<", 1000000]]), none);
            assert.deepEqual(verdict(c), uncovered);
            assert.deepEqual(c.suggested, { section: "indexes", entry: index("cities", [["state", "ASCENDING"], ["population", "ASCENDING"]]) });
            assert.equal(c.reason, 'no index serves it: needs (state ASC, population ASC) on "cities" in COLLECTION scope');
        });

        it("serves country == USA with orderBy population asc, population < 3800000 and population > 690000 from (country ASC, population ASC)", () => {
            for (const q of [
                query("cities", [["country", "==", "USA"]], [["population", "asc"]]),
                query("cities", [["country", "==", "USA"], ["population", "<", 3800000]]),
                query("cities", [["country", "==", "USA"], ["population", ">", 690000]]),
            ]) {
                assert.deepEqual(verdict(checkCoverage(q, file)), by("indexes[0]"));
            }
        });

        it("needs the descending index for the same query sorted descending", () => {
            const q = query("cities", [["country", "==", "USA"]], [["population", "desc"]]);
            const c = checkCoverage(q, file);
            assert.deepEqual(verdict(c), uncovered);
            assert.deepEqual(c.suggested?.entry, index("cities", [["country", "ASCENDING"], ["population", "DESCENDING"]]));
            assert.deepEqual(verdict(checkCoverage(q, indexFile([countryPopulation, c.suggested.entry]))), by("indexes[1]"));
        });

        it("matches equality fields in any order and in either direction", () => {
            const q = query("cities", [["state", "==", "CA"], ["country", "==", "USA"]], [["population", "asc"]]);
            assert.deepEqual(verdict(checkCoverage(q, indexFile([index("cities", [["country", "DESCENDING"], ["state", "ASCENDING"], ["population", "ASCENDING"]])]))), by("indexes[0]"));
        });

        it("needs one for array-contains with a range filter, the array field in CONTAINS mode", () => {
            const q = query("cities", [["regions", "array-contains", "west_coast"], ["population", "<", 1000000]]);
            assert.deepEqual(checkCoverage(q, none).suggested?.entry, index("cities", [["regions", "CONTAINS"], ["population", "ASCENDING"]]));
            assert.deepEqual(verdict(checkCoverage(q, indexFile([index("cities", [["regions", "CONTAINS"], ["population", "ASCENDING"]])]))), by("indexes[0]"));
            assert.deepEqual(verdict(checkCoverage(q, indexFile([index("cities", [["regions", "ASCENDING"], ["population", "ASCENDING"]])]))), uncovered);
        });

        it("orders a != filter like a range: where(a == 1).where(b != 2) needs (a, b)", () => {
            assert.deepEqual(checkCoverage(query("c", [["a", "==", 1], ["b", "!=", 2]]), none).suggested?.entry, index("c", [["a", "ASCENDING"], ["b", "ASCENDING"]]));
        });

        it("does not serve a query whose index has an extra field", () => {
            const q = query("cities", [["country", "==", "USA"]], [["population", "asc"]]);
            assert.deepEqual(verdict(checkCoverage(q, indexFile([index("cities", [["country", "ASCENDING"], ["population", "ASCENDING"], ["name", "ASCENDING"]])]))), uncovered);
        });

        it("ignores indexes of another collection", () => {
            assert.deepEqual(verdict(checkCoverage(query("towns", [["country", "==", "USA"]], [["population", "asc"]]), file)), uncovered);
        });
    });

    describe(`index merging (${docs.indexOverview}, "Index merging")`, () => {
        // The page's restaurants example: three indexes serve four queries.
        const file = indexFile([
            index("restaurants", [["category", "ASCENDING"], ["star_rating", "ASCENDING"]]),
            index("restaurants", [["city", "ASCENDING"], ["star_rating", "ASCENDING"]]),
            index("restaurants", [["editors_pick", "ASCENDING"], ["star_rating", "ASCENDING"]]),
        ]);
        const byStars: [string, "asc"][] = [["star_rating", "asc"]];

        it('serves where("category", "==", "burgers").orderBy("star_rating") and the same by city', () => {
            assert.deepEqual(verdict(checkCoverage(query("restaurants", [["category", "==", "burgers"]], byStars), file)), by("indexes[0]"));
            assert.deepEqual(verdict(checkCoverage(query("restaurants", [["city", "==", "San Francisco"]], byStars), file)), by("indexes[1]"));
        });

        it("serves category and city together by merging two indexes", () => {
            const c = checkCoverage(query("restaurants", [["category", "==", "burgers"], ["city", "==", "San Francisco"]], byStars), file);
            assert.deepEqual(verdict(c), by("indexes[0]"));
            assert.deepEqual(c.using.map((i) => i.entry), ["indexes[0]", "indexes[1]"]);
        });

        it("serves category, city and editors_pick together by merging three", () => {
            const c = checkCoverage(query("restaurants", [["category", "==", "burgers"], ["city", "==", "San Francisco"], ["editors_pick", "==", true]], byStars), file);
            assert.equal(c.covered, true);
            assert.deepEqual(c.using.map((i) => i.entry), ["indexes[0]", "indexes[1]", "indexes[2]"]);
        });

        it("cannot merge for another order (star_rating descending)", () => {
            assert.deepEqual(verdict(checkCoverage(query("restaurants", [["category", "==", "burgers"], ["city", "==", "SF"]], [["star_rating", "desc"]]), file)), uncovered);
        });

        it("is not assumed with a range filter, which Firestore documents no merge for", () => {
            const q = query("restaurants", [["category", "==", "burgers"], ["city", "==", "SF"], ["star_rating", ">", 3]]);
            const c = checkCoverage(q, file);
            assert.deepEqual(verdict(c), uncovered);
            assert.deepEqual(c.suggested?.entry, index("restaurants", [["category", "ASCENDING"], ["city", "ASCENDING"], ["star_rating", "ASCENDING"]]));
        });
    });

    describe(`range and inequality filters on several fields (${docs.multipleRange}, ${docs.multipleRangeOptimize})`, () => {
        const experienceSalary = index("employees", [["experience", "ASCENDING"], ["salary", "ASCENDING"]]);
        const salaryExperience = index("employees", [["salary", "ASCENDING"], ["experience", "ASCENDING"]]);

        it("serves salary > 100000 and experience > 0 with (experience ASC, salary ASC): implicit order by field name", () => {
            const q = query("employees", [["salary", ">", 100000], ["experience", ">", 0]]);
            assert.deepEqual(checkCoverage(q, none).suggested?.entry, experienceSalary);
            assert.deepEqual(verdict(checkCoverage(q, indexFile([salaryExperience, experienceSalary]))), by("indexes[1]"));
        });

        it('uses (salary ASC, experience ASC) once orderBy("salary").orderBy("experience") says so', () => {
            const q = query("employees", [["salary", ">", 100000], ["experience", ">", 0]], [["salary", "asc"], ["experience", "asc"]]);
            assert.deepEqual(verdict(checkCoverage(q, indexFile([experienceSalary, salaryExperience]))), by("indexes[1]"));
        });

        it("allows an orderBy on another field than the inequality, ordering the inequality field after it", () => {
            const q = query("employees", [["team", "==", "sre"], ["salary", ">", 100000]], [["hiredAt", "desc"]]);
            assert.deepEqual(checkCoverage(q, none).suggested?.entry, index("employees", [["team", "ASCENDING"], ["hiredAt", "DESCENDING"], ["salary", "DESCENDING"]]));
        });
    });

    describe(`the implicit __name__ field (${docs.indexOverview}, "Default ordering and the __name__ field")`, () => {
        const ab = index("c", [["a", "ASCENDING"], ["b", "DESCENDING"]]);

        it("serves orderBy(a).orderBy(b, desc): the index ends with __name__ DESC, like the query", () => {
            assert.deepEqual(verdict(checkCoverage(query("c", [], [["a", "asc"], ["b", "desc"]]), indexFile([ab]))), by("indexes[0]"));
        });

        it("does not serve an explicit __name__ ASC after b DESC, which needs __name__ in the index", () => {
            const q = query("c", [], [["a", "asc"], ["b", "desc"], ["__name__", "asc"]]);
            const c = checkCoverage(q, indexFile([ab]));
            assert.deepEqual(verdict(c), uncovered);
            assert.deepEqual(c.suggested?.entry, { ...ab, fields: [...ab.fields, { fieldPath: "__name__", order: "ASCENDING" }] });
            assert.deepEqual(verdict(checkCoverage(q, indexFile([c.suggested.entry]))), by("indexes[0]"));
        });

        it("serves equality filters ordered by __name__ descending with the descending single-field indexes", () => {
            const c = checkCoverage(query("c", [["a", "==", 1], ["b", "==", 2]], [["__name__", "desc"]]), none);
            assert.deepEqual(verdict(c), automatic);
            assert.equal(c.reason, "merges automatic single-field index (a DESC) and automatic single-field index (b DESC)");
        });
    });

    describe(`collection group scope (${docs.queries}, "Collection group queries"; ${docs.indexOverview}, "Query scope")`, () => {
        const landmarks = query("landmarks", [["type", "==", "museum"]], [], true);

        it('needs a collection-group single-field index for collectionGroup("landmarks").where("type", "==", "museum"), given as a field override', () => {
            const c = checkCoverage(landmarks, none);
            assert.deepEqual(verdict(c), uncovered);
            assert.deepEqual(c.suggested, {
                section: "fieldOverrides",
                entry: {
                    collectionGroup: "landmarks",
                    fieldPath: "type",
                    indexes: [
                        { order: "ASCENDING", queryScope: "COLLECTION" },
                        { order: "DESCENDING", queryScope: "COLLECTION" },
                        { arrayConfig: "CONTAINS", queryScope: "COLLECTION" },
                        { order: "ASCENDING", queryScope: "COLLECTION_GROUP" },
                    ],
                },
            });
            assert.deepEqual(verdict(checkCoverage(landmarks, indexFile([], [c.suggested.entry]))), automatic);
        });

        it("does not serve a collection group query from a COLLECTION-scope composite index, nor the reverse", () => {
            const q = (group: boolean) => query("landmarks", [["type", "==", "museum"]], [["name", "asc"]], group);
            const collectionScoped = indexFile([index("landmarks", [["type", "ASCENDING"], ["name", "ASCENDING"]], "COLLECTION")]);
            const groupScoped = indexFile([index("landmarks", [["type", "ASCENDING"], ["name", "ASCENDING"]], "COLLECTION_GROUP")]);
            assert.deepEqual(verdict(checkCoverage(q(true), collectionScoped)), uncovered);
            assert.deepEqual(checkCoverage(q(true), collectionScoped).suggested?.entry, index("landmarks", [["type", "ASCENDING"], ["name", "ASCENDING"]], "COLLECTION_GROUP"));
            assert.deepEqual(verdict(checkCoverage(q(true), groupScoped)), by("indexes[0]"));
            assert.deepEqual(verdict(checkCoverage(q(false), groupScoped)), uncovered);
        });

        it("reads the collection ID from a subcollection path", () => {
            const q = query("cities/{cityId}/landmarks", [["type", "==", "museum"]], [["name", "asc"]]);
            assert.deepEqual(verdict(checkCoverage(q, indexFile([index("landmarks", [["type", "ASCENDING"], ["name", "ASCENDING"]])]))), by("indexes[0]"));
        });
    });

    describe(`single-field index exemptions (${docs.indexOverview}, "Single-field index exemptions")`, () => {
        const exempt = (fieldPath: string, indexes: unknown[] = []) => ({ collectionGroup: "meetings", fieldPath, indexes });

        it("an exempted field no longer serves an order by itself, and the fix keeps the override", () => {
            const file = indexFile([], [{ ...exempt("expiresAt"), ttl: true }]);
            const c = checkCoverage(query("meetings", [], [["expiresAt", "asc"]]), file);
            assert.deepEqual(verdict(c), uncovered);
            assert.equal(c.reason, 'no index serves it: needs (expiresAt ASC) on "meetings" in COLLECTION scope; "expiresAt" is exempted from single-field indexing (fieldOverrides[0])');
            assert.deepEqual(c.suggested, {
                section: "fieldOverrides",
                replaces: "fieldOverrides[0]",
                entry: { collectionGroup: "meetings", fieldPath: "expiresAt", ttl: true, indexes: [{ order: "ASCENDING", queryScope: "COLLECTION" }] },
            });
        });

        it("an exempted field breaks an equality merge that needed it", () => {
            const q = query("meetings", [["tenantId", "==", "t"], ["status", "==", "open"]]);
            assert.deepEqual(verdict(checkCoverage(q, indexFile([], [exempt("status")]))), uncovered);
        });

        it("an override keeping only ASCENDING no longer serves a descending order", () => {
            const file = indexFile([], [exempt("startsAt", [{ order: "ASCENDING", queryScope: "COLLECTION" }])]);
            assert.deepEqual(verdict(checkCoverage(query("meetings", [], [["startsAt", "asc"]]), file)), automatic);
            assert.deepEqual(verdict(checkCoverage(query("meetings", [], [["startsAt", "desc"]]), file)), uncovered);
        });

        it("an exempted field can still be part of a composite index", () => {
            const file = indexFile([index("meetings", [["tenantId", "ASCENDING"], ["expiresAt", "ASCENDING"]])], [exempt("expiresAt")]);
            assert.deepEqual(verdict(checkCoverage(query("meetings", [["tenantId", "==", "t"]], [["expiresAt", "asc"]]), file)), by("indexes[0]"));
        });

        it("a map field's exemption applies to its subfields, unless a subfield has its own override", () => {
            const file = indexFile([], [exempt("metadata"), exempt("metadata.source", [{ order: "ASCENDING", queryScope: "COLLECTION" }])]);
            const c = checkCoverage(query("meetings", [["metadata.owner", "==", "u"]]), file);
            assert.deepEqual(verdict(c), uncovered);
            assert.match(c.reason, /"metadata\.owner" is exempted from single-field indexing \(fieldOverrides\[0\], on "metadata"\)$/);
            assert.deepEqual(verdict(checkCoverage(query("meetings", [["metadata.source", "==", "web"]]), file)), automatic);
        });
    });

    describe("indexes that serve other kinds of query", () => {
        it("a vector index does not serve an ordinary query", () => {
            const file = indexFile([{ collectionGroup: "notes", queryScope: "COLLECTION", fields: [{ fieldPath: "tenantId", order: "ASCENDING" }, { fieldPath: "embedding", vectorConfig: { dimension: 3, flat: {} } }] }]);
            assert.deepEqual(verdict(checkCoverage(query("notes", [["tenantId", "==", "t"]], [["createdAt", "asc"]]), file)), uncovered);
        });

        it("an index for the MongoDB-compatible API does not serve Firestore queries", () => {
            const file = indexFile([{ ...index("notes", [["tenantId", "ASCENDING"], ["createdAt", "ASCENDING"]]), apiScope: "MONGODB_COMPATIBLE_API" }]);
            assert.deepEqual(verdict(checkCoverage(query("notes", [["tenantId", "==", "t"]], [["createdAt", "asc"]]), file)), uncovered);
        });
    });
});

describe(`queries Firestore refuses to run (${docs.queries}, "Query limitations"; ${docs.multipleRange}, "Limitations")`, () => {
    it("accepts a query within the limits", () => {
        assert.deepEqual(queryProblems(query("tenants/{tenantId}/meetings", [["status", "in", ["a", "b"]], ["startsAt", ">"]], [["startsAt", "asc"]])), []);
    });

    it("refuses two array filters", () => {
        assert.deepEqual(queryProblems(query("c", [["a", "array-contains", 1], ["b", "array-contains-any", [1]]])), [
            'where[1]: a second array filter (after where[0] "array-contains"); Firestore allows one array-contains or array-contains-any per query',
        ]);
    });

    it("refuses not-in combined with in, array-contains-any or !=, and a second not-in", () => {
        assert.deepEqual(queryProblems(query("c", [["a", "not-in", [1]], ["b", "in", [1]], ["c", "!=", 1], ["d", "not-in", [2]]])), [
            'where[3]: a second "not-in" filter; Firestore allows one per query',
            'where[1]: "in" cannot be combined with "not-in" (where[0]) in one query; split the query or filter in the app',
            'where[2]: "!=" cannot be combined with "not-in" (where[0]) in one query; split the query or filter in the app',
        ]);
    });

    it("refuses an orderBy on a field filtered by equality", () => {
        assert.deepEqual(queryProblems(query("c", [["a", "==", 1]], [["a", "asc"]])), [
            'orderBy[0]: orders by "a", which where[0] filters with "=="; Firestore does not order by a field in an equality or in filter: remove this orderBy',
        ]);
    });

    it("refuses range filters on more than 10 fields", () => {
        const where = Array.from({ length: 11 }, (_, i) => [`f${i}`, ">", 0] as W);
        assert.deepEqual(queryProblems(query("c", where)), ["where: range or inequality filters on 11 fields; Firestore allows at most 10"]);
    });

    it("refuses more values than in, not-in and array-contains-any take, and too many disjunctions", () => {
        assert.deepEqual(queryProblems(query("c", [["a", "not-in", Array.from({ length: 11 }, (_, i) => i)]])), ['where[0].value: "not-in" takes a list of 1 to 10 values; got 11 values']);
        assert.deepEqual(queryProblems(query("c", [["a", "in", "x"]])), ['where[0].value: "in" takes a list of 1 to 30 values; got "x"']);
        assert.deepEqual(queryProblems(query("c", [["a", "in", [1, 2, 3, 4, 5, 6]], ["b", "array-contains-any", [1, 2, 3, 4, 5, 6]]])), [
            'where: the "in" and "array-contains-any" values make 36 combinations; Firestore allows at most 30 disjunctions per query',
        ]);
    });

    it("refuses a document path, a group query on a path, and a repeated orderBy", () => {
        assert.deepEqual(queryProblems(query("tenants/t1")), ['collection: "tenants/t1" is a document path (an even number of segments); expected a collection path such as "tenants/{tenantId}/meetings"']);
        assert.deepEqual(queryProblems(query("tenants/t1/meetings", [], [], true)), ['collection: a collection group query names a collection ID, not a path; expected "meetings"']);
        assert.deepEqual(queryProblems(query("c", [], [["a", "asc"], ["a", "desc"]])), ['orderBy[1]: orders by "a" again (orderBy[0]); remove one']);
    });
});
