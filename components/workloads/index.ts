/** Launch-ready Kubernetes workloads on GKE: one component per file, pure spec functions beside them. */
export { Workloads } from "./workloads";
export { microserviceArgs, publicHosts, type WorkloadService, type WorkloadsArgs } from "./workloads-args";
export {
    Microservice,
    type MicroserviceArgs, type MicroserviceCanary, type MicroserviceLaunch, type MicroserviceResources, type MicroserviceTrack, type MicroserviceTuning,
    type PublicRoute,
} from "./microservice";
export { resolveMicroservice, type ResolvedMicroservice } from "./microservice-args";
export { defaults, environments, type Environment, type ReplicaRange, type ProbeTiming, type ProbeTimings, type WhenUnsatisfiable } from "./defaults";
export { featureFlagsConfigMapName, featureFlagsData, flagAudiences, type FeatureFlag, type FlagAudience } from "./feature-flags";
export { googleFrontEndRanges, nonPublicRanges, kubeDnsPeer, defaultDenySpec, serviceNetworkPolicySpec } from "./network";
export { gatewayName, listenerName, routeBackends, type GatewaySettings } from "./gateway";
export { versionLabel } from "./labels";
export { deploymentSpec, podAnnotations } from "./deployment";
export { autoscalerSpec, canaryReplicaRange, clusterServiceSpec, disruptionBudgetSpec, trackName } from "./track";
export {
    WorkloadArgsError, canaryWeightMessage, describeProblems, serviceProblems, servicesProblems, workloadsProblems, type ArgProblem, type CheckedService,
} from "./checks";
