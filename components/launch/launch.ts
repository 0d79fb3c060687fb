import * as pulumi from "@pulumi/pulumi";
import { launchRecordOutputs, launchRecordType, type Attestation, type GoNoGoRecord } from "../../policies/launch/record";
import type { LaunchPhase } from "../../policies/lib/launch";

export interface LaunchArgs {
    /** The stack file the launch config comes from, so the gate's findings name where to fix them. */
    stackFile: string;
    /** Where the launch stands in the run-of-show. */
    phase: LaunchPhase;
    /**
     * The Go/No-Go meeting's decision.
     * @default undefined (none recorded: the gate refuses launch-eve and launch without a fresh go)
     */
    goNoGo?: GoNoGoRecord;
    /**
     * Sign-offs of manual checklist items, by checklist id.
     * @default {} (none: the gate refuses phase launch until every manual item has one)
     */
    attestations?: Readonly<Record<string, Attestation>>;
    /**
     * Resources the deployment freeze lets change (names, URNs or `*` patterns).
     * @default [] (nothing may change in launch-eve and launch)
     */
    freezeExceptions?: readonly string[];
}

/** The record the component registers, from its args: what the launch policies read back. */
export function launchRecordSpec(args: LaunchArgs): Record<string, unknown> {
    return launchRecordOutputs({
        stackFile: args.stackFile,
        phase: args.phase,
        goNoGo: args.goNoGo ?? null,
        attestations: { ...(args.attestations ?? {}) },
        freezeExceptions: [...(args.freezeExceptions ?? [])],
    });
}

/**
 * The launch record (golive:launch): the phase, the Go/No-Go decision and the attestations
 * of manual checklist items. It declares no cloud resource; its registered outputs carry the
 * record to the policy pack, which judges it in AnalyzeStack under `pulumi preview` as in
 * the offline gate (policies/launch/).
 */
export class Launch extends pulumi.ComponentResource {
    readonly phase: LaunchPhase;

    constructor(name: string, args: LaunchArgs, opts?: pulumi.ComponentResourceOptions) {
        super(launchRecordType, name, {}, opts);
        this.phase = args.phase;
        this.registerOutputs(launchRecordSpec(args));
    }
}
