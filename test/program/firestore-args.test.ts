import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ConfigError, parseStackConfig } from "../../config";
import { firestoreArgs } from "../../program";
import { editedProduction, projectDir, rawConfig } from "../config/stack-files";
import { tmpDir } from "../tools/cli";

const stackFile = "Pulumi.production.yaml";

/** The production config with golive:firestore edited, parsed by the project's parser. */
function production(edit: (firestore: Record<string, unknown>) => void = () => undefined) {
    return parseStackConfig(editedProduction("firestore", (f) => { edit(f); return f; }), () => false, stackFile, "production");
}

/** The config-error lines firestoreArgs throws. */
function problems(config: ReturnType<typeof production>, dir = projectDir): string[] {
    try {
        firestoreArgs(config, { projectDir: dir, stackFile });
    } catch (e) {
        if (e instanceof ConfigError) return e.problems;
        throw e;
    }
    assert.fail("expected a config error");
}

describe("the Firestore args index.ts builds from the stack config", () => {
    it("reads the production stack's database settings, backups, indexes file and queries manifest", () => {
        const warnings: string[] = [];
        const args = firestoreArgs(production(), { projectDir, stackFile, warn: (w) => warnings.push(w) })!;
        assert.deepEqual(
            { ...args, indexes: undefined, queries: undefined },
            {
                environment: "production",
                project: "teei-csr-prod",
                locationId: "eur3",
                databaseId: "(default)",
                pointInTimeRecovery: true,
                deleteProtection: true,
                backups: { daily: { retentionDays: 7 }, weekly: { retentionWeeks: 14, day: "SUNDAY" } },
                indexes: undefined,
                queries: undefined,
                indexesFile: "firestore/firestore.indexes.json",
                queriesFile: "firestore/queries.yaml",
            },
        );
        assert.equal(args.indexes!.indexes.length, 10);
        assert.equal(args.indexes!.fieldOverrides.length, 3);
        assert.equal(args.queries!.length, 16);
        assert.deepEqual(warnings, []);
    });

    it("turns a schedule off with enabled: false", () => {
        const config = parseStackConfig(rawConfig("staging"), () => false, "Pulumi.staging.yaml", "staging");
        const args = firestoreArgs(config, { projectDir, stackFile: "Pulumi.staging.yaml" })!;
        assert.deepEqual(args.backups, { daily: { retentionDays: 7 }, weekly: null });
        assert.equal(args.environment, "staging");
    });

    it("gives no args for a stack without golive:firestore", () => {
        const raw = rawConfig("production");
        delete raw["golive:firestore"];
        assert.equal(firestoreArgs(parseStackConfig(raw, () => false, stackFile, "production"), { projectDir, stackFile }), undefined);
    });

    it("declares no index and records no query when the stack names neither file", () => {
        const args = firestoreArgs(production((f) => { delete f["indexesFile"]; delete f["queriesFile"]; }), { projectDir, stackFile })!;
        assert.deepEqual([args.indexes, args.queries, args.indexesFile, args.queriesFile], [{ indexes: [], fieldOverrides: [] }, [], null, null]);
    });

    it("reports a missing file by the stack file, the key and the path", () => {
        assert.deepEqual(problems(production((f) => { f["indexesFile"] = "firestore/nope.json"; })), [
            "Pulumi.production.yaml: golive:firestore.indexesFile: firestore/nope.json: cannot read the indexes file: ENOENT; expected a path relative to the project directory (where Pulumi.yaml is)",
        ]);
    });

    it("reports every problem of both files, one line each, naming the file and the entry", () => {
        const dir = tmpDir("firestore-args");
        fs.writeFileSync(path.join(dir, "indexes.json"), JSON.stringify({
            indexes: [
                { collectionGroup: "meetings", queryScope: "EVERYWHERE", fields: [{ fieldPath: "a", order: "ASCENDING" }, { fieldPath: "b", order: "ASCENDING" }] },
                { collectionGroup: "meetings", fields: [{ fieldPath: "a", order: "ASCENDING", arrayConfig: "CONTAINS" }, { fieldPath: "b", order: "ASCENDING" }] },
            ],
        }));
        fs.writeFileSync(path.join(dir, "queries.yaml"), "- id: q1\n  collection: meetings\n  where: [{field: a, op: '=~'}]\n");
        const config = production((f) => { f["indexesFile"] = "indexes.json"; f["queriesFile"] = "queries.yaml"; });
        assert.deepEqual(problems(config, dir), [
            'Pulumi.production.yaml: golive:firestore.indexesFile: indexes.json: indexes[0].queryScope: "EVERYWHERE" is not a query scope; expected "COLLECTION" or "COLLECTION_GROUP"',
            'Pulumi.production.yaml: golive:firestore.indexesFile: indexes.json: indexes[1].fields[0]: has both "order" and "arrayConfig"; expected exactly one: an index field is either ordered, an array (CONTAINS), a vector or a search field',
            'Pulumi.production.yaml: golive:firestore.queriesFile: queries.yaml: [0] q1: where[0].op: "=~" is not allowed; expected one of "==", "!=", "<", "<=", ">", ">=", "in", "not-in", "array-contains", "array-contains-any"',
        ]);
    });

    it("passes on what the Firebase CLI would ignore as warnings, and deploys what the CLI would", () => {
        const dir = tmpDir("firestore-args");
        fs.writeFileSync(path.join(dir, "indexes.json"), JSON.stringify({
            indexes: [],
            fieldOverrides: [{ collectionGroup: "shareLinks", fieldPath: "expiresAt", ttlConfig: {}, indexes: [] }],
        }));
        const warnings: string[] = [];
        const args = firestoreArgs(production((f) => { f["indexesFile"] = "indexes.json"; delete f["queriesFile"]; }), { projectDir: dir, stackFile, warn: (w) => warnings.push(w) })!;
        assert.deepEqual(warnings, [
            'Pulumi.production.yaml: golive:firestore.indexesFile: indexes.json: fieldOverrides[0].ttlConfig: is the REST API\'s name, which the Firebase CLI ignores: no TTL policy is deployed; write "ttl": true',
        ]);
        assert.equal(args.indexes!.fieldOverrides[0]!.ttl, undefined);
    });
});

describe("the golive:firestore schema", () => {
    const refused = (edit: (f: Record<string, unknown>) => void): string[] => {
        try {
            production(edit);
        } catch (e) {
            if (e instanceof ConfigError) return e.problems;
            throw e;
        }
        assert.fail("expected a config error");
    };

    it("refuses a daily backup kept beyond Firestore's 7 days, and a weekly one beyond 14 weeks", () => {
        assert.deepEqual(refused((f) => { f["backups"] = { daily: { retentionDays: 10 }, weekly: { retentionWeeks: 20 } }; }), [
            "Pulumi.production.yaml: golive:firestore.backups.daily.retentionDays: must be at most 7, Firestore's limit for daily backups; keep older copies with the weekly schedule (got 10)",
            "Pulumi.production.yaml: golive:firestore.backups.weekly.retentionWeeks: must be at most 14, Firestore's limit for weekly backups (got 20)",
        ]);
    });

    it("refuses an unknown weekday, a location that is none, a path outside the project and a database id Firestore refuses", () => {
        assert.deepEqual(refused((f) => {
            f["backups"] = { weekly: { day: "FUNDAY" } };
            f["locationId"] = "Europe";
            f["queriesFile"] = "../elsewhere/queries.yaml";
            f["database"] = "Prod";
        }), [
            'Pulumi.production.yaml: golive:firestore.database: must be "(default)" or a database id of 4-63 lowercase letters, digits and \'-\', starting with a letter (got "Prod")',
            'Pulumi.production.yaml: golive:firestore.locationId: must be a Firestore location such as eur3, nam5 or europe-west1 (got "Europe")',
            `Pulumi.production.yaml: golive:firestore.queriesFile: must be a path inside the project directory (no '..') (got "../elsewhere/queries.yaml")`,
            'Pulumi.production.yaml: golive:firestore.backups.weekly.day: expected one of "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", got "FUNDAY"',
        ]);
    });

    it("refuses an unknown key, as the old backupRetentionDays", () => {
        assert.deepEqual(refused((f) => { f["backupRetentionDays"] = 7; }), [
            "Pulumi.production.yaml: golive:firestore.backupRetentionDays: unknown key; remove it or check its spelling",
        ]);
    });
});
