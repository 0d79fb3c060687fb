import { z } from "zod";
import { dnsLabel, secretRef } from "./common";

export const environment = z.enum(["staging", "production"]);

export const gcp = z.strictObject({
    /** The Google Cloud project id. */
    project: z.string().regex(/^[a-z][-a-z0-9]{4,28}[a-z0-9]$/, { error: "must be a Google Cloud project id: 6-30 lowercase letters, digits or '-'" }),
    /** The region the platform runs in, e.g. europe-west1. */
    region: z.string().regex(/^[a-z]+-[a-z]+\d+$/, { error: "must be a Google Cloud region such as europe-west1" }),
});

export const domain = z
    .string()
    .regex(/^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}$/, { error: "must be a DNS domain such as teei.example.com" });

export const cluster = z
    .strictObject({
        /** The GKE cluster that runs the workloads. */
        name: dnsLabel,
        /** Its region or zone. */
        location: z.string().min(1),
        /** The kubeconfig context to deploy with (one of context or kubeconfigSecret is required). */
        context: z.string().min(1).optional(),
        /** A secret holding a whole kubeconfig, for CI without a kubeconfig file. */
        kubeconfigSecret: secretRef.optional(),
        /** The namespace every golive workload lives in. */
        namespace: dnsLabel,
    })
    // Without either, the provider would deploy to whatever the ambient kubeconfig points at.
    .refine((c) => c.context !== undefined || c.kubeconfigSecret !== undefined, {
        error: "needs context or kubeconfigSecret, so workloads go to this stack's cluster and not to the current kubeconfig context",
    });

export const launchPhase = z.enum(["pre-launch", "launch-eve", "launch", "post-launch", "stable"]);

export const launch = z.strictObject({
    /** Where the launch stands in the run-of-show; the report prints it. */
    phase: launchPhase,
    /** The version being rolled back to if the launch goes wrong, per service (runbook 004 rollback plan). */
    rollbackTo: z.record(dnsLabel, z.string().min(1)).optional(),
});

export const featureFlag = z.strictObject({
    enabled: z.boolean(),
    /** Who sees it when enabled. */
    audience: z.enum(["all", "pilot", "internal"]).default("all"),
    /** Why it is set this way (printed in the report). */
    note: z.string().optional(),
});

export const featureFlags = z.record(
    z.string().regex(/^[a-z][a-z0-9-]*$/, { error: "flag names are kebab-case, e.g. cockpit-approvals" }),
    featureFlag,
);
