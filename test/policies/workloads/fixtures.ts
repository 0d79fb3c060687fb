/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are raw Kubernetes JSON */
import { resource } from "../harness";
import type { EngineResource } from "../../../tools/analyzer/resource";

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

/** The compliant Deployment as an engine resource, after `change` edits its pod spec. */
export function deployment(change: (podSpec: any, props: any) => void = () => undefined): EngineResource {
    const props = deploymentProps();
    change(props.spec.template.spec, props);
    return resource("kubernetes:apps/v1:Deployment", "reporting-api", props);
}
