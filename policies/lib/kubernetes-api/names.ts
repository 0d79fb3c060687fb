/**
 * The name formats the Kubernetes API server accepts (k8s.io/apimachinery's validation
 * helpers), each as a function returning why a value is not one, or undefined when it is.
 * The OpenAPI schemas say only "string"; the API server refuses the rest.
 */

const label = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const dns1123LabelPattern = new RegExp(`^${label}$`);
const dns1123SubdomainPattern = new RegExp(`^${label}(\\.${label})*$`);
const dns1035LabelPattern = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const qualifiedNamePattern = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export const dns1123LabelMaxLength = 63;
export const dns1123SubdomainMaxLength = 253;

/** Namespaces, container names, volume names, Service port names: `my-name`, `123-abc`. */
export function dns1123LabelProblem(value: string): string | undefined {
    if (value.length > dns1123LabelMaxLength) return `must be at most ${dns1123LabelMaxLength} characters (got ${value.length})`;
    if (!dns1123LabelPattern.test(value)) return "must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit";
    return undefined;
}

/** Most object names (Deployment, ConfigMap, Secret, ...): DNS-1123 labels joined by '.'. */
export function dns1123SubdomainProblem(value: string): string | undefined {
    if (value.length > dns1123SubdomainMaxLength) return `must be at most ${dns1123SubdomainMaxLength} characters (got ${value.length})`;
    if (!dns1123SubdomainPattern.test(value)) return "must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit";
    return undefined;
}

/** Service names: a DNS-1035 label, which also must start with a letter (it becomes a DNS name). */
export function dns1035LabelProblem(value: string): string | undefined {
    if (value.length > dns1123LabelMaxLength) return `must be at most ${dns1123LabelMaxLength} characters (got ${value.length})`;
    if (!dns1035LabelPattern.test(value)) return "must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter and ending with a letter or digit";
    return undefined;
}

/**
 * What golive names services, namespaces and clusters with: a DNS-1035 label, which every
 * kind accepts as a name (Services need it; most kinds take any DNS-1123 subdomain).
 */
export function dnsLabelProblem(value: string): string | undefined {
    return dns1035LabelProblem(value) === undefined ? undefined : "must be a DNS label: lowercase letters, digits and '-', starting with a letter, at most 63 characters";
}

/**
 * Label and annotation keys: an optional DNS-1123 subdomain prefix and '/', then a name of
 * at most 63 characters of letters, digits, '-', '_' and '.', starting and ending with a
 * letter or digit (`app.kubernetes.io/name`, `tier`).
 */
export function qualifiedNameProblem(key: string): string | undefined {
    const parts = key.split("/");
    if (parts.length > 2) return "may contain at most one '/' (prefix/name)";
    const name = parts[parts.length - 1]!;
    if (parts.length === 2) {
        const prefix = parts[0]!;
        if (prefix === "") return "has an empty prefix before '/'";
        const bad = dns1123SubdomainProblem(prefix);
        if (bad) return `prefix "${prefix}" ${bad}`;
    }
    if (name === "") return "has an empty name";
    if (name.length > dns1123LabelMaxLength) return `name part must be at most ${dns1123LabelMaxLength} characters (got ${name.length})`;
    if (!qualifiedNamePattern.test(name)) return "name part must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
    return undefined;
}

/** Label values: empty, or at most 63 characters like a qualified name's name part. */
export function labelValueProblem(value: string): string | undefined {
    if (value === "") return undefined;
    if (value.length > dns1123LabelMaxLength) return `must be at most ${dns1123LabelMaxLength} characters (got ${value.length})`;
    if (!qualifiedNamePattern.test(value)) return "must be empty or letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
    return undefined;
}

/**
 * Container port names and named probe ports (an IANA service name, RFC 6335): at most 15
 * lowercase letters, digits and '-', at least one letter, no '-' at either end or twice in a row.
 */
export function ianaServiceNameProblem(value: string): string | undefined {
    if (value.length > 15) return `must be at most 15 characters (got ${value.length})`;
    if (!/^[-a-z0-9]+$/.test(value)) return "must be lowercase letters, digits and '-'";
    if (!/[a-z]/.test(value)) return "must contain at least one letter";
    if (value.startsWith("-") || value.endsWith("-")) return "must not start or end with '-'";
    if (value.includes("--")) return "must not contain '--'";
    return undefined;
}

/**
 * Environment variable names: any printable ASCII but '=' (the API server's relaxed rule,
 * RelaxedEnvironmentVariableValidation; the older C-identifier rule refused more), so
 * `LOG_LEVEL` and `my.setting` are both fine: the gate never refuses what a cluster accepts.
 */
export function envVarNameProblem(value: string): string | undefined {
    if (value === "") return "must not be empty";
    if (!/^[\x20-\x7e]+$/.test(value)) return "must be printable ASCII characters";
    if (value.includes("=")) return "must not contain '='";
    return undefined;
}
