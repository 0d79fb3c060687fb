import { containersOf, defaultGracePeriodSeconds as defaultGracePeriod, isOneOf, kubernetesKinds, objectRef, podSpecOf, servingPodKinds, stackPolicy, type Json } from "../lib";
import { drainsBeforeKill } from "./rules";
import { servicesSelecting, servicesText } from "./traffic";

/**
 * How long a preStop hook holds the container before SIGTERM: the `sleep` action's seconds,
 * or a `sleep N` inside an exec command (`["sleep","10"]`, `["sh","-c","sleep 5 && ..."]`).
 * An httpGet hook or an exec without sleep has no length we can read: 0.
 */
export function preStopSeconds(preStop: Json): number {
    if (typeof preStop?.sleep?.seconds === "number") return preStop.sleep.seconds;
    const command: unknown = preStop?.exec?.command;
    if (Array.isArray(command)) {
        const m = /(?:^|[\s/;&|])sleep\s+(\d+(?:\.\d+)?)/.exec(command.map(String).join(" "));
        if (m) return Math.ceil(Number(m[1]));
    }
    return 0;
}

/**
 * Graceful shutdown, which almost no checker looks at (Polaris, kube-score, kube-linter and
 * Kyverno best practices have nothing on preStop): endpoints are removed asynchronously, so
 * a pod that exits on SIGTERM at once still gets requests for a few seconds. A preStop hook
 * bridges that gap, and the grace period must outlast it, or the kubelet SIGKILLs the
 * container before it has drained (the grace period counts the preStop time).
 * The gap exists only for pods a Service sends traffic to: a workload no Service in the
 * stack selects (a queue worker, a load generator) needs no preStop hook, only a grace
 * period longer than any hook it has. Reading the Services needs the whole stack, hence a
 * stack policy.
 */
export const workloadsPodConfigureGracefulShutdown = stackPolicy({
    name: "workloads-pod-configure-graceful-shutdown",
    description: "Every container a Service sends traffic to has a preStop hook, and terminationGracePeriodSeconds outlasts every preStop sleep, so pods drain before they stop.",
    severity: "high",
    runbook: ["004.services.graceful-shutdown", "004.deploy.zero-downtime"],
    remediation: "Add lifecycle.preStop (e.g. sleep 10 s) to each container a Service sends traffic to and set terminationGracePeriodSeconds above the preStop sleep plus the time the app needs to drain.",
    // Jobs and CronJobs serve no traffic and finish on their own: nothing to gate, restart or drain.
    appliesTo: kubernetesKinds(...servingPodKinds),
    validateStack: (args, reportViolation) => {
        for (const w of args.resources) {
            if (!isOneOf(w.type, servingPodKinds)) continue;
            const pod = podSpecOf(w.type, w.props);
            if (!pod) continue;
            const ref = objectRef(w.type, w.props);
            const services = servicesSelecting(args.resources, w);
            const grace: unknown = pod.spec.terminationGracePeriodSeconds;
            const graceSeconds = typeof grace === "number" ? grace : defaultGracePeriod;
            const graceText = typeof grace === "number" ? `${grace}` : `unset (${defaultGracePeriod} by default)`;
            for (const c of containersOf(pod)) {
                if (c.init) continue;
                const preStop = c.container?.lifecycle?.preStop;
                if (!preStop || !(preStop.exec || preStop.sleep || preStop.httpGet)) {
                    if (services.length === 0) continue; // no endpoints to be removed from: nothing to bridge
                    const what = preStop?.tcpSocket ? "only a tcpSocket lifecycle.preStop, which the kubelet does not run" : "no lifecycle.preStop hook";
                    reportViolation(`${ref} ${c.label} has ${what}, so it gets SIGTERM while the endpoints of ${servicesText(services)} still send it traffic. Add a preStop hook (e.g. sleep: {seconds: 10}) and a terminationGracePeriodSeconds above it.`, w.urn);
                    continue;
                }
                const sleep = preStopSeconds(preStop);
                if (!drainsBeforeKill(graceSeconds, sleep)) {
                    reportViolation(`${ref} terminationGracePeriodSeconds is ${graceText}, not more than ${c.label}'s preStop sleep of ${sleep} s, so the container is killed before it can drain. Set terminationGracePeriodSeconds above ${sleep} (e.g. ${sleep + 30}).`, w.urn);
                }
            }
        }
    },
});
