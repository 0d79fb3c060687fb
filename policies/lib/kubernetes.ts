import type { PolicyResource } from "@pulumi/policy";
import type { AppliesTo } from "./define";
import type { Json } from "./json";

export type { Json } from "./json";

export interface KubernetesKind {
    /**
     * The API group, `core` for the core group as in the type token. Kinds that moved out of
     * `extensions` read as their current group (Deployment, DaemonSet and ReplicaSet as `apps`;
     * NetworkPolicy and Ingress as `networking.k8s.io`), so old manifests are judged alike.
     */
    group: string;
    /** The version as the type token says it (`v1`, `v1beta2`, ...); policies do not match on it. */
    version: string;
    kind: string;
}

/** Where the kinds served by `extensions/v1beta1` live today. */
const movedFromExtensions: Readonly<Record<string, string>> = {
    Deployment: "apps",
    DaemonSet: "apps",
    ReplicaSet: "apps",
    NetworkPolicy: "networking.k8s.io",
    Ingress: "networking.k8s.io",
};

/**
 * The group, version and kind of a Kubernetes type token, or undefined for any other type:
 * `kubernetes:apps/v1beta2:Deployment` -> { group: "apps", version: "v1beta2", kind: "Deployment" },
 * `kubernetes:extensions/v1beta1:Deployment` -> group "apps" too. Policies match group and
 * kind, never the version, so an object declared at an older API version is judged the same.
 * `DeploymentPatch` and `DeploymentList` are other kinds: a patch is partial, not a workload.
 */
export function kindOf(type: string): KubernetesKind | undefined {
    // A stack has few distinct types and policies ask about every resource's, many times
    // over: each token is parsed once. The answers are frozen, as they are shared.
    if (parsedKinds.has(type)) return parsedKinds.get(type);
    const m = /^kubernetes:(?:([^/:]+)\/)?(v[0-9][a-z0-9]*):([A-Za-z0-9]+)$/.exec(type);
    let parsed: KubernetesKind | undefined;
    if (m) {
        const raw = m[1] ?? "core";
        const kind = m[3]!;
        const group = raw === "extensions" ? movedFromExtensions[kind] ?? raw : raw;
        parsed = Object.freeze({ group, version: m[2]!, kind });
    }
    parsedKinds.set(type, parsed);
    return parsed;
}

const parsedKinds = new Map<string, KubernetesKind | undefined>();

/** Whether a type token is this group and kind, in any version. */
export function isKind(type: string, group: string, kind: string): boolean {
    const k = kindOf(type);
    return k !== undefined && k.group === group && k.kind === kind;
}

/** `group/Kind`, e.g. `apps/Deployment`: how the tables below name a kind. */
export type GroupKind = `${string}/${string}`;

function groupKindOf(type: string): GroupKind | undefined {
    const k = kindOf(type);
    return k ? `${k.group}/${k.kind}` : undefined;
}

/**
 * Where each workload kind keeps its pod template (metadata and spec), so pod-level checks
 * judge every kind the same way (as Polaris and kube-score do), including manifests golive
 * did not write. A bare Pod is its own template.
 */
const podTemplatePaths: Readonly<Record<GroupKind, readonly string[]>> = {
    "core/Pod": [],
    "apps/Deployment": ["spec", "template"],
    "apps/StatefulSet": ["spec", "template"],
    "apps/DaemonSet": ["spec", "template"],
    "apps/ReplicaSet": ["spec", "template"],
    "batch/Job": ["spec", "template"],
    "batch/CronJob": ["spec", "jobTemplate", "spec", "template"],
};

/** The kinds that carry a pod template, as `group/Kind`. */
export const podTemplateKinds: readonly GroupKind[] = Object.keys(podTemplatePaths) as GroupKind[];

/**
 * Jobs and CronJobs run to completion and serve no traffic, so probes and preStop hooks mean
 * nothing for them (Polaris exempts them from its probe checks too).
 */
export const batchKinds: readonly GroupKind[] = ["batch/Job", "batch/CronJob"];

/** The pod-template kinds that serve traffic: every one but the batch kinds. */
export const servingPodKinds: readonly GroupKind[] = podTemplateKinds.filter((k) => !batchKinds.includes(k));

/** Whether a type token is one of these `group/Kind`s, in any version. */
export function isOneOf(type: string, kinds: readonly GroupKind[]): boolean {
    const gk = groupKindOf(type);
    return gk !== undefined && kinds.includes(gk);
}

/** Whether a type token is a workload kind with a pod template (Pod, Deployment, ..., CronJob), in any version. */
export function isWorkloadKind(type: string): boolean {
    return isOneOf(type, podTemplateKinds);
}

/** "Deployment, StatefulSet or DaemonSet" */
function kindList(kinds: readonly GroupKind[]): string {
    const names = kinds.map((k) => k.slice(k.indexOf("/") + 1));
    return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]!}`;
}

/**
 * A policy applies to Kubernetes objects of these kinds, in any API version:
 * `appliesTo: kubernetesKinds("autoscaling/HorizontalPodAutoscaler")`.
 */
export function kubernetesKinds(...kinds: readonly GroupKind[]): AppliesTo {
    return {
        description: `Kubernetes ${kindList(kinds)} objects`,
        matches: (type) => isOneOf(type, kinds),
    };
}

function walk(props: Json, path: readonly string[]): Json {
    let node: Json = props;
    for (const key of path) {
        node = node?.[key];
        if (node === undefined || node === null) return undefined;
    }
    return node;
}

export interface PodSpecAt {
    /** The pod spec (the unknown-checking proxy, as the engine hands it over). */
    spec: Json;
    /** Its dotted path inside the resource, for messages. */
    path: string;
}

/** The pod spec of a workload resource, or undefined when the type carries none. */
export function podSpecOf(type: string, props: Json): PodSpecAt | undefined {
    const gk = groupKindOf(type);
    const template = gk === undefined ? undefined : podTemplatePaths[gk];
    if (!template) return undefined;
    const path = [...template, "spec"];
    const spec = walk(props, path);
    return spec === undefined ? undefined : { spec, path: path.join(".") };
}

/** The metadata of the pods a workload creates (its pod template's, or a bare Pod's own), or undefined. */
export function podMetadataOf(type: string, props: Json): Json {
    const gk = groupKindOf(type);
    const template = gk === undefined ? undefined : podTemplatePaths[gk];
    return template ? walk(props, [...template, "metadata"]) : undefined;
}

export interface ContainerAt {
    container: Json;
    /** e.g. `spec.template.spec.containers[0]` */
    path: string;
    /** The container's name, or its position when it has none. */
    label: string;
    init: boolean;
}

/** Every container and init container of a pod spec. */
export function containersOf(pod: PodSpecAt): ContainerAt[] {
    const out: ContainerAt[] = [];
    for (const [field, init] of [["initContainers", true], ["containers", false]] as const) {
        const list: Json[] = Array.isArray(pod.spec[field]) ? pod.spec[field] : [];
        list.forEach((container, i) => {
            const name = typeof container?.name === "string" ? container.name : `#${i}`;
            out.push({ container, path: `${pod.path}.${field}[${i}]`, label: `${init ? "init container" : "container"} "${name}"`, init });
        });
    }
    return out;
}

/** The namespace of a namespaced object; manifests without one land in "default". */
export function namespaceOf(props: Json): string {
    const ns: unknown = props?.metadata?.namespace;
    return typeof ns === "string" && ns !== "" ? ns : "default";
}

export function nameOf(props: Json): string {
    const name: unknown = props?.metadata?.name;
    return typeof name === "string" ? name : "(unnamed)";
}

/** `Kind namespace/name` of a Kubernetes resource from its props, for messages. */
export function objectRef(type: string, props: Json): string {
    const kind = kindOf(type)?.kind ?? type.split(":").pop() ?? type;
    return `${kind} ${namespaceOf(props)}/${nameOf(props)}`;
}

/** Resources of the stack of one group and kind (any version), as stack policies see them. */
export function resourcesOfKind(resources: readonly PolicyResource[], group: string, kind: string): PolicyResource[] {
    // Stack policies ask this once per workload (its Services, its HPAs): grouped once per
    // resource list, so a stack of W workloads and N resources costs N + W lookups, not W x N.
    let byKind = resourcesByKind.get(resources);
    if (!byKind) {
        byKind = new Map();
        for (const r of resources) {
            const k = kindOf(r.type);
            if (!k) continue;
            const key = `${k.group}/${k.kind}`;
            const list = byKind.get(key);
            if (list) list.push(r);
            else byKind.set(key, [r]);
        }
        resourcesByKind.set(resources, byKind);
    }
    return [...(byKind.get(`${group}/${kind}`) ?? [])];
}

/** Per resource list (each stack policy gets its own from the SDK), its resources by `group/kind`, in stack order. */
const resourcesByKind = new WeakMap<readonly PolicyResource[], Map<string, PolicyResource[]>>();
