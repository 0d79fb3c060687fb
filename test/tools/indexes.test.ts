import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { readIndexFile } from "../../policies/firestore/indexes-file";
import { InputError } from "../../tools/cli/errors";
import { main, type Output, type QueryCoverageJson } from "../../tools/indexes";
import { parseQueries } from "../../tools/indexes/read-queries";
import { projectDir, readJson, tmpDir } from "./cli";

const exampleQueries = path.join("firestore", "queries.yaml");
const exampleIndexes = path.join("firestore", "firestore.indexes.json");

/** Runs the command in-process from the project directory, as `npm run indexes` does. */
function indexes(argv: string[]): { code: number; out: string; err: string } {
    const out: string[] = [];
    const err: string[] = [];
    const io: Output = { out: (l) => out.push(l), err: (l) => err.push(l) };
    const cwd = process.cwd();
    process.chdir(projectDir);
    try {
        return { code: main(argv, io), out: out.join("\n"), err: err.join("\n") };
    } finally {
        process.chdir(cwd);
    }
}

/** The bad-input lines main throws (run() prints them as `error: ...` and exits 2). */
function badInput(argv: string[]): string[] {
    const cwd = process.cwd();
    process.chdir(projectDir);
    try {
        main(argv, { out: () => undefined, err: () => undefined });
    } catch (e) {
        if (e instanceof InputError) return e.message.split("\n");
        throw e;
    } finally {
        process.chdir(cwd);
    }
    assert.fail("expected bad input");
}

function write(dir: string, name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
}

describe("npm run indexes on the example app (firestore/)", () => {
    const out = tmpDir("indexes");

    it("covers every query of firestore/queries.yaml and exits 0", () => {
        const json = path.join(out, "coverage.json");
        const r = indexes(["--queries", exampleQueries, "--indexes", exampleIndexes, "--json", json]);
        assert.equal(r.code, 0, r.out);
        assert.equal(r.err, "");
        assert.match(r.out, /^COVERED: every query is served \(6 by single-field indexes, 10 by declared indexes\)\.$/m);
        const report = readJson<{ queries: QueryCoverageJson[] }>(json);
        assert.deepEqual(Object.keys(report), ["queries"]);
        assert.equal(report.queries.length, 16);
        for (const q of report.queries) {
            assert.deepEqual(Object.keys(q), ["id", "needsComposite", "covered", "coveredBy", "suggested"]);
            assert.equal(q.covered, true, q.id);
            assert.equal(q.suggested, null, q.id);
            assert.equal(q.coveredBy === null, !q.needsComposite, q.id);
        }
        const myRsvps = report.queries.find((q) => q.id === "my-rsvps")!;
        assert.deepEqual(myRsvps.coveredBy, {
            collectionGroup: "rsvps",
            queryScope: "COLLECTION_GROUP",
            fields: [
                { fieldPath: "userId", order: "ASCENDING" },
                { fieldPath: "respondedAt", order: "DESCENDING" },
            ],
        });
    });

    it("exits 1 naming the query when an index it needs is deleted, and suggests that very index", () => {
        const file = readIndexFile(fs.readFileSync(path.join(projectDir, exampleIndexes), "utf8"), exampleIndexes).indexFile!;
        const removed = file.indexes.find((i) => i.collectionGroup === "reports" && i.fields[0]!.fieldPath === "tenantId")!;
        const json = JSON.parse(JSON.stringify({ indexes: file.indexes.filter((i) => i !== removed).map(({ id: _id, entry: _entry, ...rest }) => rest), fieldOverrides: file.fieldOverrides.map(({ entry: _e, ...rest }) => rest) }));
        const withoutIt = write(out, "without-reports-index.json", JSON.stringify(json, null, 2));
        const report = path.join(out, "missing.json");
        const r = indexes(["--queries", exampleQueries, "--indexes", withoutIt, "--json", report]);
        assert.equal(r.code, 1);
        assert.match(r.out, /^ {2}MISSING {2}reports-of-tenant {12}no index serves it: needs \(tenantId ASC, kind ASC, periodStart DESC\) on "reports" in COLLECTION scope$/m);
        assert.match(r.out, new RegExp(`^NOT COVERED: 1 of 16 queries need an index ${withoutIt.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} does not declare: reports-of-tenant\\.$`, "m"));
        const missing = readJson<{ queries: QueryCoverageJson[] }>(report).queries.filter((q) => !q.covered);
        assert.deepEqual(missing, [
            {
                id: "reports-of-tenant",
                needsComposite: true,
                covered: false,
                coveredBy: null,
                suggested: { collectionGroup: "reports", queryScope: "COLLECTION", fields: removed.fields },
            },
        ]);
    });

    it("exits 1 when a collection-group query loses its field override, suggesting the override to add", () => {
        const text = fs.readFileSync(path.join(projectDir, exampleIndexes), "utf8");
        const withoutOverride = write(out, "without-override.json", text.replace('"fieldPath": "guestEmail"', '"fieldPath": "guestName"'));
        const r = indexes(["--queries", exampleQueries, "--indexes", withoutOverride]);
        assert.equal(r.code, 1);
        assert.match(r.out, /MISSING {2}guest-rsvps-by-email .*\n +add to "fieldOverrides": \{"collectionGroup":"rsvps","fieldPath":"guestEmail","indexes":\[/);
    });

    it("prints its usage for --help and exits 0", () => {
        const r = indexes(["--help"]);
        assert.equal(r.code, 0);
        assert.match(r.out, /^usage: npm run indexes -- --queries <file> --indexes <firestore\.indexes\.json> \[--json <out>\]$/m);
        assert.match(r.out, /Exit status: 0 every query is covered, 1 a query is not, 2 bad input/);
    });

    it("prints the index file's warnings on stderr and still decides", () => {
        const queries = write(out, "q.yaml", "- id: by-score\n  collection: events\n  orderBy: [{ field: score, direction: desc }]\n");
        const r = indexes(["--queries", queries, "--indexes", path.join("test", "fixtures", "firestore", "ttl.json")]);
        assert.equal(r.code, 0);
        assert.equal(r.err, `warning: test/fixtures/firestore/ttl.json: fieldOverrides[1].ttlConfig: is the REST API's name, which the Firebase CLI ignores: no TTL policy is deployed; write "ttl": true`);
    });
});

describe("npm run indexes on bad input (exit 2, one line per problem naming the file)", () => {
    const out = tmpDir("indexes-bad");

    it("requires --queries and --indexes", () => {
        assert.deepEqual(badInput([]), ["--queries and --indexes are required", "usage: npm run indexes -- --queries <file> --indexes <firestore.indexes.json> [--json <out>]"]);
        assert.deepEqual(badInput(["--queries", exampleQueries]), ["--indexes is required", "usage: npm run indexes -- --queries <file> --indexes <firestore.indexes.json> [--json <out>]"]);
    });

    it("refuses an unknown option", () => {
        assert.deepEqual(badInput(["--query", "x"]), ["Unknown option '--query'", "usage: npm run indexes -- --queries <file> --indexes <firestore.indexes.json> [--json <out>]", "(--help for every option)"]);
    });

    it("reports both files' problems in one run", () => {
        const queries = write(out, "q.json", JSON.stringify([{ id: "a", collection: "c", where: [{ field: "x", op: "=" }] }]));
        const broken = path.join("test", "fixtures", "firestore", "broken.json");
        assert.deepEqual(badInput(["--queries", queries, "--indexes", broken]), [
            `${queries}: [0] a: where[0].op: "=" is not allowed; expected one of "==", "!=", "<", "<=", ">", ">=", "in", "not-in", "array-contains", "array-contains-any"`,
            `${broken}: invalid JSON at line 8, column 9: unexpected "{"; expected ',' or ']' after an array element`,
        ]);
    });

    it("names a file it cannot read", () => {
        assert.deepEqual(badInput(["--queries", exampleQueries, "--indexes", "firestore/missing.json"]), ["firestore/missing.json: cannot read the indexes file: ENOENT"]);
    });
});

describe("the queries manifest (JSON or YAML)", () => {
    it("reads YAML and JSON to the same queries, with defaults for collectionGroup, where, orderBy and direction", () => {
        const yaml = parseQueries("- id: a\n  collection: meetings\n  orderBy:\n    - field: startsAt\n", "q.yaml");
        const json = parseQueries('[{"id": "a", "collection": "meetings", "orderBy": [{"field": "startsAt"}]}]', "q.json");
        const expected = [{ id: "a", collection: "meetings", collectionGroup: false, where: [], orderBy: [{ field: "startsAt", direction: "asc" }] }];
        assert.deepEqual(yaml, expected);
        assert.deepEqual(json, expected);
    });

    const problems = (text: string, file = "q.yaml") => {
        try {
            parseQueries(text, file);
        } catch (e) {
            if (e instanceof InputError) return e.message.split("\n");
            throw e;
        }
        return [];
    };

    it("names the entry and key of each shape problem", () => {
        assert.deepEqual(problems("- id: a\n  collection: c\n  orderby: []\n  where: [{ field: x, op: '==', valu: 1 }]\n- collection: d\n  orderBy: [{ field: y, direction: up }]\n"), [
            "q.yaml: [0] a: where[0].valu: unknown key; expected one of field, op, value",
            "q.yaml: [0] a: orderby: unknown key; expected one of id, collection, collectionGroup, where, orderBy",
            "q.yaml: [1]: id: is required (expected string)",
            'q.yaml: [1]: orderBy[0].direction: "up" is not allowed; expected one of "asc", "desc"',
        ]);
    });

    it("refuses duplicate ids and queries Firestore would refuse", () => {
        assert.deepEqual(problems("- { id: a, collection: c }\n- id: a\n  collection: c\n  where: [{ field: x, op: '==' }]\n  orderBy: [{ field: x, direction: asc }]\n"), [
            "q.yaml: [1] a: id: also the id of [0]; expected each query id once",
            'q.yaml: [1] a: orderBy[0]: orders by "x", which where[0] filters with "=="; Firestore does not order by a field in an equality or in filter: remove this orderBy',
        ]);
    });

    it("refuses a manifest that is not a list, or an empty one", () => {
        assert.deepEqual(problems("queries:\n  - id: a\n"), [
            'q.yaml: expected a list of queries (the queries go at the top level, not under "queries"), [{"id", "collection", "collectionGroup": false, "where": [{"field", "op", "value"}], "orderBy": [{"field", "direction"}]}]',
        ]);
        assert.deepEqual(problems("[]\n"), [
            'q.yaml: lists no queries; expected at least one, [{"id", "collection", "collectionGroup": false, "where": [{"field", "op", "value"}], "orderBy": [{"field", "direction"}]}]',
        ]);
    });

    it("reports invalid YAML and invalid JSON with line and column", () => {
        assert.deepEqual(problems("- id: a\n  id: b\n"), ["q.yaml: invalid YAML at line 2, column 3: Map keys must be unique"]);
        assert.deepEqual(problems('[{"id": "a",}]', "q.json"), ["q.json: invalid JSON at line 1, column 13: trailing comma before '}'; JSON allows none"]);
    });
});

describe("npm run indexes as a user runs it", function () {
    this.timeout(60_000);

    it("runs from package.json and exits 0 on the example app", () => {
        const r = spawnSync("npm", ["run", "--silent", "indexes", "--", "--queries", exampleQueries, "--indexes", exampleIndexes], { cwd: projectDir, encoding: "utf8", timeout: 60_000 });
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /^Firestore index coverage: 16 queries in firestore\/queries\.yaml$/m);
        assert.match(r.stdout, /^ {2}ok {7}share-links-expiring +declared indexes\[5\] \(revoked ASC, expiresAt ASC\)$/m);
    });
});
