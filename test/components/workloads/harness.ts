/**
 * Runs components under Pulumi's own mocks in preview mode and records what they register,
 * as the engine would receive it. Mocks are global per process: `installMocks` sets them
 * (again, when a plan run in the same process installed its own), and `record` collects
 * what one construction registers.
 */
import * as pulumi from "@pulumi/pulumi";

export interface Registered {
    type: string;
    name: string;
    /* eslint-disable-next-line @typescript-eslint/no-explicit-any -- resource inputs are untyped JSON */
    inputs: any;
    provider?: string;
    custom?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- internal SDK module without typings
const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void>; getMonitor(): unknown };

const registered: Registered[] = [];
let installed: Promise<void> | undefined;
/** The mock monitor these mocks installed; another one means a plan run replaced them. */
let monitor: unknown;

export function installMocks(): Promise<void> {
    if (installed && monitor !== undefined && settings.getMonitor() !== monitor) installed = undefined;
    installed ??= pulumi.runtime.setMocks({
        newResource: (args) => {
            registered.push({ type: args.type, name: args.name, inputs: args.inputs, provider: args.provider, custom: args.custom });
            // Preview: no id, and the outputs are the inputs (as a Kubernetes preview returns them).
            return { id: undefined, state: args.inputs };
        },
        call: (args) => {
            throw new Error(`components call no provider functions, but ${args.token} was called`);
        },
    }, "golive", "test", true).then(() => {
        monitor = settings.getMonitor();
    });
    return installed;
}

/** What `build` registers, once every registration has reached the mock monitor. */
export async function record(build: () => unknown): Promise<Registered[]> {
    await installMocks();
    await settings.waitForRPCs();
    registered.length = 0;
    build();
    await settings.waitForRPCs();
    return registered.splice(0, registered.length);
}

/** The Kubernetes objects among the registered resources (custom resources other than providers). */
export function kubernetesObjects(resources: readonly Registered[]): Registered[] {
    return resources.filter((r) => r.type.startsWith("kubernetes:") && !r.type.startsWith("pulumi:providers:"));
}

export function find(resources: readonly Registered[], type: string, name: string): Registered {
    const r = resources.find((x) => x.type === type && x.name === name);
    if (!r) throw new Error(`no ${type} named ${name}; registered: ${resources.map((x) => `${x.type}::${x.name}`).join(", ")}`);
    return r;
}

export const types = {
    namespace: "kubernetes:core/v1:Namespace",
    serviceAccount: "kubernetes:core/v1:ServiceAccount",
    configMap: "kubernetes:core/v1:ConfigMap",
    secret: "kubernetes:core/v1:Secret",
    service: "kubernetes:core/v1:Service",
    deployment: "kubernetes:apps/v1:Deployment",
    hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    pdb: "kubernetes:policy/v1:PodDisruptionBudget",
    networkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    httpRoute: "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute",
    gateway: "kubernetes:gateway.networking.k8s.io/v1:Gateway",
    healthCheckPolicy: "kubernetes:networking.gke.io/v1:HealthCheckPolicy",
    workloads: "golive:workloads:Workloads",
    microservice: "golive:workloads:Microservice",
} as const;
