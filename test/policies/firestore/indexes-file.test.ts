import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { indexId, readIndexFile, type IndexFileReading } from "../../../policies/firestore/indexes-file";
import { corpusPath, itCorpus, itEachCorpusFile } from "../../corpus";

const fixtures = path.resolve(__dirname, "..", "..", "fixtures", "firestore");

function fixture(name: string): IndexFileReading {
    return readIndexFile(fs.readFileSync(path.join(fixtures, name), "utf8"), name);
}

/** The compliant file every failing case changes in one place. */
function base() {
    return {
        indexes: [
            {
                collectionGroup: "meetings",
                queryScope: "COLLECTION",
                fields: [
                    { fieldPath: "tenantId", order: "ASCENDING" },
                    { fieldPath: "startsAt", order: "DESCENDING" },
                ],
            },
            {
                collectionGroup: "meetings",
                queryScope: "COLLECTION",
                fields: [
                    { fieldPath: "groups", arrayConfig: "CONTAINS" },
                    { fieldPath: "startsAt", order: "ASCENDING" },
                ],
            },
        ] as Record<string, unknown>[],
        fieldOverrides: [{ collectionGroup: "shareLinks", fieldPath: "expiresAt", ttl: true, indexes: [] }] as Record<string, unknown>[],
    };
}

function read(file: unknown): IndexFileReading {
    return readIndexFile(JSON.stringify(file, null, 2), "firestore.indexes.json");
}

function errorsOf(change: (f: ReturnType<typeof base>) => void): string[] {
    const f = base();
    change(f);
    return read(f).errors;
}

const field = (f: ReturnType<typeof base>, i: number, j: number) => (f.indexes[i]!["fields"] as Record<string, unknown>[])[j]!;

describe("firestore.indexes.json: reading the Firebase CLI's file", () => {
    it("accepts the compliant base file without errors or warnings", () => {
        const r = read(base());
        assert.deepEqual(r.errors, []);
        assert.deepEqual(r.warnings, []);
        assert.equal(r.indexFile?.indexes.length, 2);
        assert.deepEqual(r.indexFile?.fieldOverrides, [{ collectionGroup: "shareLinks", fieldPath: "expiresAt", ttl: true, indexes: [], entry: "fieldOverrides[0]" }]);
    });

    it("reads // and /* */ comments and keeps comment-like text inside strings", () => {
        const r = fixture("comments.json");
        assert.deepEqual(r.errors, []);
        assert.deepEqual(
            r.indexFile?.indexes.map((i) => [i.collectionGroup, i.queryScope, i.fields.map((f) => f.fieldPath)]),
            [
                ["meetings", "COLLECTION", ["tenantId", "startsAt"]],
                ["links", "COLLECTION_GROUP", ["url//path", "note/*x*/"]],
            ],
        );
    });

    it("reports invalid JSON with its line and column", () => {
        assert.deepEqual(fixture("broken.json").errors, [`broken.json: invalid JSON at line 8, column 9: unexpected "{"; expected ',' or ']' after an array element`]);
    });

    it("refuses a trailing comma, as JSON.parse in the Firebase CLI does", () => {
        const r = readIndexFile('{\n  "indexes": [],\n  "fieldOverrides": [],\n}\n', "firestore.indexes.json");
        assert.deepEqual(r.errors, ["firestore.indexes.json: invalid JSON at line 4, column 1: trailing comma before '}'; JSON allows none"]);
    });

    it("refuses an unterminated block comment", () => {
        const r = readIndexFile('{ "indexes": [] /* left open\n}', "firestore.indexes.json");
        assert.deepEqual(r.errors, ["firestore.indexes.json: invalid JSON at line 1, column 17: unterminated /* comment"]);
    });

    it("reads the legacy v1beta1 format (collectionId, mode) into the same indexes as the current format", () => {
        const legacy = fixture("legacy.json");
        const current = fixture("current.json");
        assert.deepEqual(legacy.errors, []);
        assert.equal(legacy.legacyFormat, true);
        assert.deepEqual(legacy.warnings, [
            'legacy.json: uses the legacy v1beta1 format ("collectionId", fields with "mode"); the Firebase CLI still deploys it, upgraded, and `firebase firestore:indexes` prints the current format to save',
        ]);
        assert.deepEqual(legacy.indexFile?.indexes[1]?.fields, [
            { fieldPath: "groups", arrayConfig: "CONTAINS" },
            { fieldPath: "startsAt", order: "ASCENDING" },
        ]);
        assert.equal(legacy.indexFile?.indexes[0]?.queryScope, "COLLECTION");
        // current.json lists them in the other order, writes the implicit __name__ and density
        // SPARSE_ALL as `firebase firestore:indexes` does, and orders keys differently.
        assert.deepEqual(current.errors, []);
        assert.deepEqual(legacy.indexFile?.indexes.map((i) => i.id).sort(), current.indexFile?.indexes.map((i) => i.id).sort());
    });

    it("accepts vector, search and Enterprise-edition indexes, one-field ones included", () => {
        const r = fixture("vector.json");
        assert.deepEqual(r.errors, []);
        assert.deepEqual(r.warnings, []);
        const [withPrefix, vectorOnly, search, enterprise] = r.indexFile!.indexes;
        assert.deepEqual(withPrefix?.fields[1], { fieldPath: "embedding", vectorConfig: { dimension: 768, flat: {} } });
        assert.equal(vectorOnly?.fields.length, 1);
        assert.equal(search?.density, "SPARSE_ANY");
        assert.deepEqual([enterprise?.apiScope, enterprise?.density, enterprise?.multikey], ["MONGODB_COMPATIBLE_API", "DENSE", true]);
    });

    it("reads TTL overrides and warns that ttlConfig enables no TTL through the Firebase CLI", () => {
        const r = fixture("ttl.json");
        assert.deepEqual(r.errors, []);
        assert.deepEqual(
            r.indexFile?.fieldOverrides.map((o) => [o.collectionGroup, o.fieldPath, o.ttl, o.indexes.length]),
            [
                ["shareLinks", "expiresAt", true, 0],
                ["sessions", "expireAt", undefined, 0],
                ["drafts", "purgeAt", false, 1],
            ],
        );
        assert.deepEqual(r.warnings, [`ttl.json: fieldOverrides[1].ttlConfig: is the REST API's name, which the Firebase CLI ignores: no TTL policy is deployed; write "ttl": true`]);
    });

    it("reads exemptions (indexes: []) and overrides in both query scopes", () => {
        const r = fixture("exemption.json");
        assert.deepEqual(r.errors, []);
        const guest = r.indexFile!.fieldOverrides[3]!;
        assert.deepEqual(guest.indexes, [
            { order: "ASCENDING", queryScope: "COLLECTION" },
            { order: "DESCENDING", queryScope: "COLLECTION" },
            { order: "ASCENDING", queryScope: "COLLECTION_GROUP" },
            { arrayConfig: "CONTAINS", queryScope: "COLLECTION_GROUP" },
        ]);
        assert.deepEqual(r.indexFile!.fieldOverrides[0]!.indexes, []);
    });

    describe("one problem, one line naming the file and the entry", () => {
        it("refuses an unknown order", () => {
            assert.deepEqual(
                errorsOf((f) => (field(f, 0, 1)["order"] = "DESC")),
                ['firestore.indexes.json: indexes[0].fields[1].order: "DESC" is not an order; expected "ASCENDING" or "DESCENDING"'],
            );
        });

        it("refuses an unknown arrayConfig", () => {
            assert.deepEqual(
                errorsOf((f) => (field(f, 1, 0)["arrayConfig"] = "CONTAINS_ANY")),
                ['firestore.indexes.json: indexes[1].fields[0].arrayConfig: "CONTAINS_ANY" is not an array config; expected "CONTAINS"'],
            );
        });

        it("refuses a field with both order and arrayConfig", () => {
            assert.deepEqual(
                errorsOf((f) => (field(f, 1, 0)["order"] = "ASCENDING")),
                ['firestore.indexes.json: indexes[1].fields[0]: has both "order" and "arrayConfig"; expected exactly one: an index field is either ordered, an array (CONTAINS), a vector or a search field'],
            );
        });

        it("refuses a field with no index mode, naming the key the CLI does not read", () => {
            assert.deepEqual(
                errorsOf((f) => {
                    delete field(f, 0, 0)["order"];
                    field(f, 0, 0)["direction"] = "ASCENDING";
                }),
                ['firestore.indexes.json: indexes[0].fields[0]: no index mode (it has "direction", which the Firebase CLI does not read); expected exactly one of "order" ("ASCENDING" or "DESCENDING"), "arrayConfig" ("CONTAINS"), "vectorConfig" or "searchConfig"'],
            );
        });

        it("refuses an invalid queryScope", () => {
            assert.deepEqual(
                errorsOf((f) => (f.indexes[0]!["queryScope"] = "COLLECTION_GROUPS")),
                ['firestore.indexes.json: indexes[0].queryScope: "COLLECTION_GROUPS" is not a query scope; expected "COLLECTION" or "COLLECTION_GROUP"'],
            );
        });

        it("refuses a duplicate index, also when one writes out the implicit __name__", () => {
            assert.deepEqual(
                errorsOf((f) => f.indexes.push({ ...f.indexes[0]!, fields: [...(f.indexes[0]!["fields"] as unknown[]), { fieldPath: "__name__", order: "DESCENDING" }] })),
                ['firestore.indexes.json: indexes[2]: the same index as indexes[0] (tenantId ASC, startsAt DESC) on "meetings"; expected each index once (Firestore refuses to create it twice), remove one'],
            );
        });

        it("keeps an index whose __name__ goes against the implicit direction: it is another index", () => {
            const f = base();
            f.indexes.push({ ...f.indexes[0]!, fields: [...(f.indexes[0]!["fields"] as unknown[]), { fieldPath: "__name__", order: "ASCENDING" }] });
            const r = read(f);
            assert.deepEqual(r.errors, []);
            assert.notEqual(r.indexFile!.indexes[2]!.id, r.indexFile!.indexes[0]!.id);
        });

        it("refuses a composite index of one field, which Firestore refuses", () => {
            assert.deepEqual(
                errorsOf((f) => (f.indexes[0]!["fields"] = [{ fieldPath: "tenantId", order: "ASCENDING" }])),
                [
                    'firestore.indexes.json: indexes[0]: a composite index of one field (tenantId ASC), which Firestore refuses ("this index is not necessary, configure using single field index controls"); expected two fields or more: declare it as a single-field index in "fieldOverrides" ({"collectionGroup": "meetings", "fieldPath": "tenantId", "indexes": [...]})',
                ],
            );
        });

        it("refuses two array fields in one index", () => {
            assert.deepEqual(
                errorsOf((f) => {
                    field(f, 1, 1)["arrayConfig"] = "CONTAINS";
                    delete field(f, 1, 1)["order"];
                }),
                ["firestore.indexes.json: indexes[1]: has 2 array fields (groups, startsAt); expected at most one array field per composite index, as Firestore allows"],
            );
        });

        it("refuses an index without a collection group", () => {
            assert.deepEqual(
                errorsOf((f) => delete f.indexes[0]!["collectionGroup"]),
                ['firestore.indexes.json: indexes[0]: no "collectionGroup"; expected a collection ID such as "meetings" (the last segment of the collection path)'],
            );
        });

        it("refuses a collection path where a collection ID belongs", () => {
            assert.deepEqual(
                errorsOf((f) => (f.indexes[0]!["collectionGroup"] = "tenants/t1/meetings")),
                ['firestore.indexes.json: indexes[0].collectionGroup: "tenants/t1/meetings" is a path; expected a collection ID such as "meetings" (the last segment of the collection path)'],
            );
        });

        it("refuses the unique option, which the Firebase CLI does not support yet", () => {
            assert.deepEqual(
                errorsOf((f) => (f.indexes[0]!["unique"] = true)),
                ['firestore.indexes.json: indexes[0].unique: the Firebase CLI refuses it ("The `unique` index configuration is not supported yet"); expected no "unique" key'],
            );
        });

        it("refuses a vector field without a numeric dimension", () => {
            assert.deepEqual(
                errorsOf((f) => (f.indexes[0]!["fields"] = [{ fieldPath: "tenantId", order: "ASCENDING" }, { fieldPath: "embedding", vectorConfig: { dimension: "768", flat: {} } }])),
                ['firestore.indexes.json: indexes[0].fields[1].vectorConfig: expected {"dimension": <number>, "flat": {}}, got {"dimension":"768","flat":{}}'],
            );
        });

        it("refuses a file without indexes", () => {
            assert.deepEqual(
                errorsOf((f) => delete (f as Partial<typeof f>).indexes),
                ['firestore.indexes.json: indexes: is required (the Firebase CLI deploys nothing from a file without it); expected an array, "indexes": [] for none'],
            );
        });

        it("refuses a non-boolean ttl", () => {
            assert.deepEqual(errorsOf((f) => (f.fieldOverrides[0]!["ttl"] = "true")), ['firestore.indexes.json: fieldOverrides[0].ttl: expected true or false, got "true"']);
        });

        it("refuses an override without indexes", () => {
            assert.deepEqual(
                errorsOf((f) => delete f.fieldOverrides[0]!["indexes"]),
                ['firestore.indexes.json: fieldOverrides[0]: no "indexes"; expected the single-field indexes to keep, [] to exempt the field from single-field indexing'],
            );
        });

        it("refuses an override entry with both order and arrayConfig, as the Firebase CLI does", () => {
            assert.deepEqual(
                errorsOf((f) => (f.fieldOverrides[0]!["indexes"] = [{ order: "ASCENDING", arrayConfig: "CONTAINS" }])),
                ['firestore.indexes.json: fieldOverrides[0].indexes[0]: has both "order" and "arrayConfig"; expected exactly one of "order" ("ASCENDING" or "DESCENDING") and "arrayConfig" ("CONTAINS")'],
            );
        });

        it("refuses an override entry with an invalid queryScope", () => {
            assert.deepEqual(
                errorsOf((f) => (f.fieldOverrides[0]!["indexes"] = [{ order: "ASCENDING", queryScope: "GROUP" }])),
                ['firestore.indexes.json: fieldOverrides[0].indexes[0].queryScope: "GROUP" is not a query scope; expected "COLLECTION" or "COLLECTION_GROUP"'],
            );
        });
    });

    describe("what the Firebase CLI accepts but ignores is a warning", () => {
        it("warns about keys the Firebase CLI ignores, except _-prefixed comment keys", () => {
            const f = base();
            f.indexes[0]!["_comment"] = "why this index exists";
            f.indexes[0]!["name"] = "by-tenant";
            const r = read(f);
            assert.deepEqual(r.errors, []);
            assert.deepEqual(r.warnings, ["firestore.indexes.json: indexes[0].name: is not a key of firestore.indexes.json; the Firebase CLI ignores it"]);
        });

        it("warns that an override entry's own fieldPath is ignored", () => {
            const f = base();
            f.fieldOverrides[0]!["indexes"] = [{ fieldPath: "expiresAt.seconds", order: "ASCENDING", queryScope: "COLLECTION" }];
            assert.deepEqual(read(f).warnings, [
                'firestore.indexes.json: fieldOverrides[0].indexes[0].fieldPath: is ignored by the Firebase CLI, which indexes the override\'s own field "expiresAt"; to index "expiresAt.seconds", give it a fieldOverride of its own',
            ]);
        });

        it("warns when two overrides configure one field: only the last takes effect", () => {
            const f = base();
            f.fieldOverrides.push({ collectionGroup: "shareLinks", fieldPath: "expiresAt", indexes: [] });
            assert.deepEqual(read(f).warnings, [
                'firestore.indexes.json: fieldOverrides[1]: configures "shareLinks.expiresAt" again after fieldOverrides[0]; the Firebase CLI applies both in turn, so only this one takes effect: merge them into one',
            ]);
        });

        it("warns about a key given twice in one object", () => {
            const r = readIndexFile('{"indexes": [], "fieldOverrides": [], "indexes": []}', "firestore.indexes.json");
            assert.deepEqual(r.warnings, ["firestore.indexes.json: indexes: the key is given twice in one object; JSON readers, the Firebase CLI's too, keep only the last value"]);
        });
    });

    describe("indexId", () => {
        it("does not change when the file is reordered", () => {
            const f = base();
            const ids = read(f).indexFile!.indexes.map((i) => i.id);
            f.indexes.reverse();
            assert.deepEqual(read(f).indexFile!.indexes.map((i) => i.id), [...ids].reverse());
        });

        it("changes when a field, its order, the scope or the collection changes", () => {
            const one = { collectionGroup: "meetings", queryScope: "COLLECTION" as const, fields: [{ fieldPath: "a", order: "ASCENDING" as const }, { fieldPath: "b", order: "ASCENDING" as const }] };
            const ids = new Set([
                indexId(one),
                indexId({ ...one, collectionGroup: "rsvps" }),
                indexId({ ...one, queryScope: "COLLECTION_GROUP" }),
                indexId({ ...one, fields: [one.fields[1]!, one.fields[0]!] }),
                indexId({ ...one, fields: [one.fields[0]!, { fieldPath: "b", order: "DESCENDING" }] }),
                indexId({ ...one, fields: [one.fields[0]!, { fieldPath: "b", arrayConfig: "CONTAINS" }] }),
            ]);
            assert.equal(ids.size, 6);
            assert.match(indexId(one), /^[0-9a-f]{16}$/);
        });
    });
});

/**
 * Every real file of ../shared/corpus/firestore-indexes, accepted or rejected as the Firebase
 * CLI's deploy would (the corpus README says which files are off-spec or broken).
 */
describe("firestore.indexes.json files written by others", () => {
    const rejected: Record<string, string> = {
        "01RG0__mooney.json": "indexes[10]: a composite index of one field (count DESC)",
        "TatkovDmitriy__Lemana_zoom_agent.json": "indexes[6]: a composite index of one field (telegramUserId ASC)",
        "aazad612__smartui.json": 'fieldOverrides[0]: no "fieldPath" (it has "fields"',
        "devopsiaco__devopsia.json": 'indexes[0].fields[0]: no index mode (it has "op"',
        "rezzedai__cachebash__invalid-missing-comma.json": "invalid JSON at line 532, column 5:",
    };
    const read = (f: string) => readIndexFile(fs.readFileSync(corpusPath("firestore-indexes", f), "utf8"), f);

    itEachCorpusFile("firestore-indexes", (f) => (rejected[f] ? `rejects ${f}: ${rejected[f]}...` : `accepts ${f}`), (file) => {
        const f = path.basename(file);
        const why = rejected[f];
        const r = read(f);
        if (why) {
            assert.ok(r.errors.length > 0, "expected errors");
            assert.ok(r.errors[0]!.startsWith(`${f}: ${why}`), r.errors[0]);
            assert.equal(r.indexFile, null);
        } else {
            assert.deepEqual(r.errors, []);
            assert.ok(r.indexFile);
        }
    });

    itCorpus("knows every file it expects to reject", () => {
        const files = fs.readdirSync(corpusPath("firestore-indexes"));
        for (const f of Object.keys(rejected)) assert.ok(files.includes(f), `${f} is missing from the corpus`);
    });

    itCorpus("reads the legacy friendlyeats file as the same 8 indexes as the current Next.js sample", () => {
        const legacy = read("firebase__friendlyeats-web.json");
        const current = read("firebase__friendlyeats-web__nextjs-end.json");
        assert.equal(legacy.legacyFormat, true);
        assert.equal(legacy.indexFile!.indexes.length, 8);
        assert.deepEqual(legacy.indexFile!.indexes.map((i) => i.id).sort(), current.indexFile!.indexes.map((i) => i.id).sort());
    });

    itCorpus("reads the Firebase CLI's own commented template as an empty file", () => {
        const r = read("firebase__firebase-tools.json");
        assert.deepEqual([r.indexFile!.indexes, r.indexFile!.fieldOverrides, r.warnings], [[], [], []]);
    });

    itCorpus("gives the indexes `firebase firestore:indexes` exported (with __name__ and density) the ids of the hand-written ones", () => {
        const exported = new Set(read("invertase__react-native-firebase.json").indexFile!.indexes.map((i) => i.id));
        const handWritten = read("FirebaseExtended__flutterfire.json").indexFile!.indexes;
        assert.equal(handWritten.length, 6);
        assert.deepEqual(handWritten.filter((i) => !exported.has(i.id)), []);
    });

    itCorpus("keeps the vector, search and density settings of the pipelines file", () => {
        const r = read("invertase__react-native-firebase__pipelines-e2e.json");
        assert.deepEqual(
            r.indexFile!.indexes.map((i) => [i.density, Object.keys(i.fields[0]!).sort()]),
            [
                ["DENSE", ["fieldPath", "vectorConfig"]],
                ["SPARSE_ANY", ["fieldPath", "searchConfig"]],
            ],
        );
    });

    itCorpus("warns, without rejecting, about the ignored ttlConfig and the overrides' own field paths", () => {
        assert.deepEqual(read("johann017__streaming-news-intelligence.json").warnings, [
            `johann017__streaming-news-intelligence.json: fieldOverrides[0].ttlConfig: is the REST API's name, which the Firebase CLI ignores: no TTL policy is deployed; write "ttl": true`,
        ]);
        const fluxori = read("Fyboxly-Group__Fluxori-V2.json").warnings;
        assert.equal(fluxori.filter((w) => w.includes(".fieldPath: is ignored by the Firebase CLI")).length, 3);
    });

    itCorpus("ignores the _comment and _why keys people add", () => {
        assert.deepEqual(read("gte619n__tesseta.json").warnings, []);
        assert.deepEqual(read("4KInc__anbu-care.json").warnings, []);
    });
});
