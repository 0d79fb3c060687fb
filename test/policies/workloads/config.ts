import type {
    ReportViolation, ResourceValidation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy,
} from "@pulumi/policy";

/*
 * A policy as the engine runs it after `configure` set its policy config. The server keeps
 * that config in module state behind a gRPC call the harness does not make, so only
 * getConfig() is swapped; the policy still runs through the real Analyze handlers.
 */

export function resourcePolicyWithConfig(policy: ResourceValidationPolicy, config: Record<string, unknown>): ResourceValidationPolicy {
    const getConfig = <T extends object>() => config as T;
    const validations: ResourceValidation[] = Array.isArray(policy.validateResource) ? policy.validateResource : policy.validateResource ? [policy.validateResource] : [];
    return {
        ...policy,
        validateResource: validations.map((v) => (args: ResourceValidationArgs, report: ReportViolation) => v({ ...args, getConfig }, report)),
    };
}

export function stackPolicyWithConfig(policy: StackValidationPolicy, config: Record<string, unknown>): StackValidationPolicy {
    const getConfig = <T extends object>() => config as T;
    const v = policy.validateStack;
    return { ...policy, validateStack: (args: StackValidationArgs, report: ReportViolation) => v({ ...args, getConfig }, report) };
}
