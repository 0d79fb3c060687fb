import { strict as assert } from "node:assert";
import type { Policy } from "@pulumi/policy";
import { policies } from "../../../policies/all";
import { checklist } from "../../../policies/checklist";
import { launchRecordRequireAttestations, manualItemIds } from "../../../policies/launch";
import { runbookTagPrefix } from "../../../policies/lib/define";
import { stackMessages, stackNotApplicableReasons, withClock } from "../harness";
import { clock, launchArgs, launchRecord } from "./fixtures";

/** A pack of one policy judging 004.infra.dns-ttl: every other checklist item is manual for it. */
const onePolicy: Pick<Policy, "name" | "tags"> = { name: "edge-dnsrecord-configure-ttl", tags: [`${runbookTagPrefix}004.infra.dns-ttl`] };
const policy = launchRecordRequireAttestations(() => [onePolicy as Policy]);
const manual = checklist.map((c) => c.id).filter((id) => id !== "004.infra.dns-ttl" && id !== "004.freeze.changes" && id !== "003.pipeline.backup-before-deploy");

const attestation = { by: "Grace Hopper (QA Lead)", at: "2026-12-06T18:00:00Z", evidence: "https://tickets.teei.example.com/LAUNCH-7" };
/** At phase launch, with every manual item attested but `without`. */
const attested = (without: readonly string[] = [], change: (a: Record<string, typeof attestation>) => void = () => undefined) =>
    launchRecord(launchArgs((a) => {
        a.phase = "launch";
        const all = Object.fromEntries(manual.filter((id) => !without.includes(id)).map((id) => [id, { ...attestation }]));
        change(all);
        a.attestations = all;
    }));
const fix = "Check each as docs/checklist.md says, then add `<id>: {by: <name>, at: <ISO 8601 time such as 2026-12-01T18:00:00Z>, evidence: <https URL of the proof>}`.";

describe("launch-record-require-attestations", () => {
    withClock(clock);

    it("counts as manual every checklist item no policy names, but the offline gate's freeze", () => {
        assert.deepEqual(manualItemIds([onePolicy]), manual);
        const pack = manualItemIds(policies);
        assert.ok(pack.includes("004.testing.load") && pack.includes("004.monitoring.on-call"), pack.join(", "));
        assert.ok(!pack.includes("004.infra.autoscaling") && !pack.includes("004.gonogo.decision") && !pack.includes("004.freeze.changes"));
    });

    it("passes phase launch when every manual item is attested", async () => {
        assert.deepEqual(await stackMessages(policy, [attested()]), []);
    });

    it("refuses phase launch listing the manual items with no attestation", async () => {
        assert.deepEqual(await stackMessages(policy, [attested(["004.testing.load", "004.monitoring.on-call"])]), [
            `Pulumi.production.yaml: golive:launch.attestations: at phase launch every manual checklist item needs a person's sign-off; 2 of the ${manual.length} manual checklist items have no attestation: 004.testing.load, 004.monitoring.on-call. ${fix}`,
        ]);
    });

    it("does not count an attestation dated after the clock", async () => {
        const stack = [attested([], (all) => { all["004.testing.load"] = { ...attestation, at: "2026-12-07T09:00:00Z" }; })];
        assert.deepEqual(await stackMessages(policy, stack), [
            `Pulumi.production.yaml: golive:launch.attestations: at phase launch every manual checklist item needs a person's sign-off; 1 is dated after the clock (2026-12-07T06:00:00.000Z) or not a time: 004.testing.load. ${fix}`,
        ]);
    });

    it("does not judge launch-eve or any other phase", async () => {
        for (const phase of ["pre-launch", "launch-eve", "post-launch", "stable"] as const) {
            const stack = [launchRecord(launchArgs((a) => { a.phase = phase; }))];
            assert.deepEqual(await stackNotApplicableReasons(policy, stack), [{
                policy: policy.name,
                reason: "applies only to stacks with the golive launch record (golive:launch:Launch) at phase launch; this one has none",
            }], phase);
        }
    });
});
