/**
 * The Deployment spec of one track (stable or canary) of a service: a pure function of
 * plain values, so stable and canary differ exactly where they should (image, labels) and
 * tests can read the defaults without a Pulumi engine.
 */
import type * as k8s from "@pulumi/kubernetes";
import { annotationKeys, defaults, type Environment, type ProbeTiming, type ProbeTimings, type ResourceSpec, type WhenUnsatisfiable } from "./defaults";
import { selectorLabels, workloadLabels, type Track } from "./labels";
import type { MicroserviceLaunch } from "./microservice-args";

type DeploymentSpec = k8s.types.input.apps.v1.DeploymentSpec;
type Probe = k8s.types.input.core.v1.Probe;
type EnvVar = k8s.types.input.core.v1.EnvVar;

/** The name of the container port every probe, Service and route points at. */
export const portName = "http";

export interface PodSettings {
    service: string;
    environment: Environment;
    track: Track;
    image: string;
    port: number;
    healthPath: string;
    livenessPath: string;
    /** Names of the non-secret env vars, read from `configMapName`. */
    envNames: readonly string[];
    /** Names of the secret env vars, read from `secretName`. */
    secretEnvNames: readonly string[];
    configMapName: string;
    secretName: string;
    /** Pod-template annotations (content hashes that roll the pods when settings change); the health path is added. */
    podAnnotations: Record<string, string>;
    resources: ResourceSpec;
    probes: ProbeTimings;
    preStopSleepSeconds: number;
    terminationGracePeriodSeconds: number;
    maxSurge: number | string;
    minReadySeconds: number;
    revisionHistoryLimit: number;
    runAsUser: number;
    runAsGroup: number;
    tmpSizeLimit: string;
    zoneSpread: WhenUnsatisfiable;
    serviceAccountName: string;
    automountServiceAccountToken: boolean;
    /** The feature flags ConfigMap to mount read-only, when the service gets flags. */
    featureFlagsConfigMap?: string;
}

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
 * Non-secret settings come from the service's ConfigMap and secrets from its Secret, each
 * by key reference: the Deployment carries names only, never a value. Sorted, so the order
 * of keys in the stack file never shows up as a diff.
 */
function envVars(s: PodSettings): EnvVar[] {
    const env: EnvVar[] = [
        ...sorted(s.envNames).map((name) => ({ name, valueFrom: { configMapKeyRef: { name: s.configMapName, key: name } } })),
        ...sorted(s.secretEnvNames).map((name) => ({ name, valueFrom: { secretKeyRef: { name: s.secretName, key: name } } })),
    ];
    if (s.featureFlagsConfigMap) {
        env.push({ name: "GOLIVE_FEATURE_FLAGS_FILE", value: `${defaults.featureFlagsMountPath}/${defaults.featureFlagsFile}` });
    }
    return env;
}

export function deploymentSpec(s: PodSettings): DeploymentSpec {
    const selector = selectorLabels(s.service, s.track);
    const resources: { requests: Record<string, string>; limits: Record<string, string> } = {
        requests: { cpu: s.resources.requests.cpu, memory: s.resources.requests.memory },
        limits: { memory: s.resources.limits.memory },
    };
    // A cpu limit only when asked for: the schema leaves it optional because throttling a
    // bursting pod costs latency while the request already reserves its share.
    if (s.resources.limits.cpu !== undefined) resources.limits.cpu = s.resources.limits.cpu;
    const volumes: k8s.types.input.core.v1.Volume[] = [
        // The root filesystem is read-only; /tmp is the one scratch space, bounded.
        { name: "tmp", emptyDir: { sizeLimit: s.tmpSizeLimit } },
    ];
    const volumeMounts: k8s.types.input.core.v1.VolumeMount[] = [{ name: "tmp", mountPath: "/tmp" }];
    if (s.featureFlagsConfigMap) {
        // Mounted, not copied into env: the kubelet refreshes the file in place (about a minute)
        // for apps that re-read it; the flags hash on the pod template rolls the pods for those that don't.
        volumes.push({ name: "feature-flags", configMap: { name: s.featureFlagsConfigMap, defaultMode: 0o444 } });
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
        // No `replicas`: the HorizontalPodAutoscaler owns the count. Declaring it here would
        // reset the HPA's scale to this number on every update that touches the Deployment.
        selector: { matchLabels: selector },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: s.maxSurge } },
        minReadySeconds: s.minReadySeconds,
        revisionHistoryLimit: s.revisionHistoryLimit,
        progressDeadlineSeconds: 600,
        template: {
            metadata: {
                labels: workloadLabels(s.service, s.environment, s.track, s.image),
                // The health path on the pods' own metadata: what the probes below hit, and what
                // the gate judges them against (any workload can declare it the same way).
                annotations: { ...s.podAnnotations, [annotationKeys.healthPath]: s.healthPath },
            },
            spec: {
                serviceAccountName: s.serviceAccountName,
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
                    spread("topology.kubernetes.io/zone", s.zoneSpread),
                    spread("kubernetes.io/hostname", "ScheduleAnyway"),
                ],
                containers: [{
                    name: s.service,
                    image: s.image,
                    imagePullPolicy: "IfNotPresent",
                    ports: [{ name: portName, containerPort: s.port, protocol: "TCP" }],
                    env: envVars(s),
                    resources,
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

/**
 * Where the launch stands and the service's rollback version, for the gate (when given: the
 * stable track only, since a canary is rolled back by its weight, not by a version).
 */
export function launchAnnotationsOf(launch?: MicroserviceLaunch): Record<string, string> {
    return {
        ...(launch ? { [annotationKeys.launchPhase]: launch.phase } : {}),
        ...(launch?.rollbackTo ? { [annotationKeys.rollbackTo]: launch.rollbackTo } : {}),
    };
}
