/**
 * The launch record: what golive's Launch component registers as its outputs, so the pack
 * can judge the go/no-go decision and the attestations under `pulumi preview --policy-pack`
 * as offline. Why outputs of a component (as for Firestore's gate record): the engine sends
 * every resource of the stack, components included, to AnalyzeStack with the outputs they
 * registered; plain data is known during preview; no cloud resource gets an input its
 * provider does not know; and a stack export keeps them, so `analyze --file` judges the same.
 */
import type { Json } from "../lib";
import { goNoGoDecisions, isLaunchPhase, type GoNoGoDecision, type LaunchPhase } from "../lib/launch";

/** The type token of the Launch component, written once: the component and the policies use it. */
export const launchRecordType = "golive:launch:Launch";

export interface GoNoGoRecord {
    decision: GoNoGoDecision;
    by: string;
    /** ISO 8601 time with a zone, as the stack file gives it. */
    at: string;
}

export interface Attestation {
    by: string;
    at: string;
    /** An https URL: the ticket, document or recording that shows the check. */
    evidence: string;
}

export interface LaunchRecord {
    /** The stack file the record comes from, so a finding names where to fix it. */
    stackFile: string;
    phase: LaunchPhase;
    goNoGo: GoNoGoRecord | null;
    attestations: Record<string, Attestation>;
    freezeExceptions: string[];
}

const isObject = (v: unknown): v is Record<string, Json> => v !== null && typeof v === "object" && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v !== "";

/** The outputs the component registers: the record, in the shape readLaunchRecord reads back. */
export function launchRecordOutputs(record: LaunchRecord): Record<string, unknown> {
    return {
        stackFile: record.stackFile,
        phase: record.phase,
        goNoGo: record.goNoGo ? { decision: record.goNoGo.decision, by: record.goNoGo.by, at: record.goNoGo.at } : null,
        attestations: Object.fromEntries(Object.entries(record.attestations).map(([id, a]) => [id, { by: a.by, at: a.at, evidence: a.evidence }])),
        freezeExceptions: [...record.freezeExceptions],
    };
}

/**
 * The record in a Launch component's outputs, or what is wrong with it (a hand-edited
 * export, a component of another version). Each problem names the output key; the stack
 * config validated the same values before the program ran, so a plan never has one.
 */
export function readLaunchRecord(outputs: Json): { record: LaunchRecord | null; problems: string[] } {
    const problems: string[] = [];
    const stackFile: unknown = outputs?.stackFile;
    const phase: unknown = outputs?.phase;
    if (!isText(stackFile)) problems.push("stackFile: expected the stack file the record comes from");
    if (!isLaunchPhase(phase)) problems.push(`phase: expected one of pre-launch, launch-eve, launch, post-launch, stable, got ${JSON.stringify(phase)}`);
    let goNoGo: GoNoGoRecord | null = null;
    const g: unknown = outputs?.goNoGo;
    if (g !== null && g !== undefined) {
        if (isObject(g) && (goNoGoDecisions as readonly unknown[]).includes(g["decision"]) && isText(g["by"]) && isText(g["at"])) {
            goNoGo = { decision: g["decision"], by: g["by"], at: g["at"] };
        } else {
            problems.push("goNoGo: expected {decision: go | no-go, by: <name>, at: <ISO 8601 time>} or null");
        }
    }
    const attestations: Record<string, Attestation> = {};
    const raw: unknown = outputs?.attestations ?? {};
    if (!isObject(raw)) problems.push("attestations: expected {<checklist id>: {by, at, evidence}}");
    else {
        for (const [id, a] of Object.entries(raw)) {
            if (isObject(a) && isText(a["by"]) && isText(a["at"]) && isText(a["evidence"])) attestations[id] = { by: a["by"], at: a["at"], evidence: a["evidence"] };
            else problems.push(`attestations.${id}: expected {by, at, evidence}`);
        }
    }
    const ex: unknown = outputs?.freezeExceptions ?? [];
    const freezeExceptions = Array.isArray(ex) ? ex.filter(isText) : [];
    if (!Array.isArray(ex) || freezeExceptions.length !== ex.length) problems.push("freezeExceptions: expected a list of resource names or URNs");
    if (problems.length || !isText(stackFile) || !isLaunchPhase(phase)) return { record: null, problems };
    return { record: { stackFile, phase, goNoGo, attestations, freezeExceptions }, problems };
}

