import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
    backupScheduleSpecs, databaseOptions, databaseSpec, fieldKey, fieldSpecs, Firestore, FirestoreArgsError, indexSpecs, resolveFirestoreArgs, type FirestoreArgs,
} from "../../../components/firestore";
import { readGateRecord } from "../../../policies/firestore/gate-record";
import { indexId, readIndexFile } from "../../../policies/firestore/indexes-file";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { projectDir } from "../../config/stack-files";
import { stackArgs } from "./fixtures";
import { named, recordEngine } from "./harness";

const types = {
    component: "golive:firestore:Firestore",
    database: "gcp:firestore/database:Database",
    schedule: "gcp:firestore/backupSchedule:BackupSchedule",
    index: "gcp:firestore/index:Index",
    field: "gcp:firestore/field:Field",
};

const minimal: FirestoreArgs = { environment: "production", project: "teei-csr-prod", locationId: "eur3" };

function ofType(rs: readonly EngineResource[], type: string): EngineResource[] {
    return rs.filter((r) => r.type === type);
}

describe("Firestore", () => {
    let production: EngineResource[];
    let staging: EngineResource[];

    before(async () => {
        production = await recordEngine(() => new Firestore("firestore", stackArgs("production")));
        staging = await recordEngine(() => new Firestore("firestore", stackArgs("staging")));
    });

    it("declares a Native-mode database in the configured location with PITR and delete protection on, keeping the data", () => {
        assert.deepEqual(named(production, "firestore-database").inputs, {
            project: "teei-csr-prod",
            name: "(default)",
            locationId: "eur3",
            type: "FIRESTORE_NATIVE",
            databaseEdition: "STANDARD",
            pointInTimeRecoveryEnablement: "POINT_IN_TIME_RECOVERY_ENABLED",
            deleteProtectionState: "DELETE_PROTECTION_ENABLED",
            deletionPolicy: "ABANDON",
        });
        assert.equal(named(staging, "firestore-database").inputs["locationId"], "europe-west1");
    });

    it("protects the database and its backup schedules in production only, never its indexes, so an index stays removable", () => {
        assert.equal(named(production, "firestore-database").protect, true);
        assert.equal(named(staging, "firestore-database").protect, false);
        assert.deepEqual(ofType(production, types.schedule).map((r) => r.protect), [true, true]);
        assert.deepEqual(ofType(staging, types.schedule).map((r) => r.protect), [false]);
        const children = production.filter((r) => r.type !== types.database && r.type !== types.component && r.type !== types.schedule);
        assert.ok(children.length > 10);
        assert.deepEqual(children.filter((r) => r.protect), []);
    });

    it("schedules a daily backup kept 7 days and a weekly one kept 14 weeks in production; staging keeps only the daily", () => {
        assert.deepEqual(named(production, "firestore-backup-daily").inputs, { project: "teei-csr-prod", database: "(default)", retention: "604800s", dailyRecurrence: {} });
        assert.deepEqual(named(production, "firestore-backup-weekly").inputs, { project: "teei-csr-prod", database: "(default)", retention: "8467200s", weeklyRecurrence: { day: "SUNDAY" } });
        assert.deepEqual(ofType(staging, types.schedule).map((r) => r.urn.split("::").pop()), ["firestore-backup-daily"]);
    });

    it("declares one Index per composite index of the file, named by indexId", () => {
        const text = fs.readFileSync(path.join(projectDir, "firestore", "firestore.indexes.json"), "utf8");
        const file = readIndexFile(text, "firestore/firestore.indexes.json").indexFile!;
        const names = ofType(production, types.index).map((r) => r.urn.split("::").pop()).sort();
        assert.deepEqual(names, file.indexes.map((i) => `firestore-index-${indexId(i)}`).sort());
        const upcoming = file.indexes.find((i) => i.fields.map((f) => f.fieldPath).join() === "tenantId,status,startsAt")!;
        assert.deepEqual(named(production, `firestore-index-${upcoming.id}`).inputs, {
            project: "teei-csr-prod",
            database: "(default)",
            collection: "meetings",
            queryScope: "COLLECTION",
            fields: [{ fieldPath: "tenantId", order: "ASCENDING" }, { fieldPath: "status", order: "ASCENDING" }, { fieldPath: "startsAt", order: "ASCENDING" }],
        });
    });

    it("declares the file's field overrides: a TTL field exempt from indexing, an exemption, a collection-group index", () => {
        assert.deepEqual(named(production, "firestore-field-shareLinks.expiresAt").inputs, {
            project: "teei-csr-prod", database: "(default)", collection: "shareLinks", field: "expiresAt", indexConfig: {}, ttlConfig: {},
        });
        assert.deepEqual(named(production, "firestore-field-meetings.description").inputs, {
            project: "teei-csr-prod", database: "(default)", collection: "meetings", field: "description", indexConfig: {},
        });
        assert.deepEqual(named(production, "firestore-field-rsvps.guestEmail").inputs["indexConfig"], {
            indexes: [
                { order: "ASCENDING", queryScope: "COLLECTION" },
                { order: "DESCENDING", queryScope: "COLLECTION" },
                { order: "ASCENDING", queryScope: "COLLECTION_GROUP" },
            ],
        });
    });

    it("makes every child wait for the database and parents it to the component", () => {
        const component = named(production, "firestore");
        const db = named(production, "firestore-database");
        for (const r of production.filter((x) => x !== component)) {
            assert.equal(r.parent, component.urn, r.urn);
            if (r !== db) assert.ok(r.dependencies.includes(db.urn), `${r.urn} does not wait for the database`);
        }
    });

    it("records the database and every query of the manifest in its outputs, as the gate reads them", () => {
        const { record, problems } = readGateRecord(named(production, "firestore").outputs);
        assert.deepEqual(problems, []);
        assert.equal(record!.database, "(default)");
        assert.equal(record!.queriesFile, "firestore/queries.yaml");
        assert.equal(record!.indexesFile, "firestore/firestore.indexes.json");
        assert.deepEqual(record!.queries, [...stackArgs("production").queries!]);
        assert.equal(record!.queries.length, 16);
    });

    it("keeps every resource name when the file's indexes and overrides are reordered", () => {
        const args = stackArgs("production");
        const reversed = { ...args, indexes: { indexes: [...args.indexes!.indexes].reverse(), fieldOverrides: [...args.indexes!.fieldOverrides].reverse() } };
        const keys = (a: FirestoreArgs) => [
            ...indexSpecs(resolveFirestoreArgs(a).indexes, "p", "(default)").map((s) => s.key),
            ...fieldSpecs(resolveFirestoreArgs(a).indexes, "p", "(default)").map((s) => s.key),
        ].sort();
        assert.deepEqual(keys(reversed), keys(args));
    });

    it("declares only the last of two overrides of one field, as the Firebase CLI ends up with", () => {
        const text = JSON.stringify({
            indexes: [],
            fieldOverrides: [
                { collectionGroup: "meetings", fieldPath: "notes", indexes: [] },
                { collectionGroup: "meetings", fieldPath: "notes", indexes: [{ order: "ASCENDING", queryScope: "COLLECTION" }] },
            ],
        });
        const file = readIndexFile(text, "f.json").indexFile!;
        const specs = fieldSpecs(file, "p", "(default)");
        assert.deepEqual(specs.map((s) => [s.key, s.entry, s.args.indexConfig]), [["meetings.notes", "fieldOverrides[1]", { indexes: [{ order: "ASCENDING", queryScope: "COLLECTION" }] }]]);
    });

    it("names a field whose path is not a plain name by a hash", () => {
        assert.equal(fieldKey("meetings", "owner.id"), "meetings.owner.id");
        assert.match(fieldKey("meetings", "`odd path`"), /^[0-9a-f]{16}$/);
    });

    it("maps array, vector and Enterprise index definitions to the provider's shape", () => {
        const text = JSON.stringify({
            indexes: [
                { collectionGroup: "docs", queryScope: "COLLECTION", fields: [{ fieldPath: "tags", arrayConfig: "CONTAINS" }, { fieldPath: "at", order: "DESCENDING" }] },
                { collectionGroup: "docs", queryScope: "COLLECTION", fields: [{ fieldPath: "kind", order: "ASCENDING" }, { fieldPath: "embedding", vectorConfig: { dimension: 768, flat: {} } }] },
                { collectionGroup: "docs", queryScope: "COLLECTION_GROUP", apiScope: "MONGODB_COMPATIBLE_API", density: "DENSE", multikey: true, fields: [{ fieldPath: "a", order: "ASCENDING" }] },
            ],
        });
        const specs = indexSpecs(readIndexFile(text, "f.json").indexFile!, "p", "db");
        assert.deepEqual(specs.map((s) => s.args.fields), [
            [{ fieldPath: "tags", arrayConfig: "CONTAINS" }, { fieldPath: "at", order: "DESCENDING" }],
            [{ fieldPath: "kind", order: "ASCENDING" }, { fieldPath: "embedding", vectorConfig: { dimension: 768, flat: {} } }],
            [{ fieldPath: "a", order: "ASCENDING" }],
        ]);
        assert.deepEqual([specs[2]!.args.apiScope, specs[2]!.args.density, specs[2]!.args.multikey, specs[2]!.args.queryScope], ["MONGODB_COMPATIBLE_API", "DENSE", true, "COLLECTION_GROUP"]);
    });

    it("defaults to the (default) database, PITR, delete protection, both schedules, and protect in production only", () => {
        const production = resolveFirestoreArgs(minimal);
        assert.deepEqual(databaseOptions(production), { protect: true });
        assert.deepEqual(databaseOptions(resolveFirestoreArgs({ ...minimal, environment: "staging" })), { protect: false });
        assert.equal(databaseSpec(production).name, "(default)");
        assert.equal(databaseSpec(production).pointInTimeRecoveryEnablement, "POINT_IN_TIME_RECOVERY_ENABLED");
        assert.equal(databaseSpec(production).deleteProtectionState, "DELETE_PROTECTION_ENABLED");
        assert.deepEqual(backupScheduleSpecs(production, "(default)").map((s) => [s.key, s.args.retention]), [["daily", "604800s"], ["weekly", "8467200s"]]);
        assert.deepEqual(production.queries, []);
        assert.equal(production.queriesFile, null);
    });

    it("turns the data-protection switches off only when told, and a schedule off with null", () => {
        const weak = resolveFirestoreArgs({ ...minimal, pointInTimeRecovery: false, deleteProtection: false, protect: false, backups: { daily: null, weekly: { retentionWeeks: 4 } } });
        assert.equal(databaseSpec(weak).pointInTimeRecoveryEnablement, "POINT_IN_TIME_RECOVERY_DISABLED");
        assert.equal(databaseSpec(weak).deleteProtectionState, "DELETE_PROTECTION_DISABLED");
        assert.equal(databaseSpec(weak).deletionPolicy, "ABANDON");
        assert.deepEqual(databaseOptions(weak), { protect: false });
        assert.deepEqual(backupScheduleSpecs(weak, "(default)").map((s) => [s.key, s.args.retention, s.args.weeklyRecurrence]), [["weekly", "2419200s", { day: "SUNDAY" }]]);
    });

    it("refuses arguments Firestore would refuse, every problem at once, before registering anything", async () => {
        let thrown: unknown;
        const registered = await recordEngine(() => {
            try {
                new Firestore("firestore", { ...minimal, databaseId: "Prod", backups: { daily: { retentionDays: 8 }, weekly: { retentionWeeks: 15 } } });
            } catch (e) {
                thrown = e;
            }
        });
        assert.ok(thrown instanceof FirestoreArgsError);
        assert.deepEqual(thrown.problems, [
            'databaseId: "Prod" is not a Firestore database id; expected "(default)" or 4-63 lowercase letters, digits and \'-\', starting with a letter',
            "backups.daily.retentionDays: 8 is out of range; Firestore keeps daily backups 1 to 7 days (use a weekly schedule for longer)",
            "backups.weekly.retentionWeeks: 15 is out of range; Firestore keeps weekly backups 1 to 14 weeks",
        ]);
        assert.deepEqual(registered, []);
    });
});
