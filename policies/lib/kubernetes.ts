/**
 * Where each workload kind keeps its pod template, so pod-level checks judge every kind
 * the same way (as Polaris and kube-score do), including manifests golive did not write.
 */
const podSpecPaths: Readonly<Record<string, readonly string[]>> = {
    "kubernetes:core/v1:Pod": ["spec"],
    "kubernetes:apps/v1:Deployment": ["spec", "template", "spec"],
    "kubernetes:apps/v1:StatefulSet": ["spec", "template", "spec"],
    "kubernetes:apps/v1:DaemonSet": ["spec", "template", "spec"],
    "kubernetes:apps/v1:ReplicaSet": ["spec", "template", "spec"],
    "kubernetes:batch/v1:Job": ["spec", "template", "spec"],
    "kubernetes:batch/v1:CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
};

export const podTemplateTypes: readonly string[] = Object.keys(podSpecPaths);

/* eslint-disable @typescript-eslint/no-explicit-any -- resource props are untyped JSON */
export type Json = any;

export interface PodSpecAt {
    /** The pod spec (the unknown-checking proxy, as the engine hands it over). */
    spec: Json;
    /** Its dotted path inside the resource, for messages. */
    path: string;
}

/** The pod spec of a workload resource, or undefined when the type carries none. */
export function podSpecOf(type: string, props: Json): PodSpecAt | undefined {
    const path = podSpecPaths[type];
    if (!path) return undefined;
    let node: Json = props;
    for (const key of path) {
        node = node?.[key];
        if (node === undefined || node === null) return undefined;
    }
    return { spec: node, path: path.join(".") };
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

/** `kind/namespace/name` of a Kubernetes resource from its props, for stack-wide messages. */
export function objectRef(type: string, props: Json): string {
    const kind = type.split(":").pop() ?? type;
    const ns = props?.metadata?.namespace ?? "default";
    return `${kind} ${ns}/${props?.metadata?.name ?? "(unnamed)"}`;
}
