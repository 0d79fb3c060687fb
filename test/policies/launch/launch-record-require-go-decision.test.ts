import { strict as assert } from "node:assert";
import { launchRecordRequireGoDecision as policy } from "../../../policies/launch";
import { clockVariable } from "../../../policies/lib/clock";
import { resource, stackMessages, stackNotApplicableReasons, withClock } from "../harness";
import { clock, launchArgs, launchRecord } from "./fixtures";

const expected = "{decision: go, by: <name>, at: <ISO 8601 time, such as 2026-12-01T18:00:00Z>} from the Go/No-Go meeting, no more than 24 h before 2026-12-07T06:00:00.000Z";
const key = "Pulumi.production.yaml: golive:launch.goNoGo";

/** The record with its go decision taken at `at`. */
const goAt = (at: string) => launchRecord(launchArgs((a) => { a.goNoGo = { decision: "go", by: "Ada Lovelace (VP Engineering)", at }; }));

describe("launch-record-require-go-decision", () => {
    withClock(clock);

    it("passes a go decision taken 9 hours before the clock at launch-eve", async () => {
        assert.deepEqual(await stackMessages(policy, [launchRecord()]), []);
    });

    it("passes a go decision at launch too", async () => {
        assert.deepEqual(await stackMessages(policy, [launchRecord(launchArgs((a) => { a.phase = "launch"; }))]), []);
    });

    it("refuses launch-eve without a go/no-go record, naming launch.goNoGo", async () => {
        const stack = [launchRecord(launchArgs((a) => { delete a.goNoGo; }))];
        assert.deepEqual(await stackMessages(policy, stack), [`${key} is missing: at phase launch-eve production needs the go/no-go record ${expected}.`]);
    });

    it("refuses a no-go decision", async () => {
        const stack = [launchRecord(launchArgs((a) => { a.goNoGo = { decision: "no-go", by: "Ada Lovelace (VP Engineering)", at: "2026-12-06T21:00:00Z" }; }))];
        assert.deepEqual(await stackMessages(policy, stack), [`${key} records decision "no-go" by Ada Lovelace (VP Engineering) at 2026-12-06T21:00:00Z: the launch is NO-GO until a Go/No-Go meeting decides go; record it as ${expected}.`]);
    });

    it("passes a decision exactly 24 hours before the clock", async () => {
        assert.deepEqual(await stackMessages(policy, [goAt("2026-12-06T06:00:00Z")]), []);
    });

    it("refuses a decision 24 hours and 1 second before the clock", async () => {
        assert.deepEqual(await stackMessages(policy, [goAt("2026-12-06T05:59:59Z")]), [
            `${key} (go by Ada Lovelace (VP Engineering) at 2026-12-06T05:59:59Z) is 24 h 0 min 1 s old at 2026-12-07T06:00:00.000Z, more than the 24 h allowed: hold a new Go/No-Go and record it as ${expected}.`,
        ]);
    });

    it("passes a decision taken at the clock's very instant, in another zone", async () => {
        assert.deepEqual(await stackMessages(policy, [goAt("2026-12-07T07:00:00+01:00")]), []);
    });

    it("refuses a decision dated after the clock", async () => {
        assert.deepEqual(await stackMessages(policy, [goAt("2026-12-07T08:30:00Z")]), [
            `${key}.at 2026-12-07T08:30:00Z is 2 h 30 min after the clock (2026-12-07T06:00:00.000Z): a decision cannot be recorded ahead of time; record the meeting's actual time, or judge with --now at or after it.`,
        ]);
    });

    it("judges by the real time when no clock is given", async () => {
        delete process.env[clockVariable];
        const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString().replace(/\.\d+Z$/, "Z");
        assert.deepEqual(await stackMessages(policy, [goAt(hoursAgo(2))]), []);
        const [message, ...rest] = await stackMessages(policy, [goAt(hoursAgo(30))]);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /^Pulumi\.production\.yaml: golive:launch\.goNoGo \(go by .* is 30 h( 0 min \d+ s)? old at /);
    });

    it("refuses a record whose time is not ISO 8601 (a hand-edited export)", async () => {
        assert.deepEqual(await stackMessages(policy, [goAt("yesterday evening")]), [`${key}.at "yesterday evening" is not an ISO 8601 time with a zone; expected ${expected}.`]);
    });

    it("refuses a launch record it cannot read, naming the broken keys", async () => {
        const broken = resource("golive:launch:Launch", "launch", {}, { custom: false, outputs: { stackFile: "Pulumi.production.yaml", phase: "launch", goNoGo: { decision: "yes" } } });
        assert.deepEqual(await stackMessages(policy, [broken]), [
            "The launch record cannot be read (goNoGo: expected {decision: go | no-go, by: <name>, at: <ISO 8601 time>} or null), so the launch rules cannot be judged. Plan the stack again with this version of golive.",
        ]);
    });

    it("does not judge the phases without a go/no-go rule, nor a stack without a launch record", async () => {
        for (const phase of ["pre-launch", "post-launch", "stable"] as const) {
            const stack = [launchRecord(launchArgs((a) => { a.phase = phase; delete a.goNoGo; }))];
            assert.deepEqual(await stackNotApplicableReasons(policy, stack), [{
                policy: policy.name,
                reason: "applies only to stacks with the golive launch record (golive:launch:Launch) at phase launch-eve or launch; this one has none",
            }], phase);
        }
        assert.deepEqual((await stackNotApplicableReasons(policy, [resource("kubernetes:core/v1:Namespace", "ns", {})])).length, 1);
    });
});
