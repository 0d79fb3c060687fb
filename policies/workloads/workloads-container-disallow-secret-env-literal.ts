import { containersOf, isKind, kubernetesKinds, objectRef, podSpecOf, podTemplateKinds, resourcePolicy } from "../lib";

/**
 * Names that say "this is a credential": *_KEY, *_SECRET, *_TOKEN, *PASSWORD*, ... SECRET only
 * as a suffix, so SECRET_MANAGER_PROJECT (a setting about secrets) is not taken for one.
 */
const secretName = /(^|_)(KEY|SECRET|TOKEN|PASSWORD|PASSWD|PWD|CREDENTIALS?|PRIVATE_KEY|API_KEY|AUTH)$|PASSWORD/i;
/** URLs that carry a password: scheme://user:password@host */
const credentialUrl = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;
const databaseUrlName = /(^|_)(DATABASE|DB|REDIS|MONGO|POSTGRES|MYSQL|AMQP)_?(URL|URI|DSN)$/i;

/** Why a literal env var looks like a secret, or undefined when it does not. */
export function secretLiteralReason(name: string, value: string): string | undefined {
    if (credentialUrl.test(value)) return "its value is a URL with a password in it";
    if (value === "") return undefined;
    if (secretName.test(name)) return "its name says it holds a credential";
    if (databaseUrlName.test(name) && /@/.test(value)) return "it is a connection string with credentials";
    return undefined;
}

export const workloadsContainerDisallowSecretEnvLiteral = resourcePolicy({
    name: "workloads-container-disallow-secret-env-literal",
    description: "No secret-looking value is written as a literal container env var or ConfigMap entry; secrets come from secretKeyRef at runtime.",
    severity: "critical",
    runbook: ["004.services.secrets", "001.security.webhook-secrets"],
    remediation: "Move the value into a Kubernetes Secret (fed by a Pulumi secret or Secret Manager) and reference it with valueFrom.secretKeyRef.",
    appliesTo: kubernetesKinds(...podTemplateKinds, "core/ConfigMap"),
    validateResource: (args, reportViolation) => {
        // golive (and many charts) deliver env through a ConfigMap and configMapKeyRef/envFrom,
        // so a literal put there reaches the container just the same.
        if (isKind(args.type, "core", "ConfigMap")) {
            const data: unknown = args.props.data;
            if (data === null || typeof data !== "object") return;
            for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
                const reason = typeof value === "string" ? secretLiteralReason(key, value) : undefined;
                if (reason) {
                    reportViolation(`${objectRef(args.type, args.props)} key ${key} is a literal value and ${reason}. Move it into a Kubernetes Secret and reference it with valueFrom.secretKeyRef.`);
                }
            }
            return;
        }
        const pod = podSpecOf(args.type, args.props);
        if (!pod) return;
        for (const c of containersOf(pod)) {
            const env: unknown = c.container?.env;
            if (!Array.isArray(env)) continue;
            for (const e of env) {
                if (typeof e?.name !== "string" || typeof e?.value !== "string") continue;
                const reason = secretLiteralReason(e.name, e.value);
                if (reason) {
                    reportViolation(`${c.label} sets env ${e.name} as a literal value and ${reason}. Move it into a Kubernetes Secret and reference it with valueFrom.secretKeyRef.`);
                }
            }
        }
    },
});
