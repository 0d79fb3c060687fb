import type { Policies } from "@pulumi/policy";
import { edgePolicies } from "./edge";
import { firestorePolicies } from "./firestore";
import { monitoringPolicies } from "./monitoring";
import { workloadPolicies } from "./workloads";

/** Every policy of the pack, area by area. Tests import this, never index.ts (which serves). */
export const policies: Policies = [...workloadPolicies, ...monitoringPolicies, ...firestorePolicies, ...edgePolicies];

export const packName = "golive-launch-readiness";
