import { strict as assert } from "node:assert";
import { platformDatastoreRequireProtect as policy } from "../../../policies/platform/platform-datastore-require-protect";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { messages, notApplicable, resource as bare } from "../harness";

/** A resource as golive declares it: a child of one of its components. */
function resource(type: string, name: string, inputs: Record<string, unknown>, extra: Partial<EngineResource> = {}): EngineResource {
    return bare(type, name, inputs, { urn: `urn:pulumi:production::golive::golive:firestore:Firestore$${type}::${name}`, ...extra });
}

const fix = "Set the resource option protect: true on it (golive's components do in production), or run `pulumi state protect <urn>` for a resource already deployed.";

describe("platform-datastore-require-protect", () => {
    const database = (protect: boolean) => resource("gcp:firestore/database:Database", "firestore-database", { name: "(default)", project: "teei-csr-prod", locationId: "eur3" }, { protect });

    it("passes a protected backup schedule, bucket and zone", async () => {
        assert.deepEqual(await messages(policy, resource("gcp:firestore/backupSchedule:BackupSchedule", "firestore-backup-daily", { retention: "604800s" }, { protect: true })), []);
        assert.deepEqual(await messages(policy, resource("gcp:storage/bucket:Bucket", "edge-static-bucket", { name: "teei-csr-prod-static" }, { protect: true })), []);
        assert.deepEqual(await messages(policy, resource("cloudflare:index/zone:Zone", "zone", { name: "teei.example.com" }, { protect: true })), []);
    });

    it("leaves the Firestore database to firestore-database-enable-delete-protection, which judges its protect", async () => {
        assert.deepEqual(await notApplicable(policy, database(false)), ["platform-datastore-require-protect"]);
    });

    it("fails a backup schedule without protect", async () => {
        assert.deepEqual(await messages(policy, resource("gcp:firestore/backupSchedule:BackupSchedule", "firestore-backup-weekly", { retention: "8467200s" })), [
            `Firestore backup schedule firestore-backup-weekly is not protected: \`pulumi destroy\`, or removing it from the program, would delete it and the data it holds. ${fix}`,
        ]);
    });

    it("fails a storage bucket without protect", async () => {
        assert.deepEqual(await messages(policy, resource("gcp:storage/bucket:Bucket", "edge-static-bucket", { name: "teei-csr-prod-static" })), [
            `Cloud Storage bucket edge-static-bucket is not protected: \`pulumi destroy\`, or removing it from the program, would delete it and the data it holds. ${fix}`,
        ]);
    });

    it("does not judge a bucket golive did not declare (a stack export someone else wrote)", async () => {
        assert.deepEqual(await notApplicable(policy, bare("gcp:storage/bucket:Bucket", "logs", { name: "their-logs" })), ["platform-datastore-require-protect"]);
    });

    it("does not apply to resources that hold no data", async () => {
        assert.deepEqual(await notApplicable(policy, resource("gcp:firestore/index:Index", "firestore-index-1", { collection: "meetings" })), ["platform-datastore-require-protect"]);
    });
});
