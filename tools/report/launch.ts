/**
 * The launch part of the report: the phase and the clock the verdict was reached at, the
 * go/no-go record, the attestations of the manual items, and the freeze against the last
 * deployed state. Read from the Launch component's registered outputs, as the pack reads
 * them, so plan and analyze (of an export) say the same.
 */
import { attestationsRequiredIn, goNoGoMaxAgeHours, goNoGoRequiredIn, parseIsoTime } from "../../policies/lib/launch";
import { launchFreezeCheck } from "../../policies/launch/offline-checks";
import { launchRecordType, readLaunchRecord, type LaunchRecord } from "../../policies/launch/record";
import type { EngineResource } from "../analyzer/resource";
import type { Clock } from "../cli/clock";
import type { Change, FreezeResult } from "../plan/freeze";
import type { Findings } from "./findings";

export interface LaunchReport {
    /** The phase of the stack's launch record; null when the resources have none (manifests, a foreign export). */
    phase: string | null;
    clock: { at: string; source: Clock["source"] };
    /** The go/no-go record, with its age at the clock; null when none is recorded. */
    goNoGo: { decision: string; by: string; at: string; ageHours: number | null } | null;
    /** Whether this phase requires a fresh go / attestations of every manual item. */
    requires: { goNoGo: boolean; attestations: boolean };
    /** The manual checklist items (no policy judges them) and which of them are attested as of the clock. */
    manualItems: { total: number; attested: string[] };
    freeze: { baseline: string | null; applies: boolean; summary: string; changes: Change[] };
}

/** The stack's launch record, read back from the Launch component's outputs. */
export function launchRecordOf(resources: readonly EngineResource[]): LaunchRecord | null {
    const r = resources.find((x) => x.type === launchRecordType);
    return r ? readLaunchRecord(r.outputs).record : null;
}

/** The attestations of `record` that count as of `now`: for a checklist item, dated at or before the clock. */
function validAttestations(record: LaunchRecord | null, now: Date): Map<string, string> {
    const valid = new Map<string, string>();
    for (const [id, a] of Object.entries(record?.attestations ?? {})) {
        const at = parseIsoTime(a.at);
        if (at && at.getTime() <= now.getTime()) valid.set(id, `attested by ${a.by} at ${a.at}: ${a.evidence}`);
    }
    return valid;
}

/**
 * The findings with each attested manual item PASS, saying who attested it and where the
 * evidence is (an item a policy judges keeps the policy's status), and the freeze item's
 * reason when the freeze was not checked.
 */
export function withLaunch(findings: Findings, record: LaunchRecord | null, clock: Clock, freeze: FreezeResult | undefined): Findings {
    const attested = validAttestations(record, new Date(clock.at));
    const itemNotes: Record<string, string> = { ...findings.itemNotes };
    const checklist = findings.checklist.map((e) => {
        const note = attested.get(e.id);
        if (note && e.policies.length === 0) {
            itemNotes[e.id] = note;
            return { ...e, status: "PASS" as const };
        }
        return e;
    });
    if (freeze && !freeze.baseline) {
        for (const e of checklist) if (e.status === "PENDING" && launchFreezeCheck.runbook.includes(e.id as never)) itemNotes[e.id] = freeze.summary;
    }
    return { ...findings, checklist, itemNotes };
}

export function launchReport(findings: Findings, record: LaunchRecord | null, clock: Clock, freeze: FreezeResult | undefined): LaunchReport {
    const now = new Date(clock.at);
    const phase = record?.phase ?? null;
    const at = record?.goNoGo ? parseIsoTime(record.goNoGo.at) : undefined;
    const manual = findings.checklist.filter((e) => e.policies.length === 0);
    const attested = validAttestations(record, now);
    return {
        phase,
        clock: { at: clock.at, source: clock.source },
        goNoGo: record?.goNoGo ? { ...record.goNoGo, ageHours: at ? Math.round(((now.getTime() - at.getTime()) / 3600_000) * 10) / 10 : null } : null,
        requires: {
            goNoGo: record !== null && goNoGoRequiredIn.includes(record.phase),
            attestations: record !== null && attestationsRequiredIn.includes(record.phase),
        },
        manualItems: { total: manual.length, attested: manual.filter((e) => attested.has(e.id)).map((e) => e.id) },
        freeze: { baseline: freeze?.baseline ?? null, applies: freeze?.frozen ?? false, summary: freeze?.summary ?? "not checked (analyze of manifests)", changes: freeze?.changes ?? [] },
    };
}

/** The launch lines both renderers print under the verdict. */
export function launchLines(l: LaunchReport): string[] {
    const lines: string[] = [];
    const g = l.goNoGo;
    const gonogo = g
        ? `${g.decision.toUpperCase()} by ${g.by} at ${g.at}${g.ageHours === null ? "" : g.ageHours < 0 ? ` (${-g.ageHours} h after the clock)` : ` (${g.ageHours} h before the clock)`}`
        : "none recorded";
    lines.push(`Go/No-Go: ${gonogo}${l.requires.goNoGo ? ` — required at this phase: a go at most ${goNoGoMaxAgeHours} h old` : ""}`);
    lines.push(`Manual items attested: ${l.manualItems.attested.length} of ${l.manualItems.total}${l.requires.attestations ? " — all required at this phase" : ""}`);
    lines.push(`Freeze: ${l.freeze.summary}`);
    return lines;
}
