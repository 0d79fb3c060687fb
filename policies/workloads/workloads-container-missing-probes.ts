import type { PolicyResource } from "@pulumi/policy";
import { containersOf, isOneOf, kubernetesKinds, objectRef, podSpecOf, servingPodKinds, stackPolicy, type GroupKind } from "../lib";
import { servicesSelecting, servicesSend } from "./traffic";

/** The kinds whose rollouts wait for new pods to be ready (Deployment, StatefulSet and DaemonSet updates). */
const rolledOut: readonly GroupKind[] = ["apps/Deployment", "apps/StatefulSet", "apps/DaemonSet"];

/**
 * What a missing readinessProbe costs this workload, or undefined when it costs nothing.
 * Readiness gates two things: the endpoints of the Services that select the pods, and a
 * rollout's progress. A workload no Service selects (a queue worker, a load generator)
 * gets no traffic through endpoints, so only its rollout is at stake; a bare Pod or
 * ReplicaSet that no Service selects has neither.
 */
function readinessCost(services: readonly PolicyResource[], rolls: boolean): { why: string; fix: string } | undefined {
    if (services.length > 0) {
        return {
            why: `${servicesSend(services)} it traffic before it is ready${rolls ? ", and a rolling update counts it available at once" : ""}`,
            fix: "Add a readinessProbe that passes only when it can serve (httpGet on its health endpoint; grpc, tcpSocket or exec for other protocols).",
        };
    }
    if (rolls) {
        return {
            why: "a rolling update counts each new pod available as soon as it starts, even one that cannot do its work (no Service selects its pods, so no traffic is at stake)",
            fix: "Add a readinessProbe that succeeds only once it can do its work (exec, grpc, tcpSocket or httpGet).",
        };
    }
    return undefined;
}

/**
 * Serving containers have a readiness and a liveness probe. What a missing readinessProbe
 * costs depends on whether a Service sends the pods traffic, so the Services of the stack
 * are read and the message says what is true for this workload; that needs the whole
 * stack, hence a stack policy. How the two probes relate is
 * workloads-probe-configure-liveness-window's concern.
 */
export const workloadsContainerMissingProbes = stackPolicy({
    name: "workloads-container-missing-probes",
    description: "Every serving container has a livenessProbe, and a readinessProbe wherever a Service sends it traffic or a rollout waits for it.",
    severity: "high",
    runbook: ["004.services.health-checks", "004.deploy.zero-downtime"],
    remediation: "Add a readinessProbe (for a service, one that passes only when it can serve; for a worker, one that passes only when it can do its work) and a livenessProbe.",
    // Jobs and CronJobs serve no traffic and finish on their own: nothing to gate, restart or drain.
    appliesTo: kubernetesKinds(...servingPodKinds),
    validateStack: (args, reportViolation) => {
        for (const w of args.resources) {
            if (!isOneOf(w.type, servingPodKinds)) continue;
            const pod = podSpecOf(w.type, w.props);
            if (!pod) continue;
            const ref = objectRef(w.type, w.props);
            const readiness = readinessCost(servicesSelecting(args.resources, w), isOneOf(w.type, rolledOut));
            for (const c of containersOf(pod)) {
                if (c.init) continue; // probes on init containers are rejected by the API server
                if (!c.container?.readinessProbe && readiness) {
                    reportViolation(`${ref} ${c.label} has no readinessProbe, so ${readiness.why}. ${readiness.fix}`, w.urn);
                }
                if (!c.container?.livenessProbe) {
                    reportViolation(`${ref} ${c.label} has no livenessProbe, so a hung process keeps its pod forever. Add a livenessProbe with a longer failure window (failureThreshold x periodSeconds) than the readinessProbe.`, w.urn);
                }
            }
        }
    },
});
