import {
    appLabels, containersOf, goliveAnnotations, imageVersion, isKind, isLaunchPhase, objectRef, phaseAtLeast, podSpecOf, resourcePolicy,
    rollbackRequiredFrom, rollbackVersionProblem, type AppliesTo, type Json,
} from "../lib";

function launchPhaseOf(props: Json): unknown {
    return props?.metadata?.annotations?.[goliveAnnotations.launchPhase];
}

/**
 * The Deployments golive planned (they carry golive.dev/launch-phase) at launch-eve or later.
 * Earlier, and for Deployments golive did not plan, there is no rollback plan to judge.
 */
const launching: AppliesTo = {
    description: `Kubernetes Deployments golive planned at launch phase ${rollbackRequiredFrom} or later (annotation ${goliveAnnotations.launchPhase})`,
    matches: (type, props) => {
        if (!isKind(type, "apps", "Deployment")) return false;
        const phase = launchPhaseOf(props);
        return isLaunchPhase(phase) && phaseAtLeast(phase, rollbackRequiredFrom);
    },
};

/**
 * Runbook 004's Go/No-Go asks for a rollback plan, and its rollback procedure is "deploy
 * previous containers". From launch-eve on, each stable Deployment golive plans must name
 * the version it would roll back to (golive.dev/rollback-to, from the stack's
 * launch.rollbackTo), and that version must be a real choice: not the version being
 * launched, and older than it when both are semantic versions. Per-stack enforcement comes
 * from policies/config/<stack>.json: mandatory in production, advisory in staging.
 */
export const workloadsDeploymentRequireRollbackVersion = resourcePolicy({
    name: "workloads-deployment-require-rollback-version",
    description: "From launch-eve on, every service names a rollback version that differs from, and is older than, the version being launched.",
    severity: "high",
    runbook: ["004.rollback.plan"],
    remediation: "Set the service's version under golive:launch.rollbackTo in the stack file to the release to roll back to: the one running before this launch.",
    appliesTo: launching,
    validateResource: (args, reportViolation) => {
        const pod = podSpecOf(args.type, args.props);
        if (!pod) return;
        const labels: Json = args.props.metadata?.labels;
        const service: string = typeof labels?.[appLabels.name] === "string" ? labels[appLabels.name] : args.props.metadata?.name;
        const containers = containersOf(pod).filter((c) => !c.init);
        const main = containers.find((c) => c.container?.name === service) ?? containers[0];
        const image: unknown = main?.container?.image;
        if (typeof image !== "string") return; // no image is workloads-container-disallow-unpinned-image's finding
        const launched = imageVersion(image) ?? image;
        const rollbackTo: unknown = args.props.metadata?.annotations?.[goliveAnnotations.rollbackTo];
        const problem = rollbackVersionProblem(launched, typeof rollbackTo === "string" ? rollbackTo : undefined);
        if (problem) {
            const phase = String(launchPhaseOf(args.props));
            reportViolation(`${objectRef(args.type, args.props)} launches ${launched} at phase ${phase}, but ${problem}. Set \`${service}: <previous version>\` under golive:launch.rollbackTo in the stack file (the release running before this launch, older than ${launched}).`);
        }
    },
});
