/**
 * The Firestore resources the policies judge, as the engine hands them over: type tokens,
 * the values that protect data, and which database a resource belongs to. Shared by the
 * policies and imported by the Firestore component, so both name the same values.
 */
import type { Json } from "../lib";

export const firestoreTypes = {
    database: "gcp:firestore/database:Database",
    backupSchedule: "gcp:firestore/backupSchedule:BackupSchedule",
    index: "gcp:firestore/index:Index",
    field: "gcp:firestore/field:Field",
    /** golive's Firestore component: its registered outputs carry the gate record (gate-record.ts). */
    component: "golive:firestore:Firestore",
} as const;

/** The database the Firebase SDKs and CLI use unless told otherwise; the provider's default too. */
export const defaultDatabaseId = "(default)";

export const pitrEnabled = "POINT_IN_TIME_RECOVERY_ENABLED";
export const deleteProtectionEnabled = "DELETE_PROTECTION_ENABLED";
/**
 * deletionPolicy values that keep the data when Pulumi deletes or replaces the Database
 * resource: ABANDON forgets it and leaves it in place (the provider's default for a
 * Database), PREVENT fails the operation. DELETE deletes the data with the resource.
 */
export const dataKeepingDeletionPolicies: readonly string[] = ["ABANDON", "PREVENT"];
export const dataKeepingDeletionPolicy = "ABANDON";

/** Whether a value is given: unset optional outputs come back as null or "" from the provider. */
export function present(v: unknown): boolean {
    return v !== undefined && v !== null && v !== "";
}

/** The database id an Index, Field or BackupSchedule targets (the provider defaults it). */
export function targetDatabase(props: Json): string {
    const db: unknown = props?.database;
    return typeof db === "string" && db !== "" ? db : defaultDatabaseId;
}

/** The id of a Database resource, or undefined when it is left to autonaming. */
export function databaseId(props: Json): string | undefined {
    const name: unknown = props?.name;
    return typeof name === "string" && name !== "" ? name : undefined;
}

/** Whether a resource of `project` (possibly unset: the provider's project) can be in `other`'s. */
export function sameProject(a: Json, b: Json): boolean {
    const pa: unknown = a?.project;
    const pb: unknown = b?.project;
    return !present(pa) || !present(pb) || pa === pb;
}

/** `Firestore database "(default)" of project teei-csr-prod`, for messages. */
export function databaseRef(props: Json, resourceName: string): string {
    const id = databaseId(props);
    const project: unknown = props?.project;
    const where = typeof project === "string" && project !== "" ? ` of project ${project}` : "";
    return id ? `Firestore database "${id}"${where}` : `Firestore database ${resourceName}${where} (autonamed)`;
}
