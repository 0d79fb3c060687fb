import { containersOf, podSpecOf, resourcePolicy } from "../lib";
import { batchTypes } from "./objects";
import { probeHandler } from "./probes";

export const defaultHealthPath = "/health";

/** The path itself, a sub-path (/health/ready, /health/live) or the path with a query. */
export function onHealthPath(path: string, healthPath: string): boolean {
    const base = healthPath.length > 1 ? healthPath.replace(/\/+$/, "") : healthPath;
    return path === base || path.startsWith(`${base}/`) || path.startsWith(`${base}?`);
}

/**
 * Probes check the health endpoint the runbook declares (`/health`, policy config
 * `healthPath`). Readiness gates traffic, so it must be an httpGet on that path: a tcpSocket
 * or exec readiness passes as soon as the port opens or the process runs, whatever the
 * endpoint says. Liveness and startup may be tcp/exec/grpc (a "process alive" check is
 * legitimate), but when they are httpGet they must use the declared path too: a probe on a
 * path the service does not serve fails forever and restarts the pod in a loop.
 * Missing probes are workloads-container-missing-probes' finding, not repeated here.
 */
export const workloadsProbeRequireHealthPath = resourcePolicy({
    name: "workloads-probe-require-health-path",
    description: "Readiness probes are httpGet on the declared health path, and every httpGet probe uses that path.",
    severity: "medium",
    runbook: ["004.services.health-checks", "004.infra.load-balancer-health"],
    remediation: "Probe readiness with httpGet on the declared health path (policy config healthPath, default /health), and point httpGet liveness and startup probes at it too.",
    configSchema: {
        properties: {
            healthPath: { type: "string", default: defaultHealthPath, pattern: "^/" },
        },
    },
    validateResource: (args, reportViolation) => {
        if (batchTypes.includes(args.type)) return;
        const pod = podSpecOf(args.type, args.props);
        if (!pod) return;
        // The CLI applies schema defaults, but getConfig() returns {} when no config is given.
        const configured = args.getConfig<{ healthPath?: unknown }>().healthPath;
        const healthPath = typeof configured === "string" && configured !== "" ? configured : defaultHealthPath;
        for (const c of containersOf(pod)) {
            if (c.init) continue;
            for (const field of ["readinessProbe", "livenessProbe", "startupProbe"] as const) {
                const probe = c.container?.[field];
                if (!probe) continue;
                const handler = probeHandler(probe, c.container);
                if (!handler) continue;
                if (handler.kind !== "httpGet") {
                    if (field === "readinessProbe") {
                        reportViolation(`${c.label} readinessProbe runs ${handler.text}, not httpGet on "${healthPath}", so the pod counts as ready without its health endpoint answering. Probe readiness with httpGet on path "${healthPath}".`);
                    }
                    continue;
                }
                if (!onHealthPath(handler.path ?? "/", healthPath)) {
                    reportViolation(`${c.label} ${field} checks path "${handler.path}", not the declared health path "${healthPath}". Probe path "${healthPath}" (or a sub-path such as "${healthPath.replace(/\/+$/, "")}/ready").`);
                }
            }
        }
    },
});
