import { z } from "zod";
import type { ArgProblem } from "../components/workloads/checks";
import { dns1123LabelProblem, dnsLabelProblem, quantityProblem } from "../policies/lib";
import { defaultHealthPath, isHttpPath } from "../policies/workloads/rules";

/** Runs a rule of the pack (`value -> why it is wrong, or undefined`) as a zod check. */
function checkedBy(problem: (value: string) => string | undefined) {
    return (value: string, ctx: z.RefinementCtx<string>) => {
        const message = problem(value);
        if (message !== undefined) ctx.addIssue({ code: "custom", message });
    };
}

/** A DNS label: what golive names services, namespaces and clusters with. */
export const dnsLabel = z.string().superRefine(checkedBy(dnsLabelProblem));

/** An HTTP path starting with '/'. */
export const httpPath = z.string().superRefine(checkedBy((p) => (isHttpPath(p) ? undefined : `must be an absolute HTTP path such as ${defaultHealthPath}`)));

/** A single DNS label prefixed to the stack's domain (api -> api.<domain>). */
export const hostLabel = z.string().superRefine(checkedBy((h) => (dns1123LabelProblem(h) === undefined ? undefined : "must be a single DNS label such as api or cockpit; the stack's domain is appended")));

/**
 * The name of a config key that holds a Pulumi secret (`pulumi config set --secret <name> ...`).
 * Stack files only ever name secrets. The `secretRef` mark is how the config finds them
 * (config.ts): the secret references are collected from every field of this type, and an
 * error never echoes a value found where one belongs.
 */
export const secretRef = z
    .string()
    .regex(/^[a-z][a-zA-Z0-9]*$/, { error: "must name a secret config key in camelCase, e.g. pagerdutyIntegrationKey" })
    .meta({ secretRef: true });

/** A Kubernetes resource quantity such as 250m, 1, 1.5, 512Mi, 1e3, read as the API server reads it. */
export const quantity = z
    .union([z.string(), z.number()])
    .transform((v) => String(v))
    .superRefine(checkedBy(quantityProblem));

/** Whether `path` is `prefix` or below it. */
function isAtOrBelow(path: readonly PropertyKey[], prefix: readonly PropertyKey[]): boolean {
    return prefix.length <= path.length && prefix.every((p, i) => p === path[i]);
}

/**
 * Reports a component's own argument problems as issues at their key paths, so the stack
 * file gets the component's message at its own key: the schema reuses the rule, never
 * rewrites it. A key whose value the schema already refused (port 0 is both too small and no
 * port) is reported once, by the schema.
 */
export function reportProblems<T>(problems: (value: T) => readonly ArgProblem[]) {
    return (value: T, ctx: z.RefinementCtx<unknown>) => {
        const refused = ctx.issues.map((i) => i.path ?? []);
        for (const p of problems(value)) {
            if (!refused.some((at) => isAtOrBelow(p.path, at))) ctx.addIssue({ code: "custom", path: [...p.path], message: p.message });
        }
    };
}
