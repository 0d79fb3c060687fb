/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are raw resource JSON */
/**
 * A compliant Firestore stack as golive declares it (the shapes its component sends), small
 * enough to read: the database, its two backup schedules, two composite indexes, a
 * collection-group single-field index, a TTL field, and the component recording four
 * queries those indexes serve. Tests change one thing each.
 */
import { gateRecordOutputs } from "../../../policies/firestore/gate-record";
import type { Query } from "../../../policies/firestore/query";
import { firestoreTypes } from "../../../policies/firestore/resources";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { resource } from "../harness";

export const project = "teei-csr-prod";

export function databaseProps(): any {
    return {
        project,
        name: "(default)",
        locationId: "eur3",
        type: "FIRESTORE_NATIVE",
        databaseEdition: "STANDARD",
        pointInTimeRecoveryEnablement: "POINT_IN_TIME_RECOVERY_ENABLED",
        deleteProtectionState: "DELETE_PROTECTION_ENABLED",
        deletionPolicy: "ABANDON",
    };
}

/** The Database, protected, after `change` edits its props. */
export function database(change: (props: any) => void = () => undefined, extra: Partial<EngineResource> = {}): EngineResource {
    const props = databaseProps();
    change(props);
    return resource(firestoreTypes.database, "firestore-database", props, { protect: true, ...extra });
}

export function schedule(key: "daily" | "weekly", change: (props: any) => void = () => undefined): EngineResource {
    const props: any = key === "daily"
        ? { project, database: "(default)", retention: "604800s", dailyRecurrence: {} }
        : { project, database: "(default)", retention: "8467200s", weeklyRecurrence: { day: "SUNDAY" } };
    change(props);
    return resource(firestoreTypes.backupSchedule, `firestore-backup-${key}`, props);
}

type Mode = "ASCENDING" | "DESCENDING" | "CONTAINS";

export function index(name: string, collection: string, fields: Array<[string, Mode]>, change: (props: any) => void = () => undefined): EngineResource {
    const props: any = {
        project,
        database: "(default)",
        collection,
        queryScope: "COLLECTION",
        fields: fields.map(([fieldPath, mode]) => (mode === "CONTAINS" ? { fieldPath, arrayConfig: mode } : { fieldPath, order: mode })),
    };
    change(props);
    return resource(firestoreTypes.index, name, props);
}

export function field(name: string, collection: string, fieldPath: string, indexConfig: any, change: (props: any) => void = () => undefined): EngineResource {
    const props: any = { project, database: "(default)", collection, field: fieldPath, indexConfig };
    change(props);
    return resource(firestoreTypes.field, name, props);
}

export const queries: Query[] = [
    { id: "share-link-by-token", collection: "shareLinks", collectionGroup: false, where: [{ field: "token", op: "==" }], orderBy: [] },
    { id: "meetings-of-owner", collection: "meetings", collectionGroup: false, where: [{ field: "ownerId", op: "==" }], orderBy: [{ field: "startsAt", direction: "desc" }] },
    {
        id: "upcoming-meetings-of-tenant",
        collection: "meetings",
        collectionGroup: false,
        where: [{ field: "tenantId", op: "==" }, { field: "status", op: "==", value: "scheduled" }, { field: "startsAt", op: ">=" }],
        orderBy: [{ field: "startsAt", direction: "asc" }],
    },
    { id: "guest-rsvps-by-email", collection: "rsvps", collectionGroup: true, where: [{ field: "guestEmail", op: "==" }], orderBy: [] },
];

/** The component's record, as its registered outputs carry it; `change` edits the outputs. */
export function component(change: (outputs: any) => void = () => undefined): EngineResource {
    const outputs: any = gateRecordOutputs({
        database: "(default)",
        project,
        indexesFile: "firestore/firestore.indexes.json",
        queriesFile: "firestore/queries.yaml",
        queries,
    });
    change(outputs);
    return resource(firestoreTypes.component, "firestore", {}, { custom: false, outputs });
}

export const ownerIndex = () => index("firestore-index-owner", "meetings", [["ownerId", "ASCENDING"], ["startsAt", "DESCENDING"]]);
export const upcomingIndex = () => index("firestore-index-upcoming", "meetings", [["tenantId", "ASCENDING"], ["status", "ASCENDING"], ["startsAt", "ASCENDING"]]);
export const guestEmailField = () => field("firestore-field-rsvps.guestEmail", "rsvps", "guestEmail", {
    indexes: [{ order: "ASCENDING", queryScope: "COLLECTION" }, { order: "DESCENDING", queryScope: "COLLECTION" }, { order: "ASCENDING", queryScope: "COLLECTION_GROUP" }],
});
export const ttlField = () => field("firestore-field-shareLinks.expiresAt", "shareLinks", "expiresAt", {}, (p) => { p.ttlConfig = {}; });

export function compliantStack(): EngineResource[] {
    return [component(), database(), schedule("daily"), schedule("weekly"), ownerIndex(), upcomingIndex(), guestEmailField(), ttlField()];
}

/** The compliant stack with `replacement` in place of the resource of the same URN (or added). */
export function stackWith(...replacements: EngineResource[]): EngineResource[] {
    const stack = compliantStack();
    for (const r of replacements) {
        const at = stack.findIndex((x) => x.urn === r.urn);
        if (at >= 0) stack[at] = r;
        else stack.push(r);
    }
    return stack;
}

/** The compliant stack without the resources of these names. */
export function stackWithout(...names: string[]): EngineResource[] {
    return compliantStack().filter((r) => !names.some((n) => r.urn.endsWith(`::${n}`)));
}

/** A resource golive's policies do not judge. */
export const bucket = () => resource("gcp:storage/bucket:Bucket", "exports", { name: "teei-exports", location: "EU" });
