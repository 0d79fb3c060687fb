import type { PolicyResource, ReportViolation } from "@pulumi/policy";
import type { AppliesTo } from "../lib";
import type { LaunchPhase } from "../lib/launch";
import { launchRecordType, readLaunchRecord, type LaunchRecord } from "./record";

/** The launch records (golive:launch:Launch components) of a stack at one of `phases`. */
export function recordsAt(phases: readonly LaunchPhase[]): AppliesTo {
    return {
        description: `the golive launch record (${launchRecordType}) at phase ${phases.join(" or ")}`,
        matches: (type, props) => type === launchRecordType && (phases as readonly unknown[]).includes(props?.phase),
    };
}

/**
 * Judges each launch record the stack has with `problemOf` (a violation message, or nothing
 * when the record passes); a record that cannot be read is a violation of its own.
 */
export function judgeLaunchRecords(
    resources: readonly PolicyResource[],
    appliesTo: AppliesTo,
    reportViolation: ReportViolation,
    problemOf: (record: LaunchRecord) => string | undefined,
): void {
    for (const r of resources.filter((x) => appliesTo.matches(x.type, x.props))) {
        const { record, problems } = readLaunchRecord(r.props);
        const problem = record ? problemOf(record) : unreadableRecordMessage(problems);
        if (problem) reportViolation(problem, r.urn);
    }
}

/** `24 h`, `24 h 0 min 1 s`, `3 h 20 min`: a duration as people read it at a go/no-go. */
export function formatDuration(ms: number): string {
    const s = Math.round(Math.abs(ms) / 1000);
    const h = Math.floor(s / 3600);
    const min = Math.floor((s % 3600) / 60);
    const sec = s % 60;
    if (sec) return `${h} h ${min} min ${sec} s`;
    if (min) return `${h} h ${min} min`;
    return `${h} h`;
}

function unreadableRecordMessage(problems: readonly string[]): string {
    return `The launch record cannot be read (${problems.join("; ")}), so the launch rules cannot be judged. Plan the stack again with this version of golive.`;
}
