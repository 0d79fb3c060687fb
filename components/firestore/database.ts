/** The Firestore database itself: its inputs and resource options, from the resolved args. */
import type * as gcpFirestore from "@pulumi/gcp/firestore";
import type * as pulumi from "@pulumi/pulumi";
import { dataKeepingDeletionPolicy, deleteProtectionEnabled, pitrEnabled } from "../../policies/firestore/resources";
import type { ResolvedFirestoreArgs } from "./args";

export function databaseSpec(args: ResolvedFirestoreArgs): gcpFirestore.DatabaseArgs {
    return {
        project: args.project,
        name: args.databaseId,
        locationId: args.locationId,
        // Native mode: the mode the Firebase SDKs, security rules and firestore.indexes.json are for.
        type: "FIRESTORE_NATIVE",
        // Standard edition: automatic single-field indexes, which the index coverage rules assume.
        databaseEdition: "STANDARD",
        pointInTimeRecoveryEnablement: args.pointInTimeRecovery ? pitrEnabled : "POINT_IN_TIME_RECOVERY_DISABLED",
        deleteProtectionState: args.deleteProtection ? deleteProtectionEnabled : "DELETE_PROTECTION_DISABLED",
        // Whatever Pulumi does to the resource (delete, replace, destroy), the data stays in place.
        deletionPolicy: dataKeepingDeletionPolicy,
    };
}

/** The Database's own options: `protect` (never inherited, so indexes stay removable). */
export function databaseOptions(args: ResolvedFirestoreArgs): Pick<pulumi.CustomResourceOptions, "protect"> {
    return { protect: args.protect };
}
