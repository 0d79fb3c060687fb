import { containersOf, kubernetesKinds, podSpecOf, resourcePolicy, servingPodKinds } from "../lib";
import { failureWindow, probeHandler } from "./probes";

/**
 * Readiness and liveness probes are present and do not act together. kube-score
 * (pod-probes-identical) and Kyverno (ensure-probes-different) only refuse byte-identical
 * probes; what hurts is the same check with a liveness that gives up no later than
 * readiness: an overloaded pod is then restarted instead of taken out of service, and the
 * restarts cascade. So the same handler is fine only when liveness is more tolerant.
 */
export const workloadsContainerMissingProbes = resourcePolicy({
    name: "workloads-container-missing-probes",
    description: "Every serving container has a readiness and a liveness probe, and liveness is not the readiness check with the same or a shorter failure window.",
    severity: "high",
    runbook: ["004.services.health-checks", "004.deploy.zero-downtime"],
    remediation: "Add a readinessProbe (httpGet on the health path) and a livenessProbe that tolerates longer failures than readiness or checks something else.",
    // Jobs and CronJobs serve no traffic and finish on their own: nothing to gate, restart or drain.
    appliesTo: kubernetesKinds(...servingPodKinds),
    validateResource: (args, reportViolation) => {
        const pod = podSpecOf(args.type, args.props);
        if (!pod) return;
        for (const c of containersOf(pod)) {
            if (c.init) continue; // probes on init containers are rejected by the API server
            const readiness = c.container?.readinessProbe;
            const liveness = c.container?.livenessProbe;
            if (!readiness) {
                reportViolation(`${c.label} has no readinessProbe, so it receives traffic before it is ready, and a rolling update counts it available at once. Add a readinessProbe (httpGet on the health path).`);
            }
            if (!liveness) {
                reportViolation(`${c.label} has no livenessProbe, so a hung process keeps its pod forever. Add a livenessProbe with a longer failure window (failureThreshold x periodSeconds) than the readinessProbe.`);
            }
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
