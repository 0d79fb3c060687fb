/**
 * Production's data-holding resources, as they exist in the program (the Firestore database
 * and its backup schedules, the edge's reserved address, storage buckets, a Cloudflare zone
 * once the program declares one), are `protect`ed, so removing one from the program or a
 * `pulumi destroy` fails instead of planning its deletion, and their inputs keep the data
 * when Pulumi deletes or replaces them anyway. A property over every such resource of the
 * production plan: a data-holding type added to the program needs a line in `keepsData`.
 * (A protected resource removed against a baseline export is the launch phases' check.)
 */
import { strict as assert } from "node:assert";
import { dataKeepingDeletionPolicy, deleteProtectionEnabled } from "../../policies/firestore/resources";
import type { EngineResource } from "../../tools/analyzer/resource";
import { shippedPlan } from "./support";

/** Per data-holding type: what in its inputs keeps the data on delete, or "" when protect is the whole guard. */
const keepsData: Record<string, (inputs: Record<string, unknown>) => string> = {
    "gcp:firestore/database:Database": (i) =>
        i["deletionPolicy"] !== dataKeepingDeletionPolicy
            ? `deletionPolicy is ${JSON.stringify(i["deletionPolicy"])}, not ${dataKeepingDeletionPolicy}`
            : i["deleteProtectionState"] !== deleteProtectionEnabled
              ? `deleteProtectionState is ${JSON.stringify(i["deleteProtectionState"])}, not ${deleteProtectionEnabled}`
              : "",
    // Deleting a schedule stops the backups; the backups taken expire on their own.
    "gcp:firestore/backupSchedule:BackupSchedule": () => "",
    "gcp:compute/globalAddress:GlobalAddress": () => "",
    "gcp:storage/bucket:Bucket": (i) => (i["forceDestroy"] === true ? "forceDestroy is true: deleting the bucket deletes its objects" : ""),
    "cloudflare:index/zone:Zone": () => "",
};

describe("properties: production's data-holding resources are protected and keep their data on delete", () => {
    let production: EngineResource[];
    before(async () => {
        production = await shippedPlan("production");
    });

    it("the production plan holds the database, its backups, the edge's address and the release bucket", () => {
        const types = new Set(production.map((r) => r.type));
        for (const t of ["gcp:firestore/database:Database", "gcp:firestore/backupSchedule:BackupSchedule", "gcp:compute/globalAddress:GlobalAddress", "gcp:storage/bucket:Bucket"]) {
            assert.ok(types.has(t), `the production plan has no ${t}`);
        }
    });

    it("every data-holding resource of the production plan is protected", () => {
        const unprotected = production.filter((r) => r.type in keepsData && r.protect !== true).map((r) => r.urn);
        assert.deepEqual(unprotected, [], "data-holding resources without protect: removing one from the program would plan its deletion");
    });

    it("every data-holding resource of the production plan keeps its data when deleted or replaced", () => {
        const losing = production.filter((r) => r.type in keepsData).map((r) => ({ urn: r.urn, problem: keepsData[r.type]!(r.inputs) })).filter((x) => x.problem);
        assert.deepEqual(losing, []);
    });

    it("staging leaves protect off (staging data is disposable), so the production property is not vacuous", async () => {
        const staging = await shippedPlan("staging");
        assert.ok(staging.some((r) => r.type in keepsData && r.protect !== true));
    });
});
