import { listText } from "../monitoring/resources";
import { kubernetesKinds, stackPolicy } from "../lib";
import { stackServices } from "./services";

/**
 * Runbook 003: staging "mirrors production setup", and a version reaches production only after
 * staging ran it. So both stacks declare the same services. A pack judges one stack at a time
 * and cannot read the other, so the other stack's services are policy config
 * (`peerStack`, `peerServices` in policies/config/<stack>.json); a test keeps each file equal
 * to the other stack file's golive:services, so adding a service to one stack file fails the
 * tests until the config names it, and the gate until the other stack declares it.
 */
export const platformStackRequireSameServices = stackPolicy({
    name: "platform-stack-require-same-services",
    description: "The stack declares the same services as its peer stack (production and staging), as the policy config lists them.",
    severity: "high",
    runbook: ["003.pipeline.tiers"],
    remediation: "Declare the service in both stack files (golive:services in Pulumi.staging.yaml and Pulumi.production.yaml, staging at smaller scale), and list the peer's services in policies/config/<stack>.json (peerServices).",
    appliesTo: kubernetesKinds("apps/Deployment"),
    configSchema: {
        properties: {
            peerStack: { type: "string", minLength: 1, description: "The other stack: staging for production, production for staging." },
            peerServices: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, description: "The services the peer stack declares (golive:services[*].name)." },
        },
    },
    validateStack: (args, reportViolation) => {
        const config = args.getConfig<{ peerStack?: string; peerServices?: string[] }>();
        if (!config.peerStack || !config.peerServices) args.notApplicable("no peerStack and peerServices are configured for this stack (policies/config/<stack>.json)");
        const peer = config.peerStack!;
        const own = stackServices(args.resources);
        if (own.length === 0) args.notApplicable("no service golive declares (a stable Deployment labelled app.kubernetes.io/part-of: golive)");
        const theirs = [...config.peerServices!].sort();
        const onlyHere = own.filter((s) => !theirs.includes(s));
        const onlyThere = theirs.filter((s) => !own.includes(s));
        if (onlyHere.length) {
            reportViolation(`${listText(onlyHere)} ${onlyHere.length === 1 ? "is" : "are"} declared in this stack but not in ${peer}, so ${onlyHere.length === 1 ? "it" : "they"} would reach users without running on the other tier first. Declare ${onlyHere.length === 1 ? "it" : "them"} in Pulumi.${peer}.yaml too and add ${onlyHere.length === 1 ? "it" : "them"} to peerServices.`);
        }
        if (onlyThere.length) {
            reportViolation(`${listText(onlyThere)} ${onlyThere.length === 1 ? "is" : "are"} declared in ${peer} but not in this stack, so the tiers have drifted apart. Declare ${onlyThere.length === 1 ? "it" : "them"} here too, or remove ${onlyThere.length === 1 ? "it" : "them"} from ${peer} and from peerServices.`);
        }
    },
});
