import { configKey, containersOf, goliveAnnotations, kubernetesKinds, objectRef, podMetadataOf, podSpecOf, resourcePolicy, servingPodKinds, type Json } from "../lib";
import { probeHandler } from "./probes";
import { isHttpPath } from "./rules";

/** Where the workloads component writes each service's own health path (on the pod template). */
export const healthPathAnnotation = goliveAnnotations.healthPath;

function annotatedPath(metadata: Json): string | undefined {
    const v: unknown = metadata?.annotations?.[healthPathAnnotation];
    return isHttpPath(v) ? v : undefined;
}

/**
 * The health path a workload declares in its golive.dev/health-path annotation: on its pod
 * template, else on the object itself (where earlier golive versions wrote it), or
 * undefined when it declares none (or a value that is not a path).
 */
export function declaredHealthPath(type: string, props: Json): string | undefined {
    return annotatedPath(podMetadataOf(type, props)) ?? annotatedPath(props?.metadata);
}

/** The path itself, a sub-path (/health/ready, /health/live) or the path with a query. */
export function onHealthPath(path: string, healthPath: string): boolean {
    const base = healthPath.length > 1 ? healthPath.replace(/\/+$/, "") : healthPath;
    return path === base || path.startsWith(`${base}/`) || path.startsWith(`${base}?`);
}

/**
 * Probes check the health endpoint a workload declares: its golive.dev/health-path
 * annotation (golive writes it on every pod template it plans), else policy config
 * `healthPath` when a stack sets one. A workload that declares neither is not judged: its
 * health endpoint is unknown, and gRPC, tcpSocket, exec or httpGet on /healthz, /readyz or
 * /livez are all legitimate probes for software golive did not write.
 * Where a path is declared, readiness gates traffic, so it must be an httpGet on that path:
 * a tcpSocket or exec readiness passes as soon as the port opens or the process runs,
 * whatever the endpoint says. Liveness and startup may be tcp/exec/grpc (a "process alive"
 * check is legitimate), but when they are httpGet they must use the declared path too: a
 * probe on a path the service does not serve fails forever and restarts the pod in a loop.
 * Missing probes are workloads-container-missing-probes' finding, not repeated here.
 */
export const workloadsProbeRequireHealthPath = resourcePolicy({
    name: "workloads-probe-require-health-path",
    description: "Where a workload declares its health path, readiness probes are httpGet on it and every httpGet probe uses it.",
    severity: "medium",
    runbook: ["004.services.health-checks", "004.infra.load-balancer-health"],
    remediation: "Probe readiness with httpGet on the declared health path (the golive.dev/health-path annotation on the pod template, else policy config healthPath), and point httpGet liveness and startup probes at it too.",
    configSchema: {
        properties: {
            // No default: a stack that sets none judges only the workloads that declare their own.
            healthPath: { type: "string", pattern: "^/" },
        },
    },
    // Jobs and CronJobs serve no traffic and finish on their own: nothing to gate, restart or drain.
    appliesTo: kubernetesKinds(...servingPodKinds),
    validateResource: (args, reportViolation) => {
        const pod = podSpecOf(args.type, args.props);
        if (!pod) return;
        const configured = args.getConfig<{ healthPath?: unknown }>().healthPath;
        const healthPath = declaredHealthPath(args.type, args.props)
            ?? (isHttpPath(configured) ? configured : undefined);
        if (healthPath === undefined) {
            return args.notApplicable(`${objectRef(args.type, args.props)} declares no health path (annotation ${healthPathAnnotation} on its pod template, or policy config healthPath), so any probe is accepted`);
        }
        // For a service golive planned, say where the declared path comes from in the stack file.
        const key = configKey(args.urn, args.props, "healthPath");
        const source = key ? ` (declared by ${key})` : "";
        for (const c of containersOf(pod)) {
            if (c.init) continue;
            for (const field of ["readinessProbe", "livenessProbe", "startupProbe"] as const) {
                const probe = c.container?.[field];
                if (!probe) continue;
                const handler = probeHandler(probe, c.container);
                if (!handler) continue;
                if (handler.kind !== "httpGet") {
                    if (field === "readinessProbe") {
                        reportViolation(`${c.label} readinessProbe runs ${handler.text}, not httpGet on "${healthPath}", so the pod counts as ready without its health endpoint answering. Probe readiness with httpGet on path "${healthPath}"${source}.`);
                    }
                    continue;
                }
                if (!onHealthPath(handler.path ?? "/", healthPath)) {
                    reportViolation(`${c.label} ${field} checks path "${handler.path}", not the declared health path "${healthPath}". Probe path "${healthPath}"${source} (or a sub-path such as "${healthPath.replace(/\/+$/, "")}/ready").`);
                }
            }
        }
    },
});
