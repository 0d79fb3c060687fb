/**
 * The API server's rules per kind, beyond what every object's metadata must satisfy:
 * workload controllers (selector present, non-empty and matching the pod template's labels,
 * rollout strategy), Services, HorizontalPodAutoscalers, PodDisruptionBudgets,
 * NetworkPolicies and ConfigMaps (apps/validation, core/validation, autoscaling/validation,
 * policy/validation, networking/validation in kubernetes/kubernetes).
 */
import type { Json } from "../kubernetes";
import { checkLabels, checkLabelSelector, checkTemplateMeta, isEmptySelector, selectorMatches } from "./metadata";
import { dns1123LabelProblem, ianaServiceNameProblem } from "./names";
import { checkPodSpec, maxPort } from "./pod";
import { arrayAt, child, isObject, numberAt, stringAt, type Problems } from "./problems";

/** A field that may be an integer or a percentage: the API server wants a number or `"<digits>%"`, nothing else. */
function checkIntOrPercent(p: Problems, value: Json, path: string, maxPercent?: number): { int?: number; percent?: number } | undefined {
    if (typeof value === "number") {
        if (value < 0) p.add(path, `${value} must not be negative`);
        return { int: value };
    }
    if (typeof value === "string") {
        const m = /^(\d+)%$/.exec(value);
        if (!m) {
            p.add(path, `${JSON.stringify(value)} must be an integer or a percentage such as "25%"`);
            return undefined;
        }
        const percent = Number(m[1]);
        if (maxPercent !== undefined && percent > maxPercent) p.add(path, `${JSON.stringify(value)} must be at most ${maxPercent}%`);
        return { percent };
    }
    return undefined;
}

function isZero(v: { int?: number; percent?: number } | undefined): boolean {
    return v !== undefined && (v.int === 0 || v.percent === 0);
}

function checkNonNegative(p: Problems, spec: Record<string, Json>, field: string, path: string): void {
    const v = numberAt(spec[field]);
    if (v !== undefined && v < 0) p.add(child(path, field), `${v} must not be negative`);
}

/** The labels of a pod template as a plain map (non-string values are the schema's finding). */
function templateLabels(template: Json): Record<string, string> {
    const labels: Json = isObject(template) && isObject(template.metadata) ? template.metadata.labels : undefined;
    const out: Record<string, string> = {};
    if (isObject(labels)) for (const k of Object.keys(labels)) if (typeof labels[k] === "string") out[k] = labels[k];
    return out;
}

/**
 * A controller's selector and pod template (Deployment, ReplicaSet, StatefulSet, DaemonSet):
 * the selector is required, selects something, and selects the pods the template creates;
 * otherwise the controller would create pods it never counts as its own, forever.
 */
function checkSelectorAndTemplate(p: Problems, obj: Json, spec: Record<string, Json>, kind: string): void {
    const selector: Json = spec.selector;
    if (selector === undefined || selector === null) {
        // apps/v1beta1 and extensions/v1beta1 filled a missing selector in from the template's labels.
        if (/^(apps|extensions)\/v1beta1$/.test(String(obj?.apiVersion))) return checkTemplate(p, spec, kind);
        p.add("spec.selector", `is required: a ${kind} finds its pods by it (usually matchLabels equal to the pod template's labels)`);
    } else if (isObject(selector)) {
        checkLabelSelector(p, selector, "spec.selector");
        if (isEmptySelector(selector)) {
            p.add("spec.selector", `must not be empty: an empty selector would match every pod of the namespace, which the API server refuses for a ${kind}`);
        } else {
            const labels = templateLabels(spec.template);
            if (!selectorMatches(selector, labels)) {
                const shown = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",") || "(none)";
                p.add("spec.template.metadata.labels", `(${shown}) do not match spec.selector; every label the selector requires must be on the pod template`);
            }
        }
    }
    checkTemplate(p, spec, kind);
}

/** A controller's replica counts and pod template: the pods it creates run until replaced. */
function checkTemplate(p: Problems, spec: Record<string, Json>, kind: string): void {
    checkNonNegative(p, spec, "replicas", "spec");
    checkNonNegative(p, spec, "minReadySeconds", "spec");
    checkNonNegative(p, spec, "revisionHistoryLimit", "spec");
    if (isObject(spec.template)) {
        checkTemplateMeta(p, spec.template.metadata, "spec.template.metadata");
        checkPodSpec(p, spec.template.spec, "spec.template.spec", { restartPolicies: ["Always"] });
        if (isObject(spec.template.spec) && spec.template.spec.activeDeadlineSeconds !== undefined && spec.template.spec.activeDeadlineSeconds !== null) {
            p.add("spec.template.spec.activeDeadlineSeconds", `must not be set for a ${kind}: its pods are meant to run until replaced`);
        }
    }
}

export function checkDeployment(p: Problems, obj: Json): void {
    const spec: Json = obj?.spec;
    if (!isObject(spec)) return;
    checkSelectorAndTemplate(p, obj, spec, "Deployment");
    const progress = numberAt(spec.progressDeadlineSeconds);
    const minReady = numberAt(spec.minReadySeconds) ?? 0;
    if (progress !== undefined && progress <= minReady) {
        p.add("spec.progressDeadlineSeconds", `${progress} must be greater than spec.minReadySeconds (${minReady})`);
    }
    const strategy: Json = spec.strategy;
    if (!isObject(strategy)) return;
    const rolling: Json = strategy.rollingUpdate;
    if (strategy.type === "Recreate" && rolling !== undefined && rolling !== null) {
        p.add("spec.strategy.rollingUpdate", "must not be set when spec.strategy.type is Recreate");
    }
    if (isObject(rolling)) {
        const unavailable = checkIntOrPercent(p, rolling.maxUnavailable, "spec.strategy.rollingUpdate.maxUnavailable", 100);
        const surge = checkIntOrPercent(p, rolling.maxSurge, "spec.strategy.rollingUpdate.maxSurge");
        if (isZero(unavailable) && isZero(surge)) {
            p.add("spec.strategy.rollingUpdate.maxUnavailable", "must not be 0 when maxSurge is 0 too: the rollout could never replace a pod");
        }
    }
}

export function checkReplicatedController(kind: "ReplicaSet" | "StatefulSet" | "DaemonSet") {
    return (p: Problems, obj: Json): void => {
        const spec: Json = obj?.spec;
        if (!isObject(spec)) return;
        checkSelectorAndTemplate(p, obj, spec, kind);
        if (kind === "DaemonSet" && isObject(spec.updateStrategy) && isObject(spec.updateStrategy.rollingUpdate)) {
            const r = spec.updateStrategy.rollingUpdate;
            const unavailable = checkIntOrPercent(p, r.maxUnavailable, "spec.updateStrategy.rollingUpdate.maxUnavailable", 100);
            const surge = checkIntOrPercent(p, r.maxSurge, "spec.updateStrategy.rollingUpdate.maxSurge", 100);
            if (isZero(unavailable) && isZero(surge)) {
                p.add("spec.updateStrategy.rollingUpdate.maxUnavailable", "must not be 0 when maxSurge is 0 too: the rollout could never replace a pod");
            }
        }
    };
}

/** A Job's pods run to completion: restartPolicy OnFailure or Never (unset means Always, which a Job refuses). */
function checkJobSpec(p: Problems, spec: Json, path: string): void {
    if (!isObject(spec)) return;
    for (const f of ["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished"] as const) checkNonNegative(p, spec, f, path);
    const template: Json = spec.template;
    if (!isObject(template)) return;
    checkTemplateMeta(p, template.metadata, child(child(path, "template"), "metadata"));
    const podPath = child(child(path, "template"), "spec");
    checkPodSpec(p, template.spec, podPath, { restartPolicies: ["OnFailure", "Never"] });
    if (isObject(template.spec) && (template.spec.restartPolicy === undefined || template.spec.restartPolicy === null)) {
        p.add(child(podPath, "restartPolicy"), `is required for a Job: "OnFailure" or "Never" (unset, it defaults to "Always", which a Job refuses)`);
    }
}

export function checkJob(p: Problems, obj: Json): void {
    checkJobSpec(p, obj?.spec, "spec");
}

export function checkCronJob(p: Problems, obj: Json): void {
    const spec: Json = obj?.spec;
    if (!isObject(spec)) return;
    // The controller names each Job <cronjob>-<11 digits>, and a Job's pods carry it in a 63-character label.
    const name = stringAt(obj?.metadata?.name);
    if (name !== undefined && name.length > 52) p.add("metadata.name", `${JSON.stringify(name)} must be at most 52 characters for a CronJob (got ${name.length})`);
    checkNonNegative(p, spec, "startingDeadlineSeconds", "spec");
    checkNonNegative(p, spec, "successfulJobsHistoryLimit", "spec");
    checkNonNegative(p, spec, "failedJobsHistoryLimit", "spec");
    if (isObject(spec.jobTemplate)) {
        checkTemplateMeta(p, spec.jobTemplate.metadata, "spec.jobTemplate.metadata");
        checkJobSpec(p, spec.jobTemplate.spec, "spec.jobTemplate.spec");
    }
}

export function checkPod(p: Problems, obj: Json): void {
    checkPodSpec(p, obj?.spec, "spec", { restartPolicies: ["Always", "OnFailure", "Never"] });
}

export function checkService(p: Problems, obj: Json): void {
    const spec: Json = obj?.spec;
    if (!isObject(spec)) return;
    checkLabels(p, spec.selector, "spec.selector");
    const ports = arrayAt(spec.ports);
    const headless = spec.clusterIP === "None";
    if (spec.type !== "ExternalName" && !headless && ports.length === 0) {
        p.add("spec.ports", "must list at least one port (only a headless Service, clusterIP: None, or an ExternalName Service may have none)");
    }
    const names = new Map<string, number>();
    const numbers = new Map<string, number>();
    ports.forEach((port: Json, i: number) => {
        if (!isObject(port)) return;
        const at = child("spec.ports", i);
        const name = stringAt(port.name);
        if (name === undefined || name === "") {
            if (ports.length > 1) p.add(child(at, "name"), "is required when a Service has more than one port");
        } else {
            p.check(child(at, "name"), name, dns1123LabelProblem(name));
            const first = names.get(name);
            if (first !== undefined) p.add(child(at, "name"), `${JSON.stringify(name)} is already the name of spec.ports[${first}]; port names must be unique`);
            else names.set(name, i);
        }
        const number = numberAt(port.port);
        if (number !== undefined) {
            if (number < 1 || number > maxPort) p.add(child(at, "port"), `${number} must be from 1 to ${maxPort}`);
            const key = `${number}/${stringAt(port.protocol) ?? "TCP"}`;
            const first = numbers.get(key);
            if (first !== undefined) p.add(child(at, "port"), `${key} is already spec.ports[${first}]; each port and protocol once`);
            else numbers.set(key, i);
        }
        const target: Json = port.targetPort;
        if (typeof target === "number" && (target < 1 || target > maxPort)) p.add(child(at, "targetPort"), `${target} must be from 1 to ${maxPort}`);
        if (typeof target === "string") p.check(child(at, "targetPort"), target, ianaServiceNameProblem(target));
        const nodePort = numberAt(port.nodePort);
        if (nodePort !== undefined && nodePort !== 0 && (nodePort < 1 || nodePort > maxPort)) p.add(child(at, "nodePort"), `${nodePort} must be from 1 to ${maxPort}`);
    });
}

export function checkHorizontalPodAutoscaler(p: Problems, obj: Json): void {
    const spec: Json = obj?.spec;
    if (!isObject(spec)) return;
    const min = numberAt(spec.minReplicas);
    const max = numberAt(spec.maxReplicas);
    if (min !== undefined && min < 1) p.add("spec.minReplicas", `${min} must be at least 1`);
    if (max !== undefined && max < 1) p.add("spec.maxReplicas", `${max} must be at least 1`);
    if (max !== undefined && max < (min ?? 1)) p.add("spec.maxReplicas", `${max} must be at least spec.minReplicas (${min ?? 1})`);
}

export function checkPodDisruptionBudget(p: Problems, obj: Json): void {
    const spec: Json = obj?.spec;
    if (!isObject(spec)) return;
    const has = (f: string) => spec[f] !== undefined && spec[f] !== null;
    if (has("minAvailable") && has("maxUnavailable")) {
        p.add("spec", "sets both minAvailable and maxUnavailable; keep one of them");
    }
    if (has("minAvailable")) checkIntOrPercent(p, spec.minAvailable, "spec.minAvailable", 100);
    if (has("maxUnavailable")) checkIntOrPercent(p, spec.maxUnavailable, "spec.maxUnavailable", 100);
    checkLabelSelector(p, spec.selector, "spec.selector");
}

export function checkNetworkPolicy(p: Problems, obj: Json): void {
    const spec: Json = obj?.spec;
    if (!isObject(spec)) return;
    checkLabelSelector(p, spec.podSelector, "spec.podSelector");
    for (const direction of ["ingress", "egress"] as const) {
        const peersField = direction === "ingress" ? "from" : "to";
        arrayAt(spec[direction]).forEach((rule: Json, i: number) => {
            if (!isObject(rule)) return;
            const at = child(child("spec", direction), i);
            arrayAt(rule[peersField]).forEach((peer: Json, j: number) => {
                if (!isObject(peer)) return;
                const pat = child(child(at, peersField), j);
                checkLabelSelector(p, peer.podSelector, child(pat, "podSelector"));
                checkLabelSelector(p, peer.namespaceSelector, child(pat, "namespaceSelector"));
            });
            arrayAt(rule.ports).forEach((port: Json, j: number) => {
                if (!isObject(port)) return;
                const pat = child(child(at, "ports"), j);
                const value: Json = port.port;
                if (typeof value === "number" && (value < 1 || value > maxPort)) p.add(child(pat, "port"), `${value} must be from 1 to ${maxPort}`);
                if (typeof value === "string") p.check(child(pat, "port"), value, ianaServiceNameProblem(value));
                const end = numberAt(port.endPort);
                if (end !== undefined) {
                    if (typeof value !== "number") p.add(child(pat, "endPort"), "may only be set with a numeric port");
                    else if (end < value) p.add(child(pat, "endPort"), `${end} must be at least port ${value}`);
                }
            });
        });
    }
}

/** ConfigMap keys become file names and env names: letters, digits, '-', '_' and '.', at most 253 characters. */
export function checkConfigMap(p: Problems, obj: Json): void {
    for (const field of ["data", "binaryData"] as const) {
        const data: Json = obj?.[field];
        if (!isObject(data)) continue;
        for (const key of Object.keys(data)) {
            if (key.length > 253 || !/^[-._a-zA-Z0-9]+$/.test(key) || key === "." || key === ".." || key.startsWith("..")) {
                p.add(field, `key ${JSON.stringify(key)} must be at most 253 letters, digits, '-', '_' and '.', and not "." or start with ".."`);
            }
        }
    }
}
