import { containersOf, kubernetesKinds, podSpecOf, resourcePolicy, servingPodKinds } from "../lib";
import { failureWindow, probeHandler } from "./probes";

/**
 * Liveness does not act together with readiness. kube-score (pod-probes-identical) and
 * Kyverno (ensure-probes-different) only refuse byte-identical probes; what hurts is the
 * same check with a liveness that gives up no later than readiness: an overloaded pod is
 * then restarted instead of taken out of service, and the restarts cascade. So the same
 * handler is fine only when liveness is more tolerant. Missing probes are
 * workloads-container-missing-probes' finding, not repeated here.
 */
export const workloadsProbeConfigureLivenessWindow = resourcePolicy({
    name: "workloads-probe-configure-liveness-window",
    description: "A livenessProbe that runs the readiness check gives up later than readiness (a longer failureThreshold x periodSeconds).",
    severity: "high",
    runbook: ["004.services.health-checks", "004.deploy.zero-downtime"],
    remediation: "Give the livenessProbe a longer failure window (failureThreshold x periodSeconds) than the readinessProbe, or have it check something else.",
    // Jobs and CronJobs serve no traffic and finish on their own: nothing to gate, restart or drain.
    appliesTo: kubernetesKinds(...servingPodKinds),
    validateResource: (args, reportViolation) => {
        const pod = podSpecOf(args.type, args.props);
        if (!pod) return;
        for (const c of containersOf(pod)) {
            if (c.init) continue;
            const readiness = c.container?.readinessProbe;
            const liveness = c.container?.livenessProbe;
            if (!readiness || !liveness) continue;
            const r = probeHandler(readiness, c.container);
            const l = probeHandler(liveness, c.container);
            if (!r || !l || r.key !== l.key) continue;
            const rWindow = failureWindow(readiness);
            const lWindow = failureWindow(liveness);
            if (lWindow <= rWindow) {
                reportViolation(`${c.label} readinessProbe and livenessProbe both run ${r.text}, and liveness gives up after ${lWindow} s, no later than readiness (${rWindow} s), so an overloaded pod is restarted instead of taken out of service. Give liveness a longer failure window (failureThreshold x periodSeconds above ${rWindow} s) or a different check.`);
            }
        }
    },
});
