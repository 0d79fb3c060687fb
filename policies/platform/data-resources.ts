/**
 * The resources that hold data a stack cannot recreate: deleting one loses it (a database, its
 * backups, a bucket's objects, a zone's records and settings). Not a policy.
 */
import { firestoreTypes } from "../firestore/resources";
import { bucketType } from "../edge/frontend";

export const dataHoldingTypes: Readonly<Record<string, string>> = {
    [firestoreTypes.backupSchedule]: "Firestore backup schedule",
    [bucketType]: "Cloud Storage bucket",
    "cloudflare:index/zone:Zone": "Cloudflare zone",
    "gcp:sql/databaseInstance:DatabaseInstance": "Cloud SQL instance",
};
