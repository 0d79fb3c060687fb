import { z } from "zod";
import { environments } from "../components/workloads/defaults";
import { flagAudiences } from "../components/workloads/feature-flags";
import { isImageVersion } from "../policies/lib/image";
import { checklistItem } from "../policies/checklist";
import { goNoGoDecisions, isoTimeExample, launchPhases, parseIsoTime } from "../policies/lib/launch";
import { environmentOfStack } from "../policies/lib/stacks";
import { dnsLabel, secretRef } from "./common";

export const environment = z.enum(environments);

export type Environment = z.infer<typeof environment>;

/** Why a stack file's environment does not fit its stack, or undefined when it does. */
export function stackEnvironmentProblem(stack: string, declared: Environment): string | undefined {
    const expected = environmentOfStack(stack);
    if (declared === expected) return undefined;
    return `is "${declared}" but stack "${stack}" deploys ${expected} (stacks production and production-* are production, every other stack is staging); `
        + `use the stack's own Pulumi.${stack}.yaml, or set golive:environment: ${expected} and meet its rules`;
}

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

export const launchPhase = z.enum(launchPhases);

/** A version to roll back to: an image tag (v2.4.9) or a sha256 digest, never "latest", which moves. */
export const rollbackVersion = z.string().superRefine((v, ctx) => {
    if (!isImageVersion(v)) {
        ctx.addIssue({ code: "custom", message: "must be an image tag such as v2.4.9 or a sha256 digest" });
    } else if (v.toLowerCase() === "latest") {
        ctx.addIssue({ code: "custom", message: `"latest" moves with every push; name the release to roll back to, such as v2.4.9` });
    }
});

/** An ISO 8601 time with a zone: a 24-hour rule cannot judge a time that means another instant on every machine. */
export const isoTime = z.string().refine((v) => parseIsoTime(v) !== undefined, {
    error: `must be an ISO 8601 time with a zone, such as ${isoTimeExample} (quote it in YAML)`,
});

/** Who signed: a person's name, as the Go/No-Go minutes write it. */
const signer = z.string().trim().min(1, { error: "must name the person who signed, such as \"Ada Lovelace (VP Engineering)\"" });

/** The Go/No-Go meeting's outcome (runbook 004, T-15 h): the decision, who signed it, when. */
export const goNoGo = z.strictObject({
    decision: z.enum(goNoGoDecisions),
    by: signer,
    at: isoTime,
});

/** A person's sign-off of a manual checklist item: who, when, and a link to the proof. */
export const attestation = z.strictObject({
    by: signer,
    at: isoTime,
    evidence: z.url({ protocol: /^https$/, error: "must be an https URL of the evidence (ticket, document, recording), such as https://tickets.example.com/LAUNCH-42" }),
});

/** Attestations keyed by checklist id; an id that is no checklist item would sign off nothing. */
export const attestations = z.record(z.string(), attestation).check(
    z.superRefine((record, ctx) => {
        for (const id of Object.keys(record)) {
            if (!checklistItem(id)) {
                ctx.addIssue({ code: "custom", path: [id], message: `"${id}" is no checklist item; expected a checklist id such as 004.testing.load (docs/checklist.md lists them)` });
            }
        }
    }),
);

/**
 * What the deployment freeze lets change: a resource's name as the plan lists it
 * (`reporting-api`), its URN, or a pattern with `*` (`reporting-api*`, every object of that
 * service).
 */
export const freezeExceptions = z.array(z.string().trim().min(1, { error: "must name a resource, a URN or a pattern such as reporting-api*" }));

export const launch = z.strictObject({
    /** Where the launch stands in the run-of-show; the report prints it. */
    phase: launchPhase,
    /** The version being rolled back to if the launch goes wrong, per service (runbook 004 rollback plan). */
    rollbackTo: z.record(dnsLabel, rollbackVersion).optional(),
    /** The Go/No-Go record; required (a fresh go) in launch-eve and launch by the gate. */
    goNoGo: goNoGo.optional(),
    /** Sign-offs of the manual checklist items; all of them are required in launch by the gate. */
    attestations: attestations.default({}),
    /** What may change during the freeze (launch-eve, launch). */
    freezeExceptions: freezeExceptions.default([]),
});

export const featureFlag = z.strictObject({
    enabled: z.boolean(),
    /** Who sees it when enabled. */
    audience: z.enum(flagAudiences).default("all"),
    /** Why it is set this way (printed in the report). */
    note: z.string().optional(),
});

export const featureFlags = z.record(
    z.string().regex(/^[a-z][a-z0-9-]*$/, { error: "flag names are kebab-case, e.g. cockpit-approvals" }),
    featureFlag,
);
