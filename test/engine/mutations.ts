/* eslint-disable @typescript-eslint/no-explicit-any -- exported resource properties are untyped JSON */
/**
 * One change per policy to the production plan export, each made so that policy is
 * violated: the agreement suite runs both judges on every mutated export. A mutation edits
 * a resource's inputs and outputs alike (what a real export after `pulumi up` holds) or
 * removes a resource together with every reference to it.
 */
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";

interface ExportResource {
    urn: string;
    type: string;
    inputs?: Record<string, any>;
    outputs?: Record<string, any>;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

export interface StackExport {
    version: number;
    deployment: { resources: ExportResource[] } & Record<string, unknown>;
}

export interface Mutation {
    /** The policy the change violates. */
    policy: string;
    /** What changed, as a sentence fragment for the test name. */
    change: string;
    apply(doc: StackExport): void;
}

function find(doc: StackExport, name: string): ExportResource {
    const r = doc.deployment.resources.find((x) => x.urn.endsWith(`::${name}`));
    if (!r) throw new Error(`test setup: no resource named ${name} in the production plan export`);
    return r;
}

/** Applies `fn` to the resource's inputs and to its outputs. */
function edit(doc: StackExport, name: string, fn: (props: Record<string, any>) => void): void {
    const r = find(doc, name);
    for (const props of [r.inputs, r.outputs]) if (props) fn(props);
}

function container(props: Record<string, any>): Record<string, any> {
    return props["spec"].template.spec.containers[0];
}

/** Removes a resource and every dependency on it, so the export stays self-consistent. */
function remove(doc: StackExport, name: string): void {
    const urn = find(doc, name).urn;
    const rs = doc.deployment.resources.filter((r) => r.urn !== urn);
    for (const r of rs) {
        if (r.parent === urn) throw new Error(`test setup: ${name} has children; remove a leaf resource`);
        if (r.dependencies) r.dependencies = r.dependencies.filter((d) => d !== urn);
        for (const [k, v] of Object.entries(r.propertyDependencies ?? {})) r.propertyDependencies![k] = v.filter((d) => d !== urn);
    }
    doc.deployment.resources = rs;
}

export const mutations: readonly Mutation[] = [
    {
        policy: "workloads-canary-require-same-image",
        change: "reporting-api labelled a canary without naming its stable Deployment",
        apply: (doc) => edit(doc, "reporting-api-deployment", (p) => (p["metadata"].labels["golive.dev/track"] = "canary")),
    },
    {
        policy: "workloads-container-disallow-secret-env-literal",
        change: "q2q-pipeline given a literal API_TOKEN env var",
        apply: (doc) => edit(doc, "q2q-pipeline-deployment", (p) => container(p)["env"].push({ name: "API_TOKEN", value: "tok-not-a-real-token" })),
    },
    {
        policy: "workloads-container-disallow-unpinned-image",
        change: "export-service image set to :latest",
        apply: (doc) => edit(doc, "export-service-deployment", (p) => (container(p)["image"] = "ghcr.io/teei/export-service:latest")),
    },
    {
        policy: "workloads-container-missing-probes",
        change: "notification-service readinessProbe removed",
        apply: (doc) => edit(doc, "notification-service-deployment", (p) => delete container(p)["readinessProbe"]),
    },
    {
        policy: "workloads-container-missing-resources",
        change: "reporting-api memory limit removed",
        apply: (doc) => edit(doc, "reporting-api-deployment", (p) => delete container(p)["resources"].limits.memory),
    },
    {
        policy: "workloads-deployment-enforce-rolling-update",
        change: "export-service maxUnavailable set to 1",
        apply: (doc) => edit(doc, "export-service-deployment", (p) => (p["spec"].strategy.rollingUpdate.maxUnavailable = 1)),
    },
    {
        policy: "workloads-deployment-missing-pdb",
        change: "q2q-pipeline PodDisruptionBudget removed",
        apply: (doc) => remove(doc, "q2q-pipeline-pdb"),
    },
    {
        policy: "workloads-deployment-require-replicas",
        change: "notification-service HPA removed (spec.replicas unset)",
        apply: (doc) => remove(doc, "notification-service-hpa"),
    },
    {
        policy: "workloads-hpa-configure-replicas",
        change: "reporting-api HPA minReplicas set to 1",
        apply: (doc) => edit(doc, "reporting-api-hpa", (p) => (p["spec"].minReplicas = 1)),
    },
    {
        policy: "workloads-httproute-enforce-canary-steps",
        change: "export-service route split 70/30 with a canary backend",
        apply: (doc) =>
            edit(doc, "export-service-httproute", (p) => {
                const refs = p["spec"].rules[0].backendRefs;
                refs[0].weight = 70;
                refs.push({ ...refs[0], name: `${refs[0].name}-canary`, weight: 30 });
            }),
    },
    {
        policy: "workloads-pod-configure-graceful-shutdown",
        change: "reporting-api grace period set to 10 s, under its 15 s preStop sleep",
        apply: (doc) => edit(doc, "reporting-api-deployment", (p) => (p["spec"].template.spec.terminationGracePeriodSeconds = 10)),
    },
    {
        policy: "workloads-pod-enforce-security-context",
        change: "q2q-pipeline allowed privilege escalation",
        apply: (doc) => edit(doc, "q2q-pipeline-deployment", (p) => (container(p)["securityContext"].allowPrivilegeEscalation = true)),
    },
    {
        policy: "workloads-pod-missing-networkpolicy",
        // Each service's own policy would still leave its pods selected by the default deny.
        change: "the namespace's default-deny NetworkPolicy removed",
        apply: (doc) => remove(doc, "platform-default-deny"),
    },
    {
        policy: "workloads-probe-require-health-path",
        change: "export-service livenessProbe pointed at /metrics",
        apply: (doc) => edit(doc, "export-service-deployment", (p) => (container(p)["livenessProbe"].httpGet.path = "/metrics")),
    },
];

/** Values the engine cannot know at preview: both judges must say the check could not run. */
export const unknownMutations: readonly Mutation[] = [
    {
        policy: "workloads-hpa-configure-replicas",
        change: "reporting-api HPA minReplicas unknown",
        apply: (doc) => edit(doc, "reporting-api-hpa", (p) => (p["spec"].minReplicas = unknownValue)),
    },
    {
        policy: "workloads-container-disallow-unpinned-image",
        change: "export-service image unknown",
        apply: (doc) => edit(doc, "export-service-deployment", (p) => (container(p)["image"] = unknownValue)),
    },
];
