import { z } from "zod";
import { resourceRequirementsProblems } from "../policies/lib/kubernetes-api";
import { dnsLabel, hostLabel, httpPath, quantity, secretRef } from "./common";
import { imagePinProblem, imageRepository, pinnedImage } from "./image";

/**
 * Container resources, held to the API server's own rules (policies/lib/kubernetes-api) so a
 * request above its limit is refused here, naming the stack-file key, before anything is planned.
 */
const resources = z
    .strictObject({
        requests: z.strictObject({ cpu: quantity, memory: quantity }),
        limits: z.strictObject({ cpu: quantity.optional(), memory: quantity }),
    })
    .superRefine((r, ctx) => {
        // A value that is no quantity is reported at its own key by `quantity`.
        for (const p of resourceRequirementsProblems(r)) {
            if (p.kind === "limit") ctx.addIssue({ code: "custom", message: `${p.section}.${p.resource} ${p.message}` });
        }
    });

export const canary = z.strictObject({
    /** The new version; same repository as the stable image. */
    image: pinnedImage,
    /** Percent of traffic on the canary: the fund-store runbook's steps. */
    weight: z.union([z.literal(0), z.literal(10), z.literal(50), z.literal(100)], {
        error: "must be one of the rollout steps 0, 10, 50, 100",
    }),
});

const egressRule = z.strictObject({
    cidr: z.string().regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, { error: "must be an IPv4 CIDR such as 10.20.0.5/32" }),
    port: z.number().int().min(1).max(65535),
    protocol: z.enum(["TCP", "UDP"]).default("TCP"),
    /** What it is, for the reader of the stack file and the NetworkPolicy. */
    description: z.string().optional(),
});

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, { error: "env var names are UPPER_SNAKE_CASE" });

export const service = z
    .strictObject({
        name: dnsLabel,
        image: pinnedImage,
        port: z.number().int().min(1).max(65535),
        /** Readiness and liveness probes hit this path. */
        healthPath: httpPath.default("/health"),
        replicas: z
            .strictObject({ min: z.number().int().min(1), max: z.number().int().min(1) })
            .refine((r) => r.max >= r.min, { error: "max must be at least min" })
            .optional(),
        resources: resources.optional(),
        /** Non-secret settings, delivered through a ConfigMap. */
        env: z.record(envName, z.string()).default({}),
        /** Env vars filled from Pulumi secrets: ENV_NAME -> secret config key. */
        secretEnv: z.record(envName, secretRef).default({}),
        /** Public host label under the stack's domain (api -> api.<domain>); absent for internal services. */
        host: hostLabel.optional(),
        /** Services allowed to call this one (NetworkPolicy ingress). */
        calledBy: z.array(dnsLabel).default([]),
        /**
         * Private destinations beyond golive's own services (a Cloud SQL private IP, Memorystore):
         * the default-deny egress lets nothing else through but DNS and public HTTPS.
         */
        egress: z.array(egressRule).default([]),
        canary: canary.optional(),
    })
    .superRefine((s, ctx) => {
        const clash = Object.keys(s.env).filter((k) => k in s.secretEnv);
        for (const k of clash) {
            ctx.addIssue({ code: "custom", path: ["env", k], message: `is also in secretEnv; keep ${k} in one place` });
        }
        if (s.canary && !s.host) {
            // Weights are split by the HTTPRoute of the public host; a ClusterIP Service cannot split by weight.
            ctx.addIssue({ code: "custom", path: ["canary"], message: "needs a public host: traffic is split by the Gateway route's weights; set host or remove canary" });
        }
        if (s.canary && !imagePinProblem(s.canary.image) && !imagePinProblem(s.image)
            && imageRepository(s.canary.image) !== imageRepository(s.image)) {
            ctx.addIssue({
                code: "custom",
                path: ["canary", "image"],
                message: `must be a version of ${imageRepository(s.image)} (got repository ${imageRepository(s.canary.image)}); a canary changes the version only`,
            });
        }
    });

/**
 * Cross-service checks run even when some service has other problems (zod skips
 * refinements after an issue unless told otherwise), so one run lists every problem.
 */
export const services = z.array(service).min(1, {
    error: "is empty; declare at least one service with its name, a pinned image and its port, e.g. golive:services: [{name: reporting-api, image: ghcr.io/teei/reporting-api:v2.5.0, port: 8080}]",
}).check(
    z.superRefine((list: Array<{ name?: unknown; calledBy?: unknown }>, ctx) => {
        if (!Array.isArray(list)) return; // the type error is reported already
        const seen = new Map<string, number>();
        const names = new Set(list.map((s) => s?.name).filter((n): n is string => typeof n === "string"));
        list.forEach((s, i) => {
            if (typeof s?.name !== "string") return;
            const first = seen.get(s.name);
            if (first !== undefined) {
                ctx.addIssue({ code: "custom", path: [i, "name"], message: `duplicate service name "${s.name}" (also services[${first}]); names must be unique` });
            } else {
                seen.set(s.name, i);
            }
            const callers = Array.isArray(s.calledBy) ? s.calledBy : [];
            callers.forEach((caller, j) => {
                if (typeof caller === "string" && !names.has(caller)) {
                    ctx.addIssue({ code: "custom", path: [i, "calledBy", j], message: `names no service "${caller}"; expected one of ${[...names].join(", ")}` });
                }
            });
        });
    }, { when: () => true }),
);

export type ServiceConfig = z.infer<typeof service>;
