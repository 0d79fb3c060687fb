/**
 * How Kubernetes reads a probe: which handler it runs, against what, and how long it takes
 * to give up. Shared by the probe policies of this folder; not a policy itself.
 */
import type { Json } from "../lib";

export type HandlerKind = "httpGet" | "tcpSocket" | "grpc" | "exec";

export interface ProbeHandler {
    kind: HandlerKind;
    /** e.g. `httpGet /health on port http`, for messages. */
    text: string;
    /** The handler normalized (defaults applied, named ports resolved), for comparison. */
    key: string;
    /** The HTTP path, defaulted to "/" as the kubelet does. */
    path?: string;
}

/** A named port resolved to its number through the container's ports, so `http` equals 8080. */
function portNumber(port: unknown, container: Json): unknown {
    if (typeof port !== "string") return port;
    const ports: Json[] = Array.isArray(container?.ports) ? container.ports : [];
    const named = ports.find((p) => p?.name === port);
    return named?.containerPort ?? port;
}

function portText(port: unknown): string {
    return typeof port === "string" || typeof port === "number" ? String(port) : "(unset)";
}

/** The handler a probe (or lifecycle hook) runs, or undefined when it names none. */
export function probeHandler(probe: Json, container: Json): ProbeHandler | undefined {
    if (!probe || typeof probe !== "object") return undefined;
    if (probe.httpGet) {
        const h = probe.httpGet;
        const path: string = typeof h.path === "string" && h.path !== "" ? h.path : "/";
        const scheme: string = h.scheme ?? "HTTP";
        const headers: Json = h.httpHeaders ?? [];
        return {
            kind: "httpGet",
            text: `httpGet ${path} on port ${portText(h.port)}`,
            key: JSON.stringify(["httpGet", path, portNumber(h.port, container), h.host ?? "", scheme, headers]),
            path,
        };
    }
    if (probe.tcpSocket) {
        const h = probe.tcpSocket;
        return { kind: "tcpSocket", text: `tcpSocket on port ${portText(h.port)}`, key: JSON.stringify(["tcpSocket", portNumber(h.port, container), h.host ?? ""]) };
    }
    if (probe.grpc) {
        const h = probe.grpc;
        return { kind: "grpc", text: `grpc on port ${portText(h.port)}`, key: JSON.stringify(["grpc", h.port, h.service ?? ""]) };
    }
    if (probe.exec) {
        const command: unknown[] = Array.isArray(probe.exec.command) ? [...probe.exec.command] : [];
        return { kind: "exec", text: `exec "${command.join(" ")}"`, key: JSON.stringify(["exec", command]) };
    }
    return undefined;
}

/** Seconds of consecutive failures before the kubelet acts: periodSeconds (10) x failureThreshold (3). */
export function failureWindow(probe: Json): number {
    const period: unknown = probe?.periodSeconds;
    const threshold: unknown = probe?.failureThreshold;
    return (typeof period === "number" ? period : 10) * (typeof threshold === "number" ? threshold : 3);
}
