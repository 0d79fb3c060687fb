import { z } from "zod";
import { canaryWeightMessage, serviceProblems, servicesProblems } from "../components/workloads/checks";
import { defaults } from "../components/workloads/defaults";
import { maxPort } from "../policies/lib";
import { isCanaryStep, type CanaryStep } from "../policies/workloads/rules";
import { dnsLabel, quantity, reportProblems, secretRef } from "./common";

/*
 * A service as the stack file declares it. The fields are typed here; what makes their
 * values right (a pinned image, a DNS-label name, requests within limits, a canary of the
 * same repository on a public host, ...) is the workloads component's check, reused.
 */

const resources = z.strictObject({
    requests: z.strictObject({ cpu: quantity, memory: quantity }),
    limits: z.strictObject({ cpu: quantity.optional(), memory: quantity }),
});

export const canary = z.strictObject({
    /** The new version; same repository as the stable image. */
    image: z.string(),
    /** Percent of traffic on the canary: runbook 002's steps. A type, so a bad weight stops the service's other checks. */
    weight: z.custom<CanaryStep>(isCanaryStep, { error: canaryWeightMessage }),
});

const egressRule = z.strictObject({
    cidr: z.string().regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, { error: "must be an IPv4 CIDR such as 10.20.0.5/32" }),
    port: z.number().int().min(1).max(maxPort),
    protocol: z.enum(["TCP", "UDP"]).default("TCP"),
    /** What it is, for the reader of the stack file and the NetworkPolicy. */
    description: z.string().optional(),
});

/** The stack file's convention for env names; Kubernetes itself accepts more. */
const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, { error: "env var names are UPPER_SNAKE_CASE" });

export const service = z
    .strictObject({
        name: z.string(),
        image: z.string(),
        port: z.number().int().min(1).max(maxPort),
        /** Readiness and liveness probes hit this path. */
        healthPath: z.string().default(defaults.healthPath),
        replicas: z.strictObject({ min: z.number(), max: z.number() }).optional(),
        resources: resources.optional(),
        /** Non-secret settings, delivered through a ConfigMap. */
        env: z.record(envName, z.string()).default({}),
        /** Env vars filled from Pulumi secrets: ENV_NAME -> secret config key. */
        secretEnv: z.record(envName, secretRef).default({}),
        /** Public host label under the stack's domain (api -> api.<domain>); absent for internal services. */
        host: z.string().optional(),
        /** Services allowed to call this one (NetworkPolicy ingress). */
        calledBy: z.array(dnsLabel).default([]),
        /**
         * Private destinations beyond golive's own services (a Cloud SQL private IP, Memorystore):
         * the default-deny egress lets nothing else through but DNS and public HTTPS.
         */
        egress: z.array(egressRule).default([]),
        canary: canary.optional(),
    })
    .superRefine(reportProblems((s) => serviceProblems({ ...s, hasPublicRoute: s.host !== undefined })));

/**
 * Cross-service checks run even when some service has other problems (zod skips
 * refinements after an issue unless told otherwise), so one run lists every problem.
 */
export const services = z.array(service).min(1, {
    error: "is empty; declare at least one service with its name, a pinned image and its port, e.g. golive:services: [{name: reporting-api, image: ghcr.io/teei/reporting-api:v2.5.0, port: 8080}]",
}).check(
    z.superRefine((list: unknown, ctx) => {
        if (Array.isArray(list)) reportProblems(servicesProblems)(list, ctx); // a list of another type is reported already
    }, { when: () => true }),
);

export type ServiceConfig = z.infer<typeof service>;
