/**
 * The deployment freeze and the protected deletions, judged against the last deployed state
 * (`--baseline <pulumi stack export>`), which the engine never hands a policy pack. What the
 * plan changes is listed by resource (create, update with the input keys that change,
 * delete); in launch-eve and launch a change the stack's golive:launch.freezeExceptions does
 * not name is a finding of launch-plan-enforce-freeze, and in every phase deleting a
 * resource the baseline protects is one of launch-resource-disallow-protected-delete. Both
 * are reported like the pack's findings, at the level the policy config gives the launch
 * policies (policies/launch/offline-checks.ts).
 */
import { unknownValue, specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { goliveAnnotations } from "../../policies/lib/keys";
import { freezeIn, isLaunchPhase, type LaunchPhase } from "../../policies/lib/launch";
import { launchFreezeCheck, launchProtectedDeleteCheck, type OfflineCheck } from "../../policies/launch/offline-checks";
import type { PolicyMeta } from "../analyzer/evaluate";
import type { Diagnostic } from "../analyzer/protocol";
import { urnName, type EngineResource } from "../analyzer/resource";
import { InputError } from "../cli/errors";

export interface Change {
    action: "create" | "update" | "delete";
    urn: string;
    type: string;
    name: string;
    /** For an update: the top-level inputs that differ. */
    keys: string[];
    /** Whether the baseline protects it (a delete of it is refused in every phase). */
    protect: boolean;
    /** For a change in the freeze: whether golive:launch.freezeExceptions names it. */
    excepted: boolean;
}

export interface FreezeResult {
    /** The baseline file, or null when none was given. */
    baseline: string | null;
    changes: Change[];
    /** Whether the freeze applies in this phase (launch-eve, launch) and could be checked. */
    frozen: boolean;
    /** What the reports say about the freeze, in one line. */
    summary: string;
    /** The offline checks as policies of the run, and their findings. */
    policies: PolicyMeta[];
    diagnostics: Diagnostic[];
}

const isSecret = (v: unknown) => v !== null && typeof v === "object" && (v as Record<string, unknown>)[specialSigKey] === specialSecretSig;

/**
 * Whether a planned value may equal the deployed one. Offline every resource is planned
 * as a create, so an input computed from another resource is unknown: it is taken as the
 * same (that other resource's own change is listed on it). Secret values cannot be read
 * offline and are not compared.
 */
export function sameValue(planned: unknown, deployed: unknown): boolean {
    if (planned === unknownValue || deployed === unknownValue || isSecret(planned) || isSecret(deployed)) return true;
    if (Array.isArray(planned) || Array.isArray(deployed)) {
        return Array.isArray(planned) && Array.isArray(deployed) && planned.length === deployed.length && planned.every((v, i) => sameValue(v, deployed[i]));
    }
    if (planned !== null && deployed !== null && typeof planned === "object" && typeof deployed === "object") {
        const a = planned as Record<string, unknown>;
        const b = deployed as Record<string, unknown>;
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        return [...keys].every((k) => sameValue(a[k], b[k]));
    }
    return planned === deployed;
}

/**
 * The inputs compared, less the launch phase each stable Deployment carries for the rollback
 * gate (golive.dev/launch-phase): moving to launch-eve changes it on every Deployment, a
 * metadata-only update that rolls no pod, so it is bookkeeping of the phase change the
 * freeze starts with, not a change the freeze is about.
 */
function compared(inputs: Record<string, unknown>): Record<string, unknown> {
    const annotations = (inputs["metadata"] as { annotations?: Record<string, unknown> } | undefined)?.annotations;
    if (!annotations || !(goliveAnnotations.launchPhase in annotations)) return inputs;
    const rest = Object.fromEntries(Object.entries(annotations).filter(([k]) => k !== goliveAnnotations.launchPhase));
    return { ...inputs, metadata: { ...(inputs["metadata"] as Record<string, unknown>), annotations: rest } };
}

/** Default providers are made by the engine, not the program, so a plan never lists them. */
const engineMade = (r: EngineResource) => r.type.startsWith("pulumi:providers:") && urnName(r.urn).startsWith("default");

/** What the plan changes against the deployed state: custom resources only (components declare nothing in the cloud). */
export function changesAgainst(planned: readonly EngineResource[], deployed: readonly EngineResource[]): Omit<Change, "excepted">[] {
    const before = new Map(deployed.filter((r) => r.custom && !engineMade(r)).map((r) => [r.urn, r]));
    const after = new Map(planned.filter((r) => r.custom && !engineMade(r)).map((r) => [r.urn, r]));
    const changes: Omit<Change, "excepted">[] = [];
    for (const [urn, r] of after) {
        const old = before.get(urn);
        const base = { urn, type: r.type, name: urnName(urn), protect: old?.protect ?? false };
        if (!old) changes.push({ ...base, action: "create", keys: [] });
        else {
            const [a, b] = [compared(r.inputs), compared(old.inputs)];
            const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !sameValue(a[k], b[k])).sort();
            if (keys.length) changes.push({ ...base, action: "update", keys });
        }
    }
    for (const [urn, r] of before) {
        if (!after.has(urn)) changes.push({ urn, type: r.type, name: urnName(urn), protect: r.protect ?? false, action: "delete", keys: [] });
    }
    return changes;
}

/** Whether a freeze exception (a name, a URN, or a `*` pattern of either) names the resource. */
export function exceptionNames(exception: string, change: Pick<Change, "urn" | "name">): boolean {
    const pattern = new RegExp(`^${exception.split("*").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
    return pattern.test(change.name) || pattern.test(change.urn);
}

/** The stack a baseline belongs to (its URNs' stack), so a plan is never compared with another stack's state. */
export function assertBaselineOfStack(file: string, deployed: readonly EngineResource[], stack: string): void {
    const other = deployed.map((r) => /^urn:pulumi:([^:]+)::/.exec(r.urn)?.[1]).find((s) => s !== undefined && s !== stack);
    if (other !== undefined) {
        throw new InputError(`--baseline ${file}: is a state of stack "${other}", not "${stack}"; export the stack being planned: pulumi stack export --stack ${stack} --file <file>`);
    }
}

const verbs = { create: "creates", update: "updates", delete: "deletes" } as const;

function checkMeta(check: OfflineCheck, level: PolicyMeta["level"], applied: number): PolicyMeta {
    return { name: check.name, description: check.description, severity: check.severity, level, runbook: [...check.runbook], remediation: check.remediation, url: "", applied };
}

export interface FreezeInput {
    stack: string;
    phase: LaunchPhase | null;
    freezeExceptions: readonly string[];
    planned: readonly EngineResource[];
    /** The deployed state and its file, or undefined when no --baseline was given. */
    baseline?: { file: string; resources: readonly EngineResource[] };
    /** The policies of the run: the offline checks take the level of their `levelOf`. */
    policies: readonly PolicyMeta[];
}

export function judgeFreeze(input: FreezeInput): FreezeResult {
    const levelOf = (check: OfflineCheck) => input.policies.find((p) => p.name === check.levelOf)?.level ?? "mandatory";
    const inFreeze = input.phase !== null && isLaunchPhase(input.phase) && freezeIn.includes(input.phase);
    if (!input.baseline) {
        const summary = inFreeze
            ? `the freeze could not be checked: no --baseline given (plan with --baseline <(pulumi stack export --stack ${input.stack}) to list the changes)`
            : `no --baseline given, so the plan's changes are not listed (the freeze applies from ${freezeIn[0]})`;
        return {
            baseline: null, changes: [], frozen: false, summary, diagnostics: [],
            policies: [checkMeta(launchFreezeCheck, levelOf(launchFreezeCheck), 0), checkMeta(launchProtectedDeleteCheck, levelOf(launchProtectedDeleteCheck), 0)],
        };
    }
    const { file } = input.baseline;
    const changes: Change[] = changesAgainst(input.planned, input.baseline.resources).map((c) => ({
        ...c, excepted: input.freezeExceptions.some((e) => exceptionNames(e, c)),
    }));
    const diagnostics: Diagnostic[] = [];
    const freezeLevel = levelOf(launchFreezeCheck);
    const deleteLevel = levelOf(launchProtectedDeleteCheck);
    const diag = (check: OfflineCheck, level: PolicyMeta["level"], urn: string, message: string): Diagnostic => ({
        policyName: check.name, message, enforcementLevel: level, severity: check.severity, urn,
    });
    for (const c of changes.filter((x) => x.action === "delete" && x.protect)) {
        if (deleteLevel === "disabled") break;
        diagnostics.push(diag(launchProtectedDeleteCheck, deleteLevel, c.urn,
            `${c.type} ${c.name} is protected in the deployed state (${file}) and this plan deletes it: a data-holding resource leaving the program must fail the gate, not be planned away. ${launchProtectedDeleteCheck.remediation}`));
    }
    if (inFreeze && freezeLevel !== "disabled") {
        for (const c of changes.filter((x) => !x.excepted)) {
            const what = c.action === "update" ? ` (${c.keys.join(", ")})` : "";
            diagnostics.push(diag(launchFreezeCheck, freezeLevel, c.urn,
                `Deployment freeze (phase ${input.phase}): the plan ${verbs[c.action]} ${c.type} ${c.name}${what}, which golive:launch.freezeExceptions does not name. ${launchFreezeCheck.remediation}`));
        }
    }
    const frozenChanges = inFreeze ? changes.filter((c) => !c.excepted).length : 0;
    const counts = (["create", "update", "delete"] as const).map((a) => `${changes.filter((c) => c.action === a).length} ${a}`).join(", ");
    const summary = inFreeze
        ? `against ${file}: ${changes.length} change(s) (${counts}); ${frozenChanges} not named in golive:launch.freezeExceptions`
        : `against ${file}: ${changes.length} change(s) (${counts}); no freeze at phase ${input.phase ?? "unknown"} (it applies in ${freezeIn.join(" and ")})`;
    return {
        baseline: file, changes, frozen: inFreeze, summary, diagnostics,
        policies: [checkMeta(launchFreezeCheck, freezeLevel, inFreeze ? 1 : 0), checkMeta(launchProtectedDeleteCheck, deleteLevel, 1)],
    };
}
