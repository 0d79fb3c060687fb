import type { Policies } from "@pulumi/policy";
import { firestorePolicies } from "./firestore";
import { workloadPolicies } from "./workloads";

/** Every policy of the pack, area by area. Tests import this, never index.ts (which serves). */
export const policies: Policies = [...workloadPolicies, ...firestorePolicies];

export const packName = "golive-launch-readiness";
