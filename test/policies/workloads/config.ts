import type {
    Policy, ReportViolation, ResourceValidation, ResourceValidationArgs, StackValidation, StackValidationArgs,
} from "@pulumi/policy";

/**
 * The policy as the engine runs it after `configure` set its policy config: the server keeps
 * that config in module state behind a gRPC call the harness does not make, so only
 * getConfig() is swapped; the policy still runs through the real Analyze handlers.
 */
export function withConfig(policy: Policy, config: Record<string, unknown>): Policy {
    const getConfig = <T extends object>() => config as T;
    if ("validateResource" in policy && policy.validateResource) {
        const validations: ResourceValidation[] = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
        return {
            ...policy,
            validateResource: validations.map((v) => (args: ResourceValidationArgs, report: ReportViolation) => v({ ...args, getConfig }, report)),
        };
    }
    if ("validateStack" in policy && policy.validateStack) {
        const v: StackValidation = policy.validateStack;
        return { ...policy, validateStack: (args: StackValidationArgs, report: ReportViolation) => v({ ...args, getConfig }, report) };
    }
    return policy;
}
