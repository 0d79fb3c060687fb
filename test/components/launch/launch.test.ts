import { strict as assert } from "node:assert";
import { launchRecordSpec } from "../../../components/launch";
import { readLaunchRecord } from "../../../policies/launch";

describe("Launch (the launch record component)", () => {
    it("registers the record in the shape the launch policies read back", () => {
        const args = {
            stackFile: "Pulumi.production.yaml",
            phase: "launch" as const,
            goNoGo: { decision: "go" as const, by: "Ada Lovelace (VP Engineering)", at: "2026-12-06T21:00:00Z" },
            attestations: { "004.testing.load": { by: "Grace Hopper (QA Lead)", at: "2026-12-06T18:00:00Z", evidence: "https://tickets.teei.example.com/LAUNCH-7" } },
            freezeExceptions: ["reporting-api*"],
        };
        assert.deepEqual(readLaunchRecord(launchRecordSpec(args)), { record: args, problems: [] });
    });

    it("records no go/no-go, no attestations and no exceptions by default", () => {
        assert.deepEqual(launchRecordSpec({ stackFile: "Pulumi.staging.yaml", phase: "pre-launch" }), {
            stackFile: "Pulumi.staging.yaml", phase: "pre-launch", goNoGo: null, attestations: {}, freezeExceptions: [],
        });
    });

    it("says what is wrong with a record it cannot read, key by key", () => {
        assert.deepEqual(readLaunchRecord({ phase: "launch-day", attestations: { "004.testing.load": { by: "x" } }, freezeExceptions: "all" }).problems, [
            "stackFile: expected the stack file the record comes from",
            'phase: expected one of pre-launch, launch-eve, launch, post-launch, stable, got "launch-day"',
            "attestations.004.testing.load: expected {by, at, evidence}",
            "freezeExceptions: expected a list of resource names or URNs",
        ]);
    });
});
