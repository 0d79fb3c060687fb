/**
 * Turns the ajv errors kubernetes-models throws into one readable line per problem, with
 * the field written as in `kubectl explain` (`spec.template.spec.containers[0].image`).
 */

/** The fields of an ajv ErrorObject that are used here (ajv is not a direct dependency). */
export interface SchemaError {
    instancePath: string;
    keyword: string;
    params: Record<string, unknown>;
    message?: string;
}

/** Whether a thrown value carries ajv errors (kubernetes-models' ValidationError does). */
export function hasSchemaErrors(err: unknown): err is { errors: SchemaError[] } {
    return typeof err === "object" && err !== null && Array.isArray((err as { errors?: unknown }).errors);
}

/** One line per distinct problem, in the order the schema reported them. */
export function formatSchemaErrors(errors: SchemaError[], data: unknown): string[] {
    const byPath = new Map<string, SchemaError[]>();
    for (const e of errors) {
        byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
    }
    const lines: string[] = [];
    for (const [pointer, group] of byPath) {
        const field = fieldPath(pointer, data);
        const alternatives = group.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf");
        if (alternatives.length > 0) {
            // int-or-string and Quantity fields are a oneOf of types: ajv reports each failed
            // branch and then the oneOf; what the reader needs is what would be accepted.
            const types = accepted(group);
            if (types !== "") {
                lines.push(`${field || "object"} must be ${types}`);
                continue;
            }
        }
        const hasType = group.some((e) => e.keyword === "type");
        for (const e of group) {
            if (!(hasType && e.keyword === "format")) {
                lines.push(describe(e, field)); // "must be integer" already covers int32
            }
        }
    }
    return [...new Set(lines)];
}

/** The types of the branches of a oneOf, a format noted on its type: `string or integer (int32)`. */
function accepted(group: SchemaError[]): string {
    const types = group.filter((e) => e.keyword === "type").map((e) => String(e.params.type));
    const formats = group.filter((e) => e.keyword === "format").map((e) => String(e.params.format));
    for (const format of formats) {
        const type = FORMAT_TYPES[format] ?? "string";
        if (!types.includes(type)) {
            types.push(type); // that branch had the right type but the wrong format
        }
    }
    return [...new Set(types)].map((t) => {
        const f = formats.filter((format) => (FORMAT_TYPES[format] ?? "string") === t);
        return f.length > 0 ? `${t} (${f.join(", ")})` : t;
    }).join(" or ");
}

/** The JSON type each OpenAPI format of the Kubernetes schemas applies to. */
const FORMAT_TYPES: Record<string, string> = { int32: "integer", int64: "integer", double: "number", float: "number" };

function describe(e: SchemaError, field: string): string {
    switch (e.keyword) {
        case "required":
            return `${join(field, String(e.params.missingProperty))} is required`;
        case "additionalProperties":
            return `${join(field, String(e.params.additionalProperty))} is not a known field`;
        case "enum":
            return `${field || "object"} must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
        case "type":
            return `${field || "object"} must be ${String(e.params.type)}`;
        default:
            return `${field || "object"} ${e.message ?? `fails ${e.keyword}`}`;
    }
}

/**
 * JSON pointer -> `a.b[0]["c.d/e"]`. A pointer does not say whether `0` is an array index or
 * a map key (a label named "0"), so the data is walked to tell.
 */
export function fieldPath(pointer: string, data: unknown): string {
    if (pointer === "") {
        return "";
    }
    let out = "";
    let current: unknown = data;
    for (const raw of pointer.slice(1).split("/")) {
        const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
        if (Array.isArray(current)) {
            out += `[${key}]`;
            current = current[Number(key)];
        } else {
            out = join(out, key);
            current = typeof current === "object" && current !== null ? (current as Record<string, unknown>)[key] : undefined;
        }
    }
    return out;
}

function join(prefix: string, key: string): string {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) {
        return `${prefix}[${JSON.stringify(key)}]`;
    }
    return prefix === "" ? key : `${prefix}.${key}`;
}
