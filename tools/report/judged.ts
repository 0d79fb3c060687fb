/**
 * What plan and analyze (of a stack export) make of one evaluation: the pack's findings with
 * the offline freeze checks, the launch record's part of the report, and the rollback budget.
 * The launch phase and freeze exceptions are the launch record's (the Launch component's
 * outputs), so a plan and the analysis of its export read the same values.
 */
import type { Evaluation } from "../analyzer/evaluate";
import type { EngineResource } from "../analyzer/resource";
import type { Clock } from "../cli/clock";
import { judgeFreeze } from "../plan/freeze";
import { buildFindings, type Findings } from "./findings";
import { launchRecordOf, launchReport, withLaunch, type LaunchReport } from "./launch";
import { rollbackOf } from "./rollback";
import type { RollbackBudget } from "../../policies/platform/rollback-budget";

export interface JudgeInput {
    stack: string;
    resources: readonly EngineResource[];
    evaluation: Pick<Evaluation, "policies" | "diagnostics">;
    clock: Clock;
    /** The deployed state (--baseline), if given. */
    baseline?: { file: string; resources: readonly EngineResource[] };
    /** Whether the freeze is a question at all: stack states only, never manifests. */
    freeze: boolean;
}

export function judged(input: JudgeInput): { findings: Findings; launch: LaunchReport; rollback: RollbackBudget | undefined } {
    const { stack, resources, evaluation, clock } = input;
    const record = launchRecordOf(resources);
    const freeze = input.freeze
        ? judgeFreeze({ stack, phase: record?.phase ?? null, freezeExceptions: record?.freezeExceptions ?? [], planned: resources, baseline: input.baseline, policies: evaluation.policies })
        : undefined;
    const all = { policies: [...evaluation.policies, ...(freeze?.policies ?? [])], diagnostics: [...evaluation.diagnostics, ...(freeze?.diagnostics ?? [])] };
    const findings = withLaunch(buildFindings(stack, all), record, clock, freeze);
    return { findings, launch: launchReport(findings, record, clock, freeze), rollback: rollbackOf(resources, evaluation.policies) };
}
