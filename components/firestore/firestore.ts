// The firestore module only: the package root loads every GCP module (~0.5 s per run).
import * as gcpFirestore from "@pulumi/gcp/firestore";
import * as pulumi from "@pulumi/pulumi";
import { gateRecordOutputs } from "../../policies/firestore/gate-record";
import { firestoreTypes } from "../../policies/firestore/resources";
import { firestoreProblems, FirestoreArgsError, resolveFirestoreArgs, type FirestoreArgs } from "./args";
import { backupScheduleSpecs } from "./backups";
import { databaseOptions, databaseSpec } from "./database";
import { fieldSpecs, indexSpecs } from "./indexes";

/**
 * A stack's Firestore database (Native mode, point-in-time recovery, delete protection,
 * `protect` in production, data kept whatever Pulumi does), its scheduled backups, and the
 * indexes and field overrides of the app's firestore.indexes.json. Its outputs record the
 * app's queries for the gate, which checks the declared indexes serve every one.
 */
export class Firestore extends pulumi.ComponentResource {
    /** The database id, known at preview. */
    readonly databaseName: pulumi.Output<string>;
    readonly database: gcpFirestore.Database;
    readonly backupSchedules: Readonly<Record<string, gcpFirestore.BackupSchedule>>;
    /** Keyed by `indexId`. */
    readonly indexes: Readonly<Record<string, gcpFirestore.Index>>;
    /** Keyed by `<collectionGroup>.<fieldPath>`. */
    readonly fields: Readonly<Record<string, gcpFirestore.Field>>;

    constructor(name: string, args: FirestoreArgs, opts?: pulumi.ComponentResourceOptions) {
        const problems = firestoreProblems(args);
        if (problems.length > 0) throw new FirestoreArgsError(problems);
        super(firestoreTypes.component, name, {}, opts);

        const a = resolveFirestoreArgs(args);
        this.database = new gcpFirestore.Database(`${name}-database`, databaseSpec(a), { parent: this, ...databaseOptions(a) });
        // Everything else names the database through its output, so it waits for it.
        const db = this.database.name;

        const schedules: Record<string, gcpFirestore.BackupSchedule> = {};
        for (const s of backupScheduleSpecs(a, db)) {
            // Protected like the database: removing a schedule from the program must not silently stop the backups.
            schedules[s.key] = new gcpFirestore.BackupSchedule(`${name}-backup-${s.key}`, s.args, { parent: this, protect: a.protect });
        }
        this.backupSchedules = schedules;

        const indexes: Record<string, gcpFirestore.Index> = {};
        for (const s of indexSpecs(a.indexes, a.project, db)) {
            indexes[s.key] = new gcpFirestore.Index(`${name}-index-${s.key}`, s.args, { parent: this });
        }
        this.indexes = indexes;

        const fields: Record<string, gcpFirestore.Field> = {};
        for (const s of fieldSpecs(a.indexes, a.project, db)) {
            fields[s.key] = new gcpFirestore.Field(`${name}-field-${s.key}`, s.args, { parent: this });
        }
        this.fields = fields;

        this.databaseName = pulumi.output(a.databaseId);
        this.registerOutputs({
            ...gateRecordOutputs({
                database: a.databaseId,
                project: a.project,
                indexesFile: a.indexesFile,
                queriesFile: a.queriesFile,
                queries: [...a.queries],
            }),
            locationId: a.locationId,
        });
    }
}
