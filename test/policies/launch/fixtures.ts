import { launchRecordSpec, type LaunchArgs } from "../../../components/launch";
import { launchRecordType } from "../../../policies/launch";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { resource } from "../harness";

/** The clock of the launch tests: Monday 06:00 UTC, launch hour (runbook 004: T-60 min). */
export const clock = "2026-12-07T06:00:00.000Z";

/** The compliant launch record at launch-eve: a GO signed 9 h before the clock (the T-15 h Go/No-Go ran late). */
export function launchArgs(change: (a: LaunchArgs) => void = () => undefined): LaunchArgs {
    const a: LaunchArgs = {
        stackFile: "Pulumi.production.yaml",
        phase: "launch-eve",
        goNoGo: { decision: "go", by: "Ada Lovelace (VP Engineering)", at: "2026-12-06T21:00:00Z" },
        attestations: {},
        freezeExceptions: [],
    };
    change(a);
    return a;
}

/** The Launch component as the engine hands it to AnalyzeStack: no inputs, its record as outputs. */
export function launchRecord(args: LaunchArgs = launchArgs()): EngineResource {
    return resource(launchRecordType, "launch", {}, { custom: false, outputs: launchRecordSpec(args) });
}
