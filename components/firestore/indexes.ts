/**
 * firestore.indexes.json as resources: an Index per composite index, named by the hash of
 * its definition (`indexId`), so reordering the file replaces nothing and changing an index
 * creates the new one before the old one is deleted; a Field per overridden field
 * (single-field indexes, exemptions, TTL), named by the field.
 */
import { createHash } from "node:crypto";
import type * as gcpFirestore from "@pulumi/gcp/firestore";
import type { firestore as firestoreInputs } from "@pulumi/gcp/types/input";
import type * as pulumi from "@pulumi/pulumi";
import type { DeclaredIndex, FieldOverride, IndexFile } from "../../policies/firestore/indexes-file";

export interface IndexSpec {
    /** `indexId()` of the definition. */
    key: string;
    /** Where it is in the file (`indexes[3]`), for people. */
    entry: string;
    args: gcpFirestore.IndexArgs;
}

export interface FieldSpec {
    /** `<collectionGroup>.<fieldPath>`, or a hash of it when that is not a plain name. */
    key: string;
    entry: string;
    args: gcpFirestore.FieldArgs;
}

function indexArgs(index: DeclaredIndex, project: string, database: pulumi.Input<string>): gcpFirestore.IndexArgs {
    const args: gcpFirestore.IndexArgs = {
        project,
        database,
        collection: index.collectionGroup,
        queryScope: index.queryScope,
        // Without the implicit trailing __name__: Firestore adds it, as the Firebase CLI leaves it to.
        fields: index.fields.map((f) => {
            if (f.order) return { fieldPath: f.fieldPath, order: f.order };
            if (f.arrayConfig) return { fieldPath: f.fieldPath, arrayConfig: f.arrayConfig };
            if (f.vectorConfig) return { fieldPath: f.fieldPath, vectorConfig: { dimension: f.vectorConfig.dimension, flat: {} } };
            return { fieldPath: f.fieldPath, searchConfig: f.searchConfig as firestoreInputs.IndexFieldSearchConfig };
        }),
    };
    if (index.apiScope !== undefined) args.apiScope = index.apiScope;
    if (index.density !== undefined) args.density = index.density;
    if (index.multikey !== undefined) args.multikey = index.multikey;
    return args;
}

export function indexSpecs(file: IndexFile, project: string, database: pulumi.Input<string>): IndexSpec[] {
    return file.indexes.map((index) => ({ key: index.id, entry: index.entry, args: indexArgs(index, project, database) }));
}

/** A resource-name-safe key for a field: readable when it can be. */
export function fieldKey(collectionGroup: string, fieldPath: string): string {
    const key = `${collectionGroup}.${fieldPath}`;
    return /^[A-Za-z0-9_.-]+$/.test(key) ? key : createHash("sha256").update(`${collectionGroup}\u0000${fieldPath}`).digest("hex").slice(0, 16);
}

function fieldArgs(o: FieldOverride, project: string, database: pulumi.Input<string>): gcpFirestore.FieldArgs {
    return {
        project,
        database,
        collection: o.collectionGroup,
        field: o.fieldPath,
        // An empty indexConfig exempts the field from single-field indexing; a list replaces the automatic indexes.
        indexConfig: o.indexes.length === 0
            ? {}
            : { indexes: o.indexes.map((i) => (i.order ? { order: i.order, queryScope: i.queryScope } : { arrayConfig: i.arrayConfig, queryScope: i.queryScope })) },
        // ttl absent or false: no TTL policy (an unset ttlConfig disables one).
        ...(o.ttl ? { ttlConfig: {} } : {}),
    };
}

/**
 * One Field per overridden field. When the file overrides a field twice, the Firebase CLI
 * applies both in turn, so the last one is what the field ends up with: only it is declared.
 */
export function fieldSpecs(file: IndexFile, project: string, database: pulumi.Input<string>): FieldSpec[] {
    const last = new Map<string, FieldOverride>();
    for (const o of file.fieldOverrides) last.set(`${o.collectionGroup}\u0000${o.fieldPath}`, o);
    return [...last.values()].map((o) => ({ key: fieldKey(o.collectionGroup, o.fieldPath), entry: o.entry, args: fieldArgs(o, project, database) }));
}
