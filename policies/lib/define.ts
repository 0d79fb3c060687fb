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

/** Policy names read `<area>-<resource>-<verb>-<noun>` so a finding says what it is about. */
export const policyNamePattern =
    /^(workloads|monitoring|firestore|edge|platform)-[a-z0-9]+(-[a-z0-9]+)*-(missing|disallow|enable|disable|configure|enforce|require)(-[a-z0-9]+)+$/;

/** The tag prefix that carries checklist ids through the Analyzer protocol (PolicyInfo.tags). */
export const runbookTagPrefix = "runbook:";

interface GolivePolicyBase {
    name: string;
    description: string;
    severity: Severity;
    /** The checklist items this policy enforces; at least one. */
    runbook: readonly ChecklistId[];
    /** What to do about a violation; also appended to every message. */
    remediation: string;
    /**
     * The level when no policy config says otherwise. Per-stack levels come from
     * policies/config/<stack>.json.
     * @default "advisory"
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
        enforcementLevel: p.enforcementLevel ?? "advisory",
        tags: p.runbook.map((id) => `${runbookTagPrefix}${id}`),
        url: `docs/checklist.md#${p.runbook[0]!.replace(/\./g, "")}`,
        remediationSteps: p.remediation,
        configSchema: p.configSchema,
    };
}

export function resourcePolicy(
    p: GolivePolicyBase & { validateResource: ResourceValidation | ResourceValidation[] },
): ResourceValidationPolicy {
    return { ...metadata(p), validateResource: p.validateResource };
}

export function stackPolicy(p: GolivePolicyBase & { validateStack: StackValidation }): StackValidationPolicy {
    return { ...metadata(p), validateStack: p.validateStack };
}
