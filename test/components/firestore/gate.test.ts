/**
 * What the Firestore component declares, judged by every Firestore policy through
 * @pulumi/policy's own Analyze/AnalyzeStack handlers (the policy tests' harness), with the
 * `protect` option and the registered outputs as the engine sends them. The example stacks
 * pass; each weakening of the data's protection, and each index a query loses, fails
 * naming the database or the query.
 */
import * as assert from "node:assert/strict";
import type { Policy, StackValidationPolicy } from "@pulumi/policy";
import { Firestore, type FirestoreArgs } from "../../../components/firestore";
import { firestorePolicies } from "../../../policies/firestore";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { analyze, analyzeStack } from "../../policies/harness";
import { stackArgs } from "./fixtures";
import { recordEngine } from "./harness";

function isStackPolicy(p: Policy): p is StackValidationPolicy {
    return "validateStack" in p;
}

/** Every Firestore policy's findings on what `args` declares, as `policy: message` lines (without the description). */
async function findings(args: FirestoreArgs): Promise<string[]> {
    const resources: EngineResource[] = await recordEngine(() => new Firestore("firestore", args));
    const out: string[] = [];
    for (const policy of firestorePolicies) {
        const diagnostics = isStackPolicy(policy)
            ? await analyzeStack(policy, resources)
            : (await Promise.all(resources.map((r) => analyze(policy, r)))).flat();
        out.push(...diagnostics.map((d) => `${d.policyName}: ${d.message.slice(d.message.indexOf("\n") + 1)}`));
    }
    return out;
}

const db = 'Firestore database "(default)" of project teei-csr-prod';

describe("Firestore against the Firestore policies", () => {
    it("runs every Firestore policy of the pack", () => {
        assert.equal(firestorePolicies.length, 5);
    });

    it("passes every Firestore policy for the production example: database, backups, 10 indexes, 16 queries", async () => {
        assert.deepEqual(await findings(stackArgs("production")), []);
    });

    it("passes every policy for staging but the protect option, which staging leaves off", async () => {
        assert.deepEqual(await findings(stackArgs("staging")), [
            'firestore-database-enable-delete-protection: Firestore database "(default)" of project teei-csr-staging: the resource is not protected (protect: false), so `pulumi destroy`, a replacement, or removing it from the program plans its deletion. Set the resource option protect: true (golive\'s Firestore component sets it in production).',
        ]);
    });

    it("fails naming the query when the index it needs is deleted from the file", async () => {
        const args = stackArgs("production");
        const kept = args.indexes!.indexes.filter((i) => i.fields.map((f) => f.fieldPath).join() !== "meetingId,revoked,createdAt");
        assert.equal(kept.length, args.indexes!.indexes.length - 1);
        const found = await findings({ ...args, indexes: { ...args.indexes!, indexes: kept } });
        assert.deepEqual(found, [
            'firestore-query-missing-index: Firestore query "share-links-of-meeting" (firestore/queries.yaml) on Firestore database "(default)": no index serves it: needs (meetingId ASC, revoked ASC, createdAt DESC) on "shareLinks" in COLLECTION scope, so the app gets a "needs index" error. '
            + 'Add to "indexes" of firestore/firestore.indexes.json: {"collectionGroup":"shareLinks","queryScope":"COLLECTION","fields":[{"fieldPath":"meetingId","order":"ASCENDING"},{"fieldPath":"revoked","order":"ASCENDING"},{"fieldPath":"createdAt","order":"DESCENDING"}]}',
        ]);
    });

    it("fails naming the database when point-in-time recovery is turned off", async () => {
        const found = await findings({ ...stackArgs("production"), pointInTimeRecovery: false });
        assert.deepEqual(found.map((f) => f.slice(0, f.indexOf(":", f.indexOf(":") + 1))), [`firestore-database-enable-pitr: ${db}`]);
    });

    it("fails naming the database when delete protection or protect is turned off", async () => {
        const found = await findings({ ...stackArgs("production"), deleteProtection: false, protect: false });
        assert.deepEqual(found.map((f) => f.slice(0, f.indexOf(":", f.indexOf(":") + 1))), [
            `firestore-database-enable-delete-protection: ${db}`,
            `firestore-database-enable-delete-protection: ${db}`,
        ]);
        assert.match(found[0]!, /delete protection is DELETE_PROTECTION_DISABLED/);
        assert.match(found[1]!, /is not protected \(protect: false\)/);
    });

    it("fails naming the database when its backup schedules are turned off", async () => {
        const found = await findings({ ...stackArgs("production"), backups: { daily: null, weekly: null } });
        assert.deepEqual(found, [
            `firestore-database-missing-backup-schedule: ${db} has no backup schedule, so once point-in-time recovery's 7 days have passed, or the database is deleted, nothing is left to restore from. Declare a daily backup schedule kept 7 days and a weekly one kept up to 14 weeks (golive:firestore.backups).`,
        ]);
    });

    it("fails naming the database when the only schedule keeps backups less than 7 days", async () => {
        const found = await findings({ ...stackArgs("production"), backups: { daily: { retentionDays: 3 }, weekly: null } });
        assert.deepEqual(found, [
            `firestore-database-missing-backup-schedule: ${db} keeps its scheduled backups at most 3 days (backup schedule firestore-backup-daily), under 7 days, so a problem found a week after a deploy has no backup from before it. Declare a daily backup schedule kept 7 days and a weekly one kept up to 14 weeks (golive:firestore.backups).`,
        ]);
    });
});
