import type { Policy, Policies } from "@pulumi/policy";
import { launchRecordRequireAttestations } from "./launch-record-require-attestations";
import { launchRecordRequireGoDecision } from "./launch-record-require-go-decision";

export { launchRecordRequireAttestations } from "./launch-record-require-attestations";
export { goNoGoProblem, launchRecordRequireGoDecision } from "./launch-record-require-go-decision";
export { attestationProblem } from "./launch-record-require-attestations";
export { manualItemIds } from "./manual-items";
export * from "./offline-checks";
export * from "./record";

/** The launch area's policies; `pack` returns the whole pack (read when judging, for the manual items). */
export function launchPolicies(pack: () => readonly Policy[]): Policies {
    return [launchRecordRequireGoDecision, launchRecordRequireAttestations(pack)];
}
