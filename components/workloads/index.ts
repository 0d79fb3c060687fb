/** Launch-ready Kubernetes workloads on GKE: one component per file, helpers beside them. */
export { Workloads, gatewayName, workloadsProblems, type WorkloadsArgs, type WorkloadService } from "./workloads";
export {
    Microservice, canaryReplicaRange,
    type MicroserviceArgs, type MicroserviceCanary, type MicroserviceResources, type MicroserviceTrack, type MicroserviceTuning, type PublicRoute,
} from "./microservice";
export { defaults, labelKeys, annotationKeys, type Environment, type ReplicaRange, type ProbeTiming, type ProbeTimings, type WhenUnsatisfiable } from "./defaults";
export { featureFlagsConfigMapName, featureFlagsData, type FeatureFlag, type FlagAudience } from "./feature-flags";
export { googleFrontEndRanges, nonPublicRanges, kubeDnsPeer } from "./network";
export { listenerName, type GatewaySettings } from "./gateway";
export { versionLabel } from "./labels";
export { WorkloadArgsError, canaryWeights } from "./validate";
