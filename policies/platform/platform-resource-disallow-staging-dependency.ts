import { environmentOfStack, resourcePolicy } from "../lib";
import { declaredByGolive, stringsOf } from "./services";

const stackReferenceType = "pulumi:pulumi:StackReference";

const fix = "Point it at the production stack's own resource (its project, domain, cluster, or a StackReference to a production stack); a production stack never reads from staging.";

/**
 * Runbook 003 § Three-Tier Environment Structure: staging and production are separate tiers,
 * and production must not depend on staging (a staging outage, teardown or test data would
 * reach users). A stack reaches another stack through a StackReference, judged by the stack it
 * names (golive's rule: every stack but production and production-* is staging), or by naming
 * the other stack's resources: its GCP project, domain, cluster. Those identifiers are policy
 * config (`stagingIdentifiers` in policies/config/production.json), because one stack's pack
 * cannot read the other stack; a test keeps them equal to Pulumi.staging.yaml. Messages name
 * the property, never its value (it may be a secret).
 */
export const platformResourceDisallowStagingDependency = resourcePolicy({
    name: "platform-resource-disallow-staging-dependency",
    description: "No resource of the stack depends on the staging stack: no StackReference to it, and no property naming its project, domain or cluster.",
    severity: "critical",
    runbook: ["003.pipeline.tiers"],
    remediation: fix,
    appliesTo: { description: "every resource golive declares, once stagingIdentifiers are configured, and StackReferences", matches: () => true },
    configSchema: {
        properties: {
            stagingIdentifiers: {
                type: "array",
                items: { type: "string", minLength: 3 },
                default: [],
                description: "Strings that only the staging stack's resources carry: its GCP project, domain, cluster name.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const config = args.getConfig<{ stagingIdentifiers?: string[] }>();
        const identifiers = config.stagingIdentifiers ?? [];
        if (!declaredByGolive(args.urn) && args.type !== stackReferenceType) args.notApplicable("golive did not declare it (no golive component in its URN)");
        if (args.type === stackReferenceType) {
            const name = stringsOf(args.props).find((s) => s.path === "name")?.value;
            const stack = name?.split("/").pop();
            if (stack !== undefined && environmentOfStack(stack) !== "production") {
                reportViolation(`StackReference ${args.name} reads stack "${name}", a staging stack (only production and production-* are production). ${fix}`);
            }
            return;
        }
        if (identifiers.length === 0) args.notApplicable("no stagingIdentifiers are configured for this stack (policies/config/<stack>.json), so there is nothing staging-only to look for");
        for (const s of stringsOf(args.props)) {
            const hit = identifiers.find((id) => s.value.includes(id));
            if (hit) reportViolation(`${args.type} ${args.name} names the staging stack's "${hit}" in ${s.path}. ${fix}`);
        }
    },
});
