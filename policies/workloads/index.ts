import type { Policies } from "@pulumi/policy";
import { workloadsCanaryRequireSameImage } from "./workloads-canary-require-same-image";
import { workloadsContainerDisallowSecretEnvLiteral } from "./workloads-container-disallow-secret-env-literal";
import { workloadsContainerDisallowUnpinnedImage } from "./workloads-container-disallow-unpinned-image";
import { workloadsContainerMissingProbes } from "./workloads-container-missing-probes";
import { workloadsContainerMissingResources } from "./workloads-container-missing-resources";
import { workloadsDeploymentEnforceRollingUpdate } from "./workloads-deployment-enforce-rolling-update";
import { workloadsDeploymentMissingHpa } from "./workloads-deployment-missing-hpa";
import { workloadsDeploymentMissingPdb } from "./workloads-deployment-missing-pdb";
import { workloadsDeploymentRequireReplicas } from "./workloads-deployment-require-replicas";
import { workloadsDeploymentRequireRollbackVersion } from "./workloads-deployment-require-rollback-version";
import { workloadsHpaConfigureReplicas } from "./workloads-hpa-configure-replicas";
import { workloadsHttprouteEnforceCanarySteps } from "./workloads-httproute-enforce-canary-steps";
import { workloadsNamespaceMissingDefaultDeny } from "./workloads-namespace-missing-default-deny";
import { workloadsNetworkpolicyDisallowAllowAll } from "./workloads-networkpolicy-disallow-allow-all";
import { workloadsObjectEnforceApiValidation } from "./workloads-object-enforce-api-validation";
import { workloadsPodConfigureGracefulShutdown } from "./workloads-pod-configure-graceful-shutdown";
import { workloadsPodEnforceSecurityContext } from "./workloads-pod-enforce-security-context";
import { workloadsPodMissingNetworkpolicy } from "./workloads-pod-missing-networkpolicy";
import { workloadsPodRequireZoneSpread } from "./workloads-pod-require-zone-spread";
import { workloadsProbeConfigureLivenessWindow } from "./workloads-probe-configure-liveness-window";
import { workloadsProbeRequireHealthPath } from "./workloads-probe-require-health-path";

export * from "./workloads-canary-require-same-image";
export * from "./workloads-container-disallow-secret-env-literal";
export * from "./workloads-container-disallow-unpinned-image";
export * from "./workloads-container-missing-probes";
export * from "./workloads-container-missing-resources";
export * from "./workloads-deployment-enforce-rolling-update";
export * from "./workloads-deployment-missing-hpa";
export * from "./workloads-deployment-missing-pdb";
export * from "./workloads-deployment-require-replicas";
export * from "./workloads-deployment-require-rollback-version";
export * from "./workloads-hpa-configure-replicas";
export * from "./workloads-httproute-enforce-canary-steps";
export * from "./workloads-namespace-missing-default-deny";
export * from "./workloads-networkpolicy-disallow-allow-all";
export * from "./workloads-object-enforce-api-validation";
export * from "./workloads-pod-configure-graceful-shutdown";
export * from "./workloads-pod-enforce-security-context";
export * from "./workloads-pod-missing-networkpolicy";
export * from "./workloads-pod-require-zone-spread";
export * from "./workloads-probe-configure-liveness-window";
export * from "./workloads-probe-require-health-path";

/** Resource policies first (per object, on inputs), then stack policies (cross-object, on outputs). */
export const workloadPolicies: Policies = [
    // Objects: would the API server accept them at all.
    workloadsObjectEnforceApiValidation,
    // Containers: what runs and with what.
    workloadsContainerDisallowUnpinnedImage,
    workloadsContainerDisallowSecretEnvLiteral,
    workloadsContainerMissingResources,
    workloadsProbeRequireHealthPath,
    workloadsProbeConfigureLivenessWindow,
    // Pods: how they run and are isolated.
    workloadsPodEnforceSecurityContext,
    workloadsNetworkpolicyDisallowAllowAll,
    // Rollout and scale.
    workloadsDeploymentEnforceRollingUpdate,
    workloadsHpaConfigureReplicas,
    workloadsHttprouteEnforceCanarySteps,
    workloadsDeploymentRequireRollbackVersion,
    // Stack-wide: relations between objects (Services, HPAs, PDBs, NetworkPolicies).
    workloadsContainerMissingProbes,
    workloadsPodConfigureGracefulShutdown,
    workloadsDeploymentRequireReplicas,
    workloadsDeploymentMissingHpa,
    workloadsDeploymentMissingPdb,
    workloadsPodRequireZoneSpread,
    workloadsNamespaceMissingDefaultDeny,
    workloadsPodMissingNetworkpolicy,
    workloadsCanaryRequireSameImage,
];
