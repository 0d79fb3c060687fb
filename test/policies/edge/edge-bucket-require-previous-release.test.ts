import { strict as assert } from "node:assert";
import { edgeBucketRequirePreviousRelease as policy } from "../../../policies/edge";
import { messages, notApplicable, UNKNOWN } from "../harness";
import { edgeResource } from "./fixtures";

const fix = "Keep versioning on, let lifecycle rules delete only noncurrent objects after daysSinceNoncurrentTime >= 90, leave forceDestroy off, and label the bucket with the active and previous releases (the Edge component does all of it).";
const bucket = (edit: (p: any) => void) => edgeResource("bucket", edit); // eslint-disable-line @typescript-eslint/no-explicit-any -- raw props

describe("edge-bucket-require-previous-release", () => {
    it("passes a versioned bucket that keeps retired releases 90 days and names active and previous", async () => {
        assert.deepEqual(await messages(policy, edgeResource("bucket")), []);
    });

    it("refuses a bucket that names no previous release", async () => {
        assert.deepEqual(await messages(policy, bucket((p) => { delete p.labels["golive-previous-release"]; })), [`Frontend bucket teei-csr-prod-static names no previous release (label golive-previous-release), so a rollback has no release to point the CDN at. Set the stack's previous release. ${fix}`]);
    });

    it("refuses the active release named as the previous one", async () => {
        assert.deepEqual(await messages(policy, bucket((p) => { p.labels["golive-previous-release"] = "v2_5_0"; })), [`Frontend bucket teei-csr-prod-static names release v2_5_0 as both active and previous, so a rollback would serve the same release. Set the previous release to the one before. ${fix}`]);
    });

    it("refuses a bucket without versioning", async () => {
        assert.deepEqual(await messages(policy, bucket((p) => { p.versioning.enabled = false; })), [`Frontend bucket teei-csr-prod-static has no object versioning, so a deleted or overwritten release file is gone at once and a rollback to it fails. ${fix}`]);
    });

    it("refuses forceDestroy", async () => {
        assert.deepEqual(await messages(policy, bucket((p) => { p.forceDestroy = true; })), [`Frontend bucket teei-csr-prod-static has forceDestroy on, so a destroy or a replacement of the bucket deletes every release with it. ${fix}`]);
    });

    it("refuses an age rule that deletes live release objects", async () => {
        const b = bucket((p) => { p.lifecycleRules = [{ action: { type: "Delete" }, condition: { age: 90 } }]; });
        assert.deepEqual(await messages(policy, b), [`Lifecycle rule #1 of frontend bucket teei-csr-prod-static deletes live objects under releases/ (condition {"age":90}), so the active or previous release can be deleted while it is served. ${fix}`]);
    });

    it("refuses retired releases deleted after 7 days", async () => {
        const b = bucket((p) => { p.lifecycleRules[0].condition.daysSinceNoncurrentTime = 7; });
        assert.deepEqual(await messages(policy, b), [`Lifecycle rule #1 of frontend bucket teei-csr-prod-static deletes retired release objects 7 days after they are retired, under the 90 days a rollback may need them. ${fix}`]);
    });

    it("refuses an archived-object rule counted from creation instead of retirement", async () => {
        const b = bucket((p) => { p.lifecycleRules[0].condition = { withState: "ARCHIVED", age: 30 }; });
        assert.deepEqual(await messages(policy, b), [`Lifecycle rule #1 of frontend bucket teei-csr-prod-static deletes retired release objects without waiting daysSinceNoncurrentTime, under the 90 days a rollback may need them. ${fix}`]);
    });

    it("leaves rules for other prefixes and other actions alone", async () => {
        const b = bucket((p) => {
            p.lifecycleRules.push({ action: { type: "Delete" }, condition: { age: 1, matchesPrefixes: ["tmp/"] } });
            p.lifecycleRules.push({ action: { type: "SetStorageClass", storageClass: "NEARLINE" }, condition: { age: 30 } });
        });
        assert.deepEqual(await messages(policy, b), []);
    });

    it("cannot pass silently when versioning is unknown during preview", async () => {
        const [message] = await messages(policy, bucket((p) => { p.versioning = UNKNOWN; }));
        assert.match(message ?? "", /can't run policy 'edge-bucket-require-previous-release'.*during preview/);
    });

    it("does not judge buckets that are not a frontend's, nor other resources", async () => {
        assert.deepEqual(await notApplicable(policy, bucket((p) => { p.labels = {}; })), [policy.name]);
        assert.deepEqual(await notApplicable(policy, edgeResource("api")), [policy.name]);
    });
});
