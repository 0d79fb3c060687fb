import { z } from "zod";
import { quantityProblem } from "../policies/lib/kubernetes-api";

/** A DNS-1123 label: what Kubernetes accepts as a Service or Deployment name. */
export const dnsLabel = z
    .string()
    .regex(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/, { error: "must be a DNS label: lowercase letters, digits and '-', starting with a letter, at most 63 characters" });

/**
 * The name of a config key that holds a Pulumi secret (`pulumi config set --secret <name> ...`).
 * Stack files only ever name secrets; the values never appear in them.
 */
export const secretRef = z
    .string()
    .regex(/^[a-z][a-zA-Z0-9]*$/, { error: "must name a secret config key in camelCase, e.g. pagerdutyIntegrationKey" });

/** A Kubernetes resource quantity such as 250m, 1, 1.5, 512Mi, 1e3, read as the API server reads it. */
export const quantity = z
    .union([z.string(), z.number()])
    .transform((v) => String(v))
    .superRefine((q, ctx) => {
        const problem = quantityProblem(q);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

/** An HTTP path starting with '/'. */
export const httpPath = z.string().regex(/^\/[^\s]*$/, { error: "must be an absolute HTTP path such as /health" });

/** A hostname under the stack's domain, or a single label prefixed to it. */
export const hostLabel = z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { error: "must be a single DNS label such as api or cockpit; the stack's domain is appended" });
