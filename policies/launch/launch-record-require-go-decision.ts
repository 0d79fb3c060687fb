import { stackPolicy } from "../lib";
import { evaluationTime } from "../lib/clock";
import { goNoGoMaxAgeHours, goNoGoRequiredIn, isoTimeExample, parseIsoTime } from "../lib/launch";
import { formatDuration, judgeLaunchRecords, recordsAt } from "./records";
import type { LaunchRecord } from "./record";

const appliesTo = recordsAt(goNoGoRequiredIn);
const maxAgeMs = goNoGoMaxAgeHours * 3600_000;

/** What is wrong with the record's go/no-go as of `now`, or undefined when it is a fresh GO. */
export function goNoGoProblem(record: LaunchRecord, now: Date): string | undefined {
    const g = record.goNoGo;
    const key = `${record.stackFile}: golive:launch.goNoGo`;
    const expected = `{decision: go, by: <name>, at: <ISO 8601 time, such as ${isoTimeExample}>} from the Go/No-Go meeting, no more than ${goNoGoMaxAgeHours} h before ${now.toISOString()}`;
    if (!g) return `${key} is missing: at phase ${record.phase} production needs the go/no-go record ${expected}.`;
    const at = parseIsoTime(g.at);
    if (!at) return `${key}.at "${g.at}" is not an ISO 8601 time with a zone; expected ${expected}.`;
    if (g.decision !== "go") return `${key} records decision "${g.decision}" by ${g.by} at ${g.at}: the launch is NO-GO until a Go/No-Go meeting decides go; record it as ${expected}.`;
    const age = now.getTime() - at.getTime();
    if (age < 0) return `${key}.at ${g.at} is ${formatDuration(age)} after the clock (${now.toISOString()}): a decision cannot be recorded ahead of time; record the meeting's actual time, or judge with --now at or after it.`;
    if (age > maxAgeMs) return `${key} (go by ${g.by} at ${g.at}) is ${formatDuration(age)} old at ${now.toISOString()}, more than the ${goNoGoMaxAgeHours} h allowed: hold a new Go/No-Go and record it as ${expected}.`;
    return undefined;
}

/**
 * Runbook 004's Go/No-Go: the launch goes ahead on a GO, voted and signed the day before
 * (T-15 h). In launch-eve and launch the stack's launch record (golive:launch.goNoGo, carried
 * by the Launch component's outputs) must hold decision `go` taken no more than 24 h before
 * the clock (GOLIVE_NOW, `--now`; else the current time), never after it.
 */
export const launchRecordRequireGoDecision = stackPolicy({
    name: "launch-record-require-go-decision",
    description: `In launch-eve and launch, the stack records a go decision (golive:launch.goNoGo) taken no more than ${goNoGoMaxAgeHours} h before the clock.`,
    severity: "critical",
    runbook: ["004.gonogo.decision"],
    remediation: "Set golive:launch.goNoGo in the stack file to the Go/No-Go meeting's decision: {decision: go, by: <who signed>, at: <when, ISO 8601 with a zone>}.",
    appliesTo,
    validateStack: (args, reportViolation) => {
        const now = evaluationTime();
        judgeLaunchRecords(args.resources, appliesTo, reportViolation, (record) => goNoGoProblem(record, now));
    },
});
