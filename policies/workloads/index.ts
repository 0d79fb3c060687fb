import type { Policies } from "@pulumi/policy";
import { workloadsContainerDisallowSecretEnvLiteral } from "./workloads-container-disallow-secret-env-literal";
import { workloadsContainerDisallowUnpinnedImage } from "./workloads-container-disallow-unpinned-image";

export * from "./workloads-container-disallow-secret-env-literal";
export * from "./workloads-container-disallow-unpinned-image";

export const workloadPolicies: Policies = [
    workloadsContainerDisallowUnpinnedImage,
    workloadsContainerDisallowSecretEnvLiteral,
];
