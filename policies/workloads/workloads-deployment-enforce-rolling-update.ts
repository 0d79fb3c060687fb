import { kubernetesKinds, objectRef, resourcePolicy } from "../lib";
import { formatIntOrPercent, intOrPercent } from "./int-or-percent";

const fix = "Set strategy {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0, maxSurge: 1}}.";

/** Whether an IntOrString reads as zero pods whatever the replica count: 0, "0", "0%". */
function isZero(value: unknown): boolean {
    const v = intOrPercent(value);
    return v !== undefined && ("int" in v ? v.int === 0 : v.percent === 0);
}

/**
 * Zero-downtime rollouts: RollingUpdate that never takes a ready pod away before its
 * replacement is ready (maxUnavailable 0) and can make progress (maxSurge above 0; both 0
 * is rejected by the API server, caught here at preview). Recreate stops every pod first.
 * The default strategy is RollingUpdate with maxUnavailable 25 %, so leaving it out fails.
 */
export const workloadsDeploymentEnforceRollingUpdate = resourcePolicy({
    name: "workloads-deployment-enforce-rolling-update",
    description: "Every Deployment rolls out with RollingUpdate, maxUnavailable 0 and a maxSurge above 0.",
    severity: "high",
    runbook: ["004.deploy.zero-downtime"],
    remediation: fix,
    appliesTo: kubernetesKinds("apps/Deployment"),
    validateResource: (args, reportViolation) => {
        const name = objectRef(args.type, args.props);
        const strategy = args.props.spec?.strategy;
        const type: unknown = strategy?.type;
        if (type !== undefined && type !== null && type !== "RollingUpdate") {
            reportViolation(`${name} uses strategy ${JSON.stringify(type)}, which stops every pod before starting the new version, so each rollout is an outage. ${fix}`);
            return;
        }
        const maxUnavailable: unknown = strategy?.rollingUpdate?.maxUnavailable;
        const maxSurge: unknown = strategy?.rollingUpdate?.maxSurge;
        if (maxUnavailable === undefined || maxUnavailable === null) {
            reportViolation(`${name} rollingUpdate.maxUnavailable is unset (25% by default), so a rollout takes ready pods out of service before their replacements are ready. ${fix}`);
        } else if (!isZero(maxUnavailable)) {
            reportViolation(`${name} rollingUpdate.maxUnavailable is ${formatIntOrPercent(maxUnavailable)}, so a rollout takes ready pods out of service before their replacements are ready. ${fix}`);
        } else if (maxSurge !== undefined && maxSurge !== null && isZero(maxSurge)) {
            reportViolation(`${name} rollingUpdate.maxSurge is ${formatIntOrPercent(maxSurge)} with maxUnavailable 0, so a rollout can never start a new pod. ${fix}`);
        }
    },
});
