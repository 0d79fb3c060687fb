import { configKeyOfEntry, containersOf, isKind, kubernetesKinds, objectRef, podSpecOf, podTemplateKinds, resourcePolicy } from "../lib";
import { secretFormatsOf } from "./secret-values";

/**
 * Names that say "this is a credential": *_KEY, *_SECRET, *_TOKEN, *PASSWORD*, ... SECRET only
 * as a suffix, so SECRET_MANAGER_PROJECT (a setting about secrets) is not taken for one.
 */
const secretName = /(^|_)(KEY|SECRET|TOKEN|PASSWORD|PASSWD|PWD|CREDENTIALS?|PRIVATE_KEY|API_KEY|AUTH)$|PASSWORD/i;
/** URLs that carry a password: scheme://user:password@host */
const credentialUrl = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;
const databaseUrlName = /(^|_)(DATABASE|DB|REDIS|MONGO|POSTGRES|MYSQL|AMQP)_?(URL|URI|DSN)$/i;

/**
 * Why a literal env var or ConfigMap entry looks like a secret, or undefined when it does
 * not: a URL with a password, a credential format secretlint recognises in the value
 * (whatever the name), a name that says it holds a credential, a connection string with a user.
 */
export async function secretLiteralReason(name: string, value: string): Promise<string | undefined> {
    if (credentialUrl.test(value)) return "its value is a URL with a password in it";
    if (value === "") return undefined;
    const formats = await secretFormatsOf(name, value);
    if (formats.length > 0) {
        const rules = formats.map((f) => `${f.rule}: ${f.messageId}`).join(", ");
        return `its value has a credential's format (secretlint ${formats.length === 1 ? "rule" : "rules"} ${rules})`;
    }
    if (secretName.test(name)) return "its name says it holds a credential";
    if (databaseUrlName.test(name) && /@/.test(value)) return "it is a connection string with credentials";
    return undefined;
}

export const workloadsContainerDisallowSecretEnvLiteral = resourcePolicy({
    name: "workloads-container-disallow-secret-env-literal",
    description: "No secret is written as a literal container env var or ConfigMap entry, whether its name or its value (a private key, a cloud or SaaS token) gives it away; secrets come from secretKeyRef at runtime.",
    severity: "critical",
    runbook: ["004.services.secrets", "001.security.webhook-secrets"],
    remediation: "Move the value into a Kubernetes Secret (fed by a Pulumi secret or Secret Manager) and reference it with valueFrom.secretKeyRef.",
    appliesTo: kubernetesKinds(...podTemplateKinds, "core/ConfigMap"),
    validateResource: async (args, reportViolation) => {
        // golive (and many charts) deliver env through a ConfigMap and configMapKeyRef/envFrom,
        // so a literal put there reaches the container just the same.
        if (isKind(args.type, "core", "ConfigMap")) {
            const data: unknown = args.props.data;
            if (data === null || typeof data !== "object") return;
            for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
                const reason = typeof value === "string" ? await secretLiteralReason(key, value) : undefined;
                if (!reason) continue;
                // For a ConfigMap golive planned, the value comes from the stack file: say where.
                const planned = configKeyOfEntry(args.urn, args.props, key);
                const fix = !planned
                    ? "Move it into a Kubernetes Secret and reference it with valueFrom.secretKeyRef."
                    : planned.perEntry
                        ? `Move ${planned.key} to the service's secretEnv, naming a Pulumi secret set with \`pulumi config set --secret\`.`
                        : `Remove it from ${planned.key}: that config is written in plain text to a ConfigMap.`;
                reportViolation(`${objectRef(args.type, args.props)} key ${key} is a literal value and ${reason}. ${fix}`);
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
                const reason = await secretLiteralReason(e.name, e.value);
                if (reason) {
                    reportViolation(`${c.label} sets env ${e.name} as a literal value and ${reason}. Move it into a Kubernetes Secret and reference it with valueFrom.secretKeyRef.`);
                }
            }
        }
    },
});
