/**
 * The Deployment spec of one track (stable or canary) of a service: a pure function of the
 * resolved arguments, so stable and canary differ exactly where they should (image, labels)
 * and tests read the defaults without a Pulumi engine.
 */
import type * as k8s from "@pulumi/kubernetes";
import { goliveAnnotations, kubernetesLabels } from "../../policies/lib";
import { contentHash } from "./content-hash";
import { defaults, type ProbeTiming, type WhenUnsatisfiable } from "./defaults";
import { selectorLabels, workloadLabels, type Track } from "./labels";
import type { ResolvedMicroservice } from "./microservice-args";
import { serviceObjectNames } from "./service-objects";

type DeploymentSpec = k8s.types.input.apps.v1.DeploymentSpec;
type Probe = k8s.types.input.core.v1.Probe;
type EnvVar = k8s.types.input.core.v1.EnvVar;

/** The name of the container port every probe, Service and route points at. */
export const portName = "http";

function probe(path: string, timing: ProbeTiming): Probe {
    return {
        httpGet: { path, port: portName, scheme: "HTTP" },
        periodSeconds: timing.periodSeconds,
        timeoutSeconds: timing.timeoutSeconds,
        failureThreshold: timing.failureThreshold,
        successThreshold: 1,
    };
}

function sorted(names: readonly string[]): string[] {
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Settings by key reference from the service's ConfigMap and secrets from its Secret: the
 * Deployment carries names only, never a value. Sorted, so key order in the stack file never
 * shows up as a diff.
 */
function envVars(s: ResolvedMicroservice): EnvVar[] {
    const names = serviceObjectNames(s.name);
    const env: EnvVar[] = [
        ...sorted(Object.keys(s.env)).map((name) => ({ name, valueFrom: { configMapKeyRef: { name: names.configMap, key: name } } })),
        ...sorted(Object.keys(s.secretEnv)).map((name) => ({ name, valueFrom: { secretKeyRef: { name: names.secret, key: name } } })),
    ];
    if (s.featureFlags) {
        env.push({ name: "GOLIVE_FEATURE_FLAGS_FILE", value: `${defaults.featureFlagsMountPath}/${defaults.featureFlagsFile}` });
    }
    return env;
}

/**
 * The pod template's annotations: content hashes that roll the pods when the settings or the
 * feature flags change, and the health path, where the gate reads what the probes should hit.
 */
export function podAnnotations(s: ResolvedMicroservice): Record<string, string> {
    return {
        [goliveAnnotations.configHash]: contentHash(s.env),
        ...(s.featureFlags?.hash ? { [goliveAnnotations.featureFlagsHash]: s.featureFlags.hash } : {}),
        [goliveAnnotations.healthPath]: s.healthPath,
    };
}

function resources(s: ResolvedMicroservice): { requests: Record<string, string>; limits: Record<string, string> } {
    const r = s.resources;
    // No cpu limit unless asked for: throttling a bursting pod costs latency while the request already reserves its share.
    return {
        requests: { cpu: r.requests.cpu, memory: r.requests.memory },
        limits: { memory: r.limits.memory, ...(r.limits.cpu !== undefined ? { cpu: r.limits.cpu } : {}) },
    };
}

export function deploymentSpec(s: ResolvedMicroservice, track: Track, image: string): DeploymentSpec {
    const selector = selectorLabels(s.name, track);
    // The root filesystem is read-only; /tmp is the one scratch space, bounded.
    const volumes: k8s.types.input.core.v1.Volume[] = [{ name: "tmp", emptyDir: { sizeLimit: s.tmpSizeLimit } }];
    const volumeMounts: k8s.types.input.core.v1.VolumeMount[] = [{ name: "tmp", mountPath: "/tmp" }];
    if (s.featureFlags) {
        // Mounted, not copied into env: the kubelet refreshes the file in place for apps that re-read it.
        volumes.push({ name: "feature-flags", configMap: { name: s.featureFlags.configMapName, defaultMode: 0o444 } });
        volumeMounts.push({ name: "feature-flags", mountPath: defaults.featureFlagsMountPath, readOnly: true });
    }
    const spread = (topologyKey: string, whenUnsatisfiable: WhenUnsatisfiable): k8s.types.input.core.v1.TopologySpreadConstraint => ({
        maxSkew: 1,
        topologyKey,
        whenUnsatisfiable,
        labelSelector: { matchLabels: selector },
        // Spread each ReplicaSet on its own, so a rollout's new pods are spread too.
        matchLabelKeys: ["pod-template-hash"],
    });
    return {
        // No `replicas`: the HPA owns the count; declaring one would reset it on every update.
        selector: { matchLabels: selector },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: s.maxSurge } },
        minReadySeconds: s.minReadySeconds,
        revisionHistoryLimit: s.revisionHistoryLimit,
        progressDeadlineSeconds: 600,
        template: {
            metadata: { labels: workloadLabels(s.name, s.environment, track, image), annotations: podAnnotations(s) },
            spec: {
                serviceAccountName: serviceObjectNames(s.name).serviceAccount,
                automountServiceAccountToken: s.automountServiceAccountToken,
                // Service env vars for every Service in the namespace are noise and a startup cost.
                enableServiceLinks: false,
                terminationGracePeriodSeconds: s.terminationGracePeriodSeconds,
                securityContext: {
                    runAsNonRoot: true,
                    runAsUser: s.runAsUser,
                    runAsGroup: s.runAsGroup,
                    fsGroup: s.runAsGroup,
                    seccompProfile: { type: "RuntimeDefault" },
                },
                topologySpreadConstraints: [
                    spread(kubernetesLabels.zone, s.zoneSpread),
                    spread(kubernetesLabels.hostname, "ScheduleAnyway"),
                ],
                containers: [{
                    name: s.name,
                    image,
                    imagePullPolicy: "IfNotPresent",
                    ports: [{ name: portName, containerPort: s.port, protocol: "TCP" }],
                    env: envVars(s),
                    resources: resources(s),
                    startupProbe: probe(s.healthPath, s.probes.startup),
                    readinessProbe: probe(s.healthPath, s.probes.readiness),
                    livenessProbe: probe(s.livenessPath, s.probes.liveness),
                    lifecycle: { preStop: { sleep: { seconds: s.preStopSleepSeconds } } },
                    securityContext: {
                        runAsNonRoot: true,
                        runAsUser: s.runAsUser,
                        runAsGroup: s.runAsGroup,
                        allowPrivilegeEscalation: false,
                        privileged: false,
                        readOnlyRootFilesystem: true,
                        capabilities: { drop: ["ALL"] },
                        seccompProfile: { type: "RuntimeDefault" },
                    },
                    volumeMounts,
                }],
                volumes,
            },
        },
    };
}
