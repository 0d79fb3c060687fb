import type {
    EnforcementLevel,
    PolicyConfigSchema,
    ResourceValidation,
    ResourceValidationPolicy,
    Severity,
    StackValidation,
    StackValidationPolicy,
} from "@pulumi/policy";
import { checklistItem, type ChecklistId } from "../checklist";
import type { Json } from "./json";

/** Policy names read `<area>-<resource>-<verb>-<noun>` so a finding says what it is about. */
export const policyNamePattern =
    /^(workloads|monitoring|firestore|edge|platform|launch)-[a-z0-9]+(-[a-z0-9]+)*-(missing|disallow|enable|disable|configure|enforce|require)(-[a-z0-9]+)+$/;

/** The tag prefix that carries checklist ids through the Analyzer protocol (PolicyInfo.tags). */
export const runbookTagPrefix = "runbook:";

/**
 * The resources a policy judges. Any other resource is reported not applicable through the
 * Analyzer protocol (AnalyzeResponse.notApplicable), so a policy that judged nothing is not
 * taken for one that passed. Kubernetes policies build it with `kubernetesKinds(...)`.
 */
export interface AppliesTo {
    /** What it applies to, for the not-applicable reason: "Kubernetes Deployment objects". */
    description: string;
    /** Whether the policy judges this resource (props as the engine hands them over). */
    matches(type: string, props: Json): boolean;
}

interface GolivePolicyBase {
    name: string;
    description: string;
    severity: Severity;
    /** The checklist items this policy enforces; at least one. */
    runbook: readonly ChecklistId[];
    /** The resources it judges; every other one is reported not applicable. */
    appliesTo: AppliesTo;
    /** What to do about a violation; also appended to every message. */
    remediation: string;
    /**
     * The level when no policy config says otherwise. Per-stack levels come from
     * policies/config/<stack>.json. Mandatory by default, so a pack run without policy config
     * blocks; a stack config lowers it (staging.json makes every policy advisory).
     * @default "mandatory"
     */
    enforcementLevel?: EnforcementLevel;
    configSchema?: PolicyConfigSchema;
}

function metadata(p: GolivePolicyBase) {
    if (!policyNamePattern.test(p.name)) {
        throw new Error(`policy name "${p.name}" must read <area>-<resource>-<verb>-<noun> (${policyNamePattern})`);
    }
    if (p.runbook.length === 0) {
        throw new Error(`policy "${p.name}" must name at least one checklist item it enforces`);
    }
    for (const id of p.runbook) {
        if (!checklistItem(id)) throw new Error(`policy "${p.name}" names unknown checklist item "${id}"`);
    }
    return {
        name: p.name,
        description: p.description,
        severity: p.severity,
        enforcementLevel: p.enforcementLevel ?? "mandatory",
        tags: p.runbook.map((id) => `${runbookTagPrefix}${id}`),
        url: `docs/checklist.md#${p.runbook[0]!.replace(/\./g, "")}`,
        remediationSteps: p.remediation,
        configSchema: p.configSchema,
    };
}

/**
 * A policy judging one resource at a time. A resource `appliesTo` does not match is reported
 * not applicable before `validateResource` runs, so that code sees only resources it judges.
 */
export function resourcePolicy(p: GolivePolicyBase & { validateResource: ResourceValidation }): ResourceValidationPolicy {
    const { appliesTo, validateResource } = p;
    return {
        ...metadata(p),
        validateResource: (args, reportViolation) => {
            if (!appliesTo.matches(args.type, args.props)) {
                args.notApplicable(`applies only to ${appliesTo.description}, not ${args.type}`);
            }
            return validateResource(args, reportViolation);
        },
    };
}

/**
 * A policy judging the whole stack. A stack with no resource `appliesTo` matches is reported
 * not applicable before `validateStack` runs.
 */
export function stackPolicy(p: GolivePolicyBase & { validateStack: StackValidation }): StackValidationPolicy {
    const { appliesTo, validateStack } = p;
    return {
        ...metadata(p),
        validateStack: (args, reportViolation) => {
            if (!args.resources.some((r) => appliesTo.matches(r.type, r.props))) {
                args.notApplicable(`applies only to stacks with ${appliesTo.description}; this one has none`);
            }
            return validateStack(args, reportViolation);
        },
    };
}
