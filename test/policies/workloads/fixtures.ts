/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are raw Kubernetes JSON */
import { resource } from "../harness";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { pulumiType } from "../../../tools/manifests";

/** A compliant, launch-ready Deployment as golive declares it; tests change one field. */
export function deploymentProps(): any {
    return {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "reporting-api", namespace: "teei", labels: { "app.kubernetes.io/name": "reporting-api" } },
        spec: {
            replicas: 2,
            selector: { matchLabels: { "app.kubernetes.io/name": "reporting-api" } },
            strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
            template: {
                metadata: { labels: { "app.kubernetes.io/name": "reporting-api" } },
                spec: {
                    serviceAccountName: "reporting-api",
                    automountServiceAccountToken: false,
                    terminationGracePeriodSeconds: 45,
                    securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
                    topologySpreadConstraints: [{
                        maxSkew: 1,
                        topologyKey: "topology.kubernetes.io/zone",
                        whenUnsatisfiable: "DoNotSchedule",
                        labelSelector: { matchLabels: { "app.kubernetes.io/name": "reporting-api" } },
                    }],
                    containers: [{
                        name: "reporting-api",
                        image: "ghcr.io/teei/reporting-api:v2.5.0",
                        ports: [{ name: "http", containerPort: 8080 }],
                        env: [
                            { name: "LOG_LEVEL", value: "info" },
                            { name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: "reporting-api", key: "DATABASE_URL" } } },
                        ],
                        resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
                        readinessProbe: { httpGet: { path: "/health", port: "http" }, periodSeconds: 5, failureThreshold: 3 },
                        livenessProbe: { httpGet: { path: "/health", port: "http" }, periodSeconds: 10, failureThreshold: 6, initialDelaySeconds: 10 },
                        startupProbe: { httpGet: { path: "/health", port: "http" }, periodSeconds: 5, failureThreshold: 30 },
                        lifecycle: { preStop: { sleep: { seconds: 10 } } },
                        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, privileged: false, capabilities: { drop: ["ALL"] } },
                    }],
                },
            },
        },
    };
}

/**
 * A Kubernetes object as an engine resource named `name`, after `change` edits it; its type
 * token comes from its own apiVersion and kind, as the provider's would.
 */
function kubernetesResource(name: string, props: any, change: (props: any) => void): EngineResource {
    change(props);
    return resource(pulumiType(props.apiVersion, props.kind), name, props);
}

/** The compliant Deployment as an engine resource, after `change` edits its pod spec. */
export function deployment(change: (podSpec: any, props: any) => void = () => undefined): EngineResource {
    const props = deploymentProps();
    change(props.spec.template.spec, props);
    return resource("kubernetes:apps/v1:Deployment", "reporting-api", props);
}

const labels = { "app.kubernetes.io/name": "reporting-api" };

/** The HPA golive declares for the Deployment: production min 2 / max 10 on CPU. */
export function hpa(change: (props: any) => void = () => undefined): EngineResource {
    const props: any = {
        apiVersion: "autoscaling/v2",
        kind: "HorizontalPodAutoscaler",
        metadata: { name: "reporting-api", namespace: "teei" },
        spec: {
            scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "reporting-api" },
            minReplicas: 2,
            maxReplicas: 10,
            metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
        },
    };
    return kubernetesResource("reporting-api", props, change);
}

/** The PDB consistent with the HPA: one pod may go at minimum scale (2 - 1). */
export function pdb(change: (props: any) => void = () => undefined): EngineResource {
    const props: any = {
        apiVersion: "policy/v1",
        kind: "PodDisruptionBudget",
        metadata: { name: "reporting-api", namespace: "teei" },
        spec: { minAvailable: 1, selector: { matchLabels: { ...labels } } },
    };
    return kubernetesResource("reporting-api", props, change);
}

/** The namespace's default deny: every pod selected, ingress and egress isolated, no rule. */
export function defaultDeny(change: (props: any) => void = () => undefined): EngineResource {
    const props: any = {
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: { name: "default-deny", namespace: "teei" },
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    };
    return kubernetesResource("default-deny", props, change);
}

/** The Deployment's allow policy: ingress from the gateway namespace only, egress to DNS. */
export function allowPolicy(change: (props: any) => void = () => undefined): EngineResource {
    const props: any = {
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: { name: "reporting-api", namespace: "teei" },
        spec: {
            podSelector: { matchLabels: { ...labels } },
            policyTypes: ["Ingress", "Egress"],
            ingress: [{
                from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "gateway" } } }],
                ports: [{ protocol: "TCP", port: 8080 }],
            }],
            egress: [{
                to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
                ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }],
            }],
        },
    };
    return kubernetesResource("reporting-api", props, change);
}

/** The Service in front of the Deployment. */
export function service(change: (props: any) => void = () => undefined): EngineResource {
    const props: any = {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name: "reporting-api", namespace: "teei" },
        spec: { selector: { ...labels }, ports: [{ name: "http", port: 80, targetPort: "http" }] },
    };
    return kubernetesResource("reporting-api", props, change);
}

/** The Namespace the service lives in. */
export function namespace(): EngineResource {
    return resource("kubernetes:core/v1:Namespace", "teei", { apiVersion: "v1", kind: "Namespace", metadata: { name: "teei" } });
}

/** Everything a launch-ready service declares, as a stack policy sees it. */
export function compliantStack(): EngineResource[] {
    return [namespace(), deployment(), service(), hpa(), pdb(), defaultDeny(), allowPolicy()];
}

/** The compliant stack with these resources in place of the same-URN ones (others are added). */
export function stackWith(...changed: EngineResource[]): EngineResource[] {
    const stack = compliantStack();
    for (const r of changed) {
        const i = stack.findIndex((s) => s.urn === r.urn);
        if (i >= 0) stack[i] = r;
        else stack.push(r);
    }
    return stack;
}

/** The compliant stack without its resources of these kinds, e.g. "HorizontalPodAutoscaler". */
export function stackWithout(...kinds: string[]): EngineResource[] {
    return compliantStack().filter((r) => !kinds.some((k) => r.type.endsWith(`:${k}`)));
}

/** The canary of the Deployment: same repository, next version, labelled as golive labels it. */
export function canaryDeployment(change: (podSpec: any, props: any) => void = () => undefined): EngineResource {
    const props = deploymentProps();
    props.metadata.name = "reporting-api-canary";
    props.metadata.labels = { ...labels, "golive.dev/track": "canary", "golive.dev/canary-of": "reporting-api" };
    const canaryLabels = { ...labels, "golive.dev/track": "canary" };
    props.spec.selector.matchLabels = { ...canaryLabels };
    props.spec.template.metadata.labels = { ...canaryLabels };
    props.spec.template.spec.containers[0].image = "ghcr.io/teei/reporting-api:v2.6.0";
    change(props.spec.template.spec, props);
    return resource("kubernetes:apps/v1:Deployment", "reporting-api-canary", props);
}

/** The Gateway API route that splits traffic 90/10 between stable and canary. */
export function httpRoute(change: (props: any) => void = () => undefined): EngineResource {
    const props: any = {
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "HTTPRoute",
        metadata: { name: "reporting-api", namespace: "teei" },
        spec: {
            parentRefs: [{ name: "public", namespace: "gateway" }],
            hostnames: ["api.teei.io"],
            rules: [{
                matches: [{ path: { type: "PathPrefix", value: "/" } }],
                backendRefs: [
                    { name: "reporting-api", port: 80, weight: 90 },
                    { name: "reporting-api-canary", port: 80, weight: 10 },
                ],
            }],
        },
    };
    return kubernetesResource("reporting-api", props, change);
}

/** A resource no workload policy judges: a GCS bucket. */
export function bucket(): EngineResource {
    return resource("gcp:storage/bucket:Bucket", "assets", { name: "assets", location: "EU", uniformBucketLevelAccess: true });
}

/** The compliant Deployment declared at an older API version (`apps/v1beta2`, `extensions/v1beta1`). */
export function deploymentAt(apiVersion: string, change: (podSpec: any, props: any) => void = () => undefined): EngineResource {
    const props = deploymentProps();
    props.apiVersion = apiVersion;
    change(props.spec.template.spec, props);
    return resource(`kubernetes:${apiVersion}:Deployment`, "reporting-api", props);
}

/**
 * Marks an object as planned by golive from this stack config key, as the workloads
 * component annotates every object it creates (golive.dev/config).
 */
export function plannedFrom(props: any, source = "golive:services[0]"): void {
    props.metadata.annotations = { ...props.metadata.annotations, "golive.dev/config": source };
}
