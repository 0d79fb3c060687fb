/**
 * The indexes a stack declares for one Firestore database, read from its Index and Field
 * resources (as the engine hands them over) into the model of firestore.indexes.json, and
 * judged by the same reader: one rule, whether an index comes from the file or from a
 * resource someone declared by hand.
 */
import type { Json } from "../lib";
import { readIndexFile, type IndexFile } from "./indexes-file";
import { firestoreTypes, present, sameProject, targetDatabase } from "./resources";

/** A resource as a stack policy sees it (PolicyResource), or as a plan records it. */
export interface StackResource {
    type: string;
    name: string;
    props: Json;
    urn?: string;
}

/** An invalid definition: the message names the database and the resource. */
export interface DefinitionProblem {
    message: string;
    /** The resource it is about (the first one named), when there is one. */
    resource?: StackResource;
}

export interface DeclaredIndexes {
    /** The model, when every definition is valid. */
    indexFile: IndexFile | null;
    /** One per invalid definition. */
    problems: DefinitionProblem[];
    /** Rewrites the reader's `indexes[2]` / `fieldOverrides[0]` into the resources' names. */
    relabel(text: string): string;
    indexResources: StackResource[];
    fieldResources: StackResource[];
}

function pick(source: Json, keys: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of keys) if (present(source?.[k])) out[k] = source[k];
    return out;
}

/** An Index resource's props as a firestore.indexes.json entry. */
export function indexEntryOf(props: Json): Record<string, unknown> {
    const fields: unknown = props?.fields;
    const entry: Record<string, unknown> = {
        collectionGroup: props?.collection,
        queryScope: present(props?.queryScope) ? props.queryScope : "COLLECTION",
        fields: Array.isArray(fields) ? fields.map((f: Json) => pick(f, ["fieldPath", "order", "arrayConfig", "vectorConfig", "searchConfig"])) : fields,
        ...pick(props, ["apiScope", "density"]),
    };
    // The provider reports multikey: false on every index; only true means a MongoDB-API multikey index.
    if (props?.multikey === true) entry["multikey"] = true;
    return entry;
}

/** A Field resource's props as a fieldOverrides entry; undefined when it keeps the inherited indexes. */
export function overrideEntryOf(props: Json): Record<string, unknown> | undefined {
    const config: Json = props?.indexConfig;
    if (!present(config)) return undefined;
    const indexes: unknown = config.indexes;
    const entry: Record<string, unknown> = {
        collectionGroup: props?.collection,
        fieldPath: props?.field,
        indexes: Array.isArray(indexes) ? indexes.map((i: Json) => pick(i, ["order", "arrayConfig", "queryScope"])) : [],
    };
    if (present(props?.ttlConfig)) entry["ttl"] = true;
    return entry;
}

/** The Index and Field resources of one database (and project) in the stack, judged together. */
export function declaredIndexes(resources: readonly StackResource[], database: string, dbProps: Json = {}): DeclaredIndexes {
    const ofDatabase = (r: StackResource) => targetDatabase(r.props) === database && sameProject(r.props, dbProps);
    const indexResources = resources.filter((r) => r.type === firestoreTypes.index && ofDatabase(r));
    const fieldResources = resources.filter((r) => r.type === firestoreTypes.field && ofDatabase(r));
    const overrides: Array<{ r: StackResource; entry: Record<string, unknown> }> = [];
    for (const r of fieldResources) {
        const entry = overrideEntryOf(r.props);
        if (entry) overrides.push({ r, entry });
    }
    const entryPattern = /(?<![.\w])(indexes|fieldOverrides)\[(\d+)\](\.)?/g;
    const resourceAt = (section: string, n: string) => (section === "indexes" ? indexResources[Number(n)] : overrides[Number(n)]?.r);
    const relabel = (text: string) =>
        text.replace(entryPattern, (whole, section: string, n: string, dot?: string) => {
            const r = resourceAt(section, n);
            return r ? `${section === "indexes" ? "Index" : "Field"} ${r.name}${dot ? ": " : ""}` : whole;
        });
    const file = { indexes: indexResources.map((r) => indexEntryOf(r.props)), fieldOverrides: overrides.map((o) => o.entry) };
    const label = `Firestore database "${database}"`;
    const reading = readIndexFile(JSON.stringify(file), label);
    const problems: DefinitionProblem[] = reading.errors.map((e) => {
        const first = new RegExp(entryPattern.source).exec(e);
        return { message: relabel(e), resource: first ? resourceAt(first[1]!, first[2]!) : undefined };
    });

    // Two Field resources on one field fight over it: each update undoes the other's.
    const byField = new Map<string, StackResource>();
    for (const r of fieldResources) {
        const key = `${String(r.props?.collection)}\u0000${String(r.props?.field)}`;
        const first = byField.get(key);
        if (first) {
            problems.push({
                message: `${label}: Field ${r.name}: configures "${String(r.props?.collection)}.${String(r.props?.field)}" as Field ${first.name} does; expected one Field resource per field, or each update undoes the other: merge them`,
                resource: r,
            });
        } else {
            byField.set(key, r);
        }
    }
    return { indexFile: problems.length ? null : reading.indexFile, problems, relabel, indexResources, fieldResources };
}
