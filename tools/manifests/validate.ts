import { formatApiProblem, kindOf, kubernetesApiProblems } from "../../policies/lib";
import { describeObject, isMapping, pulumiType } from "./object";
import { formatSchemaErrors, hasSchemaErrors } from "./schema-errors";

/** The outcome of validating one object; `errors` empty and `schema` true means valid. */
export interface ManifestValidation {
    /** How the object is named in every line: `Deployment teei/reporting-api`. */
    subject: string;
    /**
     * Whether a Kubernetes OpenAPI schema was applied. False for kinds kubernetes-models has no
     * schema for (CRDs, Gateway API): such an object is not known to be valid, only not refused.
     */
    schema: boolean;
    /** One line per problem, each starting with the subject. */
    errors: string[];
    /** Set when `schema` is false: `<subject>: not validated: no schema for <apiVersion> <kind>`. */
    note?: string;
}

/** A kubernetes-models class: construct with the object, `validate()` throws ajv errors. */
type ModelClass = (new (data: Record<string, unknown>) => { validate(): void }) & { apiVersion?: string; kind?: string };

export interface ValidateOptions {
    /**
     * Also apply the API server's rules that the schemas cannot express (requests within
     * limits, selectors matching their pods, name formats; policies/lib/kubernetes-api), once
     * the object passes its schema. `analyze --manifests` leaves them to the policy pack, which
     * reports them as violations of workloads-object-enforce-api-validation.
     * @default true
     */
    apiRules?: boolean;
}

/**
 * Validates an object against the Kubernetes OpenAPI schema of its apiVersion and kind (as
 * compiled by kubernetes-models), plus the identity rules the API server applies to every
 * object, plus (unless told not to) the API server's own validation rules. Never throws for
 * a bad object; only for a broken installation.
 */
export async function validateManifest(obj: Record<string, unknown>, options: ValidateOptions = {}): Promise<ManifestValidation> {
    const metadata = isMapping(obj.metadata) ? obj.metadata : undefined;
    const subject = describeObject(obj.kind, metadata?.name, metadata?.namespace);
    const errors = identityErrors(obj).map((e) => `${subject}: ${e}`);
    const { apiVersion, kind } = obj;
    if (typeof apiVersion !== "string" || typeof kind !== "string" || apiVersion === "" || kind === "") {
        return { subject, schema: false, errors };
    }
    const Model = await modelClass(apiVersion, kind);
    if (!Model) {
        return { subject, schema: false, errors, note: `${subject}: not validated: no schema for ${apiVersion} ${kind}` };
    }
    try {
        new Model(obj).validate();
    } catch (err) {
        if (!hasSchemaErrors(err)) {
            throw err;
        }
        errors.push(...formatSchemaErrors(err.errors, obj).map((e) => `${subject}: ${e}`));
    }
    // As the API server does: decode against the schema first, then validate what decoded.
    if (errors.length === 0 && (options.apiRules ?? true)) {
        const k = kindOf(pulumiType(apiVersion, kind));
        if (k) errors.push(...kubernetesApiProblems(k.group, k.kind, obj).map((p) => `${subject}: ${formatApiProblem(p)}`));
    }
    return { subject, schema: true, errors };
}

/**
 * What the schemas do not say but the API server refuses for every object: a missing name
 * (ObjectMeta allows generateName, which a manifest to apply cannot use meaningfully), and
 * names that cannot be a URL path segment (which also keeps file names derived from them safe).
 */
function identityErrors(obj: Record<string, unknown>): string[] {
    const errors: string[] = [];
    for (const field of ["apiVersion", "kind"] as const) {
        if (typeof obj[field] !== "string" || obj[field] === "") {
            errors.push(`${field} is required (a non-empty string)`);
        }
    }
    const metadata = isMapping(obj.metadata) ? obj.metadata : {};
    for (const field of ["name", "namespace"] as const) {
        const value = metadata[field];
        if (value === undefined && field === "namespace") {
            continue;
        }
        if (typeof value !== "string" || value === "") {
            errors.push(`metadata.${field} is required (a non-empty string)`);
        } else if (value === "." || value === ".." || /[/%]/.test(value)) {
            errors.push(`metadata.${field} ${JSON.stringify(value)} may not be "." or ".." or contain "/" or "%"`);
        }
    }
    return errors;
}

/** `apps/v1` or `v1`, with the characters an API group and version can have, nothing else. */
const API_VERSION = /^(?:[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?\/)?v[0-9]+(?:(?:alpha|beta)[0-9]+)?$/;

/** The core group (Namespace, Service, ...), which kubernetes-models always ships. */
const coreApiVersion = "v1";

/** Imported modules by apiVersion: each module is imported once per process. */
const modules = new Map<string, Promise<Record<string, unknown> | undefined>>();

async function modelClass(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
    const mod = await schemaModule(apiVersion);
    const candidate = mod?.[kind];
    // Only a top-level kind has static apiVersion/kind; `DeploymentSpec` and friends do not.
    if (typeof candidate === "function" && (candidate as ModelClass).kind === kind && (candidate as ModelClass).apiVersion === apiVersion) {
        return candidate as ModelClass;
    }
    return undefined;
}

function schemaModule(apiVersion: string): Promise<Record<string, unknown> | undefined> {
    let mod = modules.get(apiVersion);
    if (!mod) {
        mod = importSchemaModule(apiVersion);
        modules.set(apiVersion, mod);
    }
    return mod;
}

async function importSchemaModule(apiVersion: string): Promise<Record<string, unknown> | undefined> {
    if (!API_VERSION.test(apiVersion)) {
        return undefined; // never build an import specifier from arbitrary text
    }
    try {
        // kubernetes-models is ESM-only; module nodenext keeps this a real import() from CommonJS.
        // Core is `kubernetes-models/v1`, every group `kubernetes-models/<group>/<version>`.
        return (await import(`kubernetes-models/${apiVersion}`)) as Record<string, unknown>;
    } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== "ERR_PACKAGE_PATH_NOT_EXPORTED" && code !== "ERR_MODULE_NOT_FOUND") throw err;
        // A loader that turns import() into require() gets the same codes for every group, the
        // core one included: that is a broken installation, never "no schema" for everything.
        if (apiVersion === coreApiVersion) {
            throw new Error(
                `kubernetes-models cannot load its core API group (${code}: ${(err as Error).message.split("\n")[0]}): no Kubernetes object could be validated against its schema. ` +
                    "Reinstall with npm ci, and load golive's TypeScript as the npm scripts do (node -r ./tools/register.js), which keeps import() a real import of this ESM-only package.",
            );
        }
        await schemaModule(coreApiVersion);
        return undefined; // a group kubernetes-models does not ship: a CRD or Gateway API
    }
}
