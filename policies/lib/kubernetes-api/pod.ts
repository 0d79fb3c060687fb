/**
 * What the API server checks in a pod spec beyond its OpenAPI schema (ValidatePodSpec and
 * the container, probe, port, env and volume rules it calls): unique names, port ranges,
 * one handler per probe, requests within limits, mounts of volumes that exist.
 */
import type { Json } from "../kubernetes";
import { checkLabels, checkLabelSelector } from "./metadata";
import { dns1123LabelProblem, dns1123SubdomainProblem, envVarNameProblem, ianaServiceNameProblem, qualifiedNameProblem } from "./names";
import { arrayAt, child, isObject, numberAt, stringAt, type Problems } from "./problems";
import { resourceRequirementsProblems } from "./resources";

export const maxPort = 65535;

/** The kubelet's default grace period when a pod spec sets none. */
export const defaultGracePeriodSeconds = 30;

export interface PodSpecRules {
    /** The restart policies the owning kind allows (`Always` for Deployments, `OnFailure`/`Never` for Jobs). */
    restartPolicies: readonly string[];
}

/** Every API-server problem of a pod spec at `path` (`spec.template.spec`). */
export function checkPodSpec(p: Problems, spec: Json, path: string, rules: PodSpecRules): void {
    if (!isObject(spec)) return;
    const volumes = checkVolumes(p, spec.volumes, child(path, "volumes"));
    const grace = numberAt(spec.terminationGracePeriodSeconds);
    if (grace !== undefined && grace < 0) p.add(child(path, "terminationGracePeriodSeconds"), `${grace} must not be negative`);

    const names = new Map<string, string>();
    for (const field of ["initContainers", "containers"] as const) {
        arrayAt(spec[field]).forEach((c: Json, i: number) => {
            if (!isObject(c)) return;
            const at = child(child(path, field), i);
            const name = stringAt(c.name);
            if (name !== undefined && name !== "") {
                p.check(child(at, "name"), name, dns1123LabelProblem(name));
                const first = names.get(name);
                if (first !== undefined) p.add(child(at, "name"), `${JSON.stringify(name)} is already the name of ${first}; container names must be unique in a pod, init containers included`);
                else names.set(name, at);
            }
            checkContainer(p, c, at, { init: field === "initContainers", volumes, gracePeriodSeconds: grace ?? defaultGracePeriodSeconds });
        });
    }

    const restartPolicy = stringAt(spec.restartPolicy);
    if (restartPolicy !== undefined && !rules.restartPolicies.includes(restartPolicy)) {
        p.add(child(path, "restartPolicy"), `${JSON.stringify(restartPolicy)} is not allowed here; expected ${rules.restartPolicies.map((r) => JSON.stringify(r)).join(" or ")}`);
    }
    const deadline = numberAt(spec.activeDeadlineSeconds);
    if (deadline !== undefined && deadline < 1) p.add(child(path, "activeDeadlineSeconds"), `${deadline} must be at least 1`);
    const serviceAccount = stringAt(spec.serviceAccountName);
    if (serviceAccount) p.check(child(path, "serviceAccountName"), serviceAccount, dns1123SubdomainProblem(serviceAccount));
    for (const field of ["hostname", "subdomain"] as const) {
        const value = stringAt(spec[field]);
        if (value) p.check(child(path, field), value, dns1123LabelProblem(value));
    }
    checkLabels(p, spec.nodeSelector, child(path, "nodeSelector"));
    arrayAt(spec.topologySpreadConstraints).forEach((t: Json, i: number) => {
        if (!isObject(t)) return;
        const at = child(child(path, "topologySpreadConstraints"), i);
        const skew = numberAt(t.maxSkew);
        if (skew !== undefined && skew < 1) p.add(child(at, "maxSkew"), `${skew} must be at least 1`);
        const key = stringAt(t.topologyKey);
        if (key !== undefined) {
            if (key === "") p.add(child(at, "topologyKey"), "must not be empty");
            else p.check(child(at, "topologyKey"), key, qualifiedNameProblem(key));
        }
        checkLabelSelector(p, t.labelSelector, child(at, "labelSelector"));
    });
}

/** Volume names: DNS labels, unique; each volume one source. Returns the names. */
function checkVolumes(p: Problems, list: Json, path: string): Set<string> {
    const names = new Set<string>();
    arrayAt(list).forEach((v: Json, i: number) => {
        if (!isObject(v)) return;
        const at = child(path, i);
        const name = stringAt(v.name);
        if (name !== undefined && name !== "") {
            p.check(child(at, "name"), name, dns1123LabelProblem(name));
            if (names.has(name)) p.add(child(at, "name"), `${JSON.stringify(name)} is declared twice; volume names must be unique`);
            names.add(name);
        }
        const sources = Object.keys(v).filter((k) => k !== "name");
        if (sources.length > 1) p.add(at, `has ${sources.length} sources (${sources.join(", ")}); a volume has exactly one`);
    });
    return names;
}

interface ContainerContext {
    init: boolean;
    volumes: Set<string>;
    gracePeriodSeconds: number;
}

function checkContainer(p: Problems, c: Record<string, Json>, at: string, ctx: ContainerContext): void {
    const image: Json = c.image;
    if (image === undefined || image === null || (typeof image === "string" && image.trim() === "")) p.add(child(at, "image"), "is required");

    const portNames = new Map<string, number>();
    arrayAt(c.ports).forEach((port: Json, i: number) => {
        if (!isObject(port)) return;
        const pat = child(child(at, "ports"), i);
        const containerPort = numberAt(port.containerPort);
        if (containerPort !== undefined && (containerPort < 1 || containerPort > maxPort)) p.add(child(pat, "containerPort"), `${containerPort} must be from 1 to ${maxPort}`);
        const hostPort = numberAt(port.hostPort);
        if (hostPort !== undefined && hostPort !== 0 && (hostPort < 1 || hostPort > maxPort)) p.add(child(pat, "hostPort"), `${hostPort} must be from 1 to ${maxPort}`);
        const name = stringAt(port.name);
        if (name !== undefined && name !== "") {
            p.check(child(pat, "name"), name, ianaServiceNameProblem(name));
            const first = portNames.get(name);
            if (first !== undefined) p.add(child(pat, "name"), `${JSON.stringify(name)} is already the name of ports[${first}]; port names must be unique in a container`);
            else portNames.set(name, i);
        }
    });

    for (const r of resourceRequirementsProblems(c.resources)) {
        p.add(child(child(child(at, "resources"), r.section), r.resource), r.message);
    }

    // An init container runs to completion before the app starts, so it has no probes or hooks
    // unless it is a sidecar (restartPolicy: Always), which keeps running beside the app.
    const sidecar = ctx.init && c.restartPolicy === "Always";
    for (const field of ["livenessProbe", "readinessProbe", "startupProbe"] as const) {
        const probe: Json = c[field];
        if (probe === undefined || probe === null) continue;
        if (ctx.init && !sidecar) {
            p.add(child(at, field), "must not be set for an init container (only for a sidecar, restartPolicy: Always)");
            continue;
        }
        checkProbe(p, probe, child(at, field), field);
    }
    if (isObject(c.lifecycle)) {
        if (ctx.init && !sidecar) p.add(child(at, "lifecycle"), "must not be set for an init container (only for a sidecar, restartPolicy: Always)");
        else {
            for (const hook of ["postStart", "preStop"] as const) {
                const handler: Json = c.lifecycle[hook];
                if (handler !== undefined && handler !== null) checkLifecycleHandler(p, handler, child(child(at, "lifecycle"), hook), ctx.gracePeriodSeconds);
            }
        }
    }

    arrayAt(c.env).forEach((e: Json, i: number) => {
        if (!isObject(e)) return;
        const eat = child(child(at, "env"), i);
        const name = stringAt(e.name);
        if (name !== undefined) p.check(child(eat, "name"), name, envVarNameProblem(name));
        if (!isObject(e.valueFrom)) return;
        const value = stringAt(e.value);
        if (value !== undefined && value !== "") p.add(child(eat, "valueFrom"), "must not be set together with a non-empty value; keep one of them");
        const sources = Object.keys(e.valueFrom).filter((k) => e.valueFrom[k] !== undefined && e.valueFrom[k] !== null);
        if (sources.length === 0) p.add(child(eat, "valueFrom"), "must name one source: configMapKeyRef, secretKeyRef, fieldRef or resourceFieldRef");
        else if (sources.length > 1) p.add(child(eat, "valueFrom"), `names ${sources.length} sources (${sources.join(", ")}); keep exactly one`);
    });
    arrayAt(c.envFrom).forEach((e: Json, i: number) => {
        if (!isObject(e)) return;
        const sources = ["configMapRef", "secretRef"].filter((k) => e[k] !== undefined && e[k] !== null);
        if (sources.length !== 1) p.add(child(child(at, "envFrom"), i), sources.length === 0 ? "must name configMapRef or secretRef" : "names both configMapRef and secretRef; keep exactly one");
    });

    const mountPaths = new Map<string, number>();
    arrayAt(c.volumeMounts).forEach((m: Json, i: number) => {
        if (!isObject(m)) return;
        const mat = child(child(at, "volumeMounts"), i);
        const name = stringAt(m.name);
        if (name !== undefined && name !== "" && !ctx.volumes.has(name)) {
            p.add(child(mat, "name"), `${JSON.stringify(name)} names no volume of the pod${ctx.volumes.size ? `; expected one of ${[...ctx.volumes].join(", ")}` : " (it declares none)"}`);
        }
        const mountPath = stringAt(m.mountPath);
        if (mountPath !== undefined && mountPath !== "") {
            const first = mountPaths.get(mountPath);
            if (first !== undefined) p.add(child(mat, "mountPath"), `${JSON.stringify(mountPath)} is already mounted by volumeMounts[${first}]; mount paths must be unique in a container`);
            else mountPaths.set(mountPath, i);
        }
    });
}

const probeHandlers = ["exec", "httpGet", "tcpSocket", "grpc"] as const;
const hookHandlers = ["exec", "httpGet", "tcpSocket", "sleep"] as const;

/** The handler fields set on a probe or hook. */
function handlersOf(x: Record<string, Json>, kinds: readonly string[]): string[] {
    return kinds.filter((k) => x[k] !== undefined && x[k] !== null);
}

function checkHandlerCount(p: Problems, x: Record<string, Json>, path: string, kinds: readonly string[]): void {
    const set = handlersOf(x, kinds);
    if (set.length === 0) p.add(path, `must name one handler: ${kinds.join(", ")}`);
    else if (set.length > 1) p.add(path, `names ${set.length} handlers (${set.join(", ")}); keep exactly one`);
}

/** A port given as a number (1..65535) or as the name of a container port. */
function checkPortRef(p: Problems, port: Json, path: string): void {
    if (typeof port === "number") {
        if (port < 1 || port > maxPort) p.add(path, `${port} must be from 1 to ${maxPort}`);
    } else if (typeof port === "string") {
        // A string is a port name, never a number in quotes ("8080" is refused).
        p.check(path, port, ianaServiceNameProblem(port));
    }
}

function checkHandlerPorts(p: Problems, x: Record<string, Json>, path: string): void {
    for (const k of ["httpGet", "tcpSocket"] as const) {
        if (isObject(x[k])) checkPortRef(p, x[k].port, child(child(path, k), "port"));
    }
    if (isObject(x.grpc)) {
        const port = numberAt(x.grpc.port);
        if (port !== undefined && (port < 1 || port > maxPort)) p.add(child(child(path, "grpc"), "port"), `${port} must be from 1 to ${maxPort}`);
    }
}

function checkProbe(p: Problems, probe: Json, path: string, field: "livenessProbe" | "readinessProbe" | "startupProbe"): void {
    if (!isObject(probe)) return;
    checkHandlerCount(p, probe, path, probeHandlers);
    checkHandlerPorts(p, probe, path);
    for (const n of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"] as const) {
        const v = numberAt(probe[n]);
        if (v !== undefined && v < 0) p.add(child(path, n), `${v} must not be negative`);
    }
    const success = numberAt(probe.successThreshold);
    if (field !== "readinessProbe" && success !== undefined && success !== 1) {
        p.add(child(path, "successThreshold"), `${success} must be 1 for a ${field === "livenessProbe" ? "liveness" : "startup"} probe`);
    }
    const grace = numberAt(probe.terminationGracePeriodSeconds);
    if (grace !== undefined) {
        if (field === "readinessProbe") p.add(child(path, "terminationGracePeriodSeconds"), "must not be set for a readiness probe");
        else if (grace < 1) p.add(child(path, "terminationGracePeriodSeconds"), `${grace} must be at least 1`);
    }
}

function checkLifecycleHandler(p: Problems, handler: Json, path: string, gracePeriodSeconds: number): void {
    if (!isObject(handler)) return;
    checkHandlerCount(p, handler, path, hookHandlers);
    checkHandlerPorts(p, handler, path);
    const seconds = isObject(handler.sleep) ? numberAt(handler.sleep.seconds) : undefined;
    if (seconds !== undefined && (seconds < 0 || seconds > gracePeriodSeconds)) {
        p.add(child(child(path, "sleep"), "seconds"), `${seconds} must be from 0 to the pod's terminationGracePeriodSeconds (${gracePeriodSeconds})`);
    }
}
