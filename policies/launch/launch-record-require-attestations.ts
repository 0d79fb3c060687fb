import type { Policy } from "@pulumi/policy";
import { stackPolicy } from "../lib";
import { evaluationTime } from "../lib/clock";
import { attestationsRequiredIn, isoTimeExample, parseIsoTime } from "../lib/launch";
import { manualItemIds } from "./manual-items";
import { judgeLaunchRecords, recordsAt } from "./records";
import type { LaunchRecord } from "./record";

const appliesTo = recordsAt(attestationsRequiredIn);

/** What is wrong with the record's attestations of the `manual` items as of `now`, or undefined when every one is attested. */
export function attestationProblem(record: LaunchRecord, manual: readonly string[], now: Date): string | undefined {
    const missing = manual.filter((id) => !(id in record.attestations));
    const ahead = manual.filter((id) => {
        const at = record.attestations[id] ? parseIsoTime(record.attestations[id].at) : undefined;
        return record.attestations[id] !== undefined && (!at || at.getTime() > now.getTime());
    });
    if (!missing.length && !ahead.length) return undefined;
    const parts = [
        missing.length ? `${missing.length} of the ${manual.length} manual checklist items have no attestation: ${missing.join(", ")}` : "",
        ahead.length ? `${ahead.length} ${ahead.length === 1 ? "is" : "are"} dated after the clock (${now.toISOString()}) or not a time: ${ahead.join(", ")}` : "",
    ].filter(Boolean);
    return `${record.stackFile}: golive:launch.attestations: at phase ${record.phase} every manual checklist item needs a person's sign-off; ${parts.join("; ")}. `
        + `Check each as docs/checklist.md says, then add \`<id>: {by: <name>, at: <ISO 8601 time such as ${isoTimeExample}>, evidence: <https URL of the proof>}\`.`;
}

/**
 * Runbook 004's Go/No-Go reviews the pre-launch checklist "target: 100%". In phase launch,
 * every checklist item no policy judges (a manual item: legal review, load test, support
 * training...) needs an attestation in golive:launch.attestations: who checked it, when,
 * and a link to the evidence. `pack` is the whole pack, read when judging, so the manual
 * items follow the policies and the checklist.
 */
export function launchRecordRequireAttestations(pack: () => readonly Policy[]) {
    return stackPolicy({
        name: "launch-record-require-attestations",
        description: "In phase launch, every manual checklist item (one no policy judges) has an attestation: by, at, evidence.",
        severity: "high",
        runbook: ["004.gonogo.checklist-complete"],
        remediation: "Add each missing item under golive:launch.attestations with who checked it, when, and an https link to the evidence.",
        appliesTo,
        validateStack: (args, reportViolation) => {
            const now = evaluationTime();
            const manual = manualItemIds(pack());
            judgeLaunchRecords(args.resources, appliesTo, reportViolation, (record) => attestationProblem(record, manual, now));
        },
    });
}
