import { z } from "zod";

export const firestore = z.strictObject({
    /** Firestore location, e.g. eur3 or europe-west1. */
    locationId: z.string().min(1),
    /** A Firebase CLI firestore.indexes.json to declare, relative to the project. */
    indexesFile: z.string().min(1).optional(),
    pointInTimeRecovery: z.boolean().default(true),
    deleteProtection: z.boolean().default(true),
    /** Daily backup retention in days (Firestore allows up to 14 weeks). */
    backupRetentionDays: z.number().int().min(1).max(98).default(7),
});
