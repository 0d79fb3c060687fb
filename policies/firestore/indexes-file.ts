/**
 * The Firebase CLI's firestore.indexes.json: read, validated and normalised to one model.
 *
 * What is accepted follows what `firebase deploy --only firestore:indexes` deploys
 * (firebase-tools src/firestore/api.ts: upgradeOldSpec, then validateSpec):
 * - JSON with comments (the CLI reads the file with cjson, as `firebase init` writes a
 *   commented template);
 * - the legacy v1beta1 form (`collectionId`, fields with `mode`), which the CLI upgrades;
 * - vectorConfig, searchConfig and the Enterprise keys apiScope, density, multikey;
 * - keys the CLI does not read are accepted and reported as warnings, because the CLI drops
 *   them silently: an override's `ttlConfig` (the REST API's name) enables no TTL, an
 *   override entry's own `fieldPath` indexes nothing but the override's field.
 * Errors are what stops the deploy: what the CLI's validation refuses, and definitions the
 * Firestore API refuses (a composite index of one field, the same index twice, more than one
 * array field in an index). The CLI would keep `order` and silently drop `arrayConfig` when
 * an index field has both; that is an error here, since one of the two was meant.
 *
 * Pure: the caller reads the file and passes its text.
 */
import { createHash } from "node:crypto";
import { childPath, JsonSyntaxError, parseJsonWithComments } from "./json-with-comments";

export const orders = ["ASCENDING", "DESCENDING"] as const;
export const arrayConfigs = ["CONTAINS"] as const;
export const queryScopes = ["COLLECTION", "COLLECTION_GROUP"] as const;
export const apiScopes = ["ANY_API", "DATASTORE_MODE_API", "MONGODB_COMPATIBLE_API"] as const;
export const densities = ["DENSITY_UNSPECIFIED", "SPARSE_ALL", "SPARSE_ANY", "DENSE"] as const;
const legacyModes = ["ASCENDING", "DESCENDING", "ARRAY_CONTAINS"] as const;
const textIndexTypes = ["TEXT_INDEX_TYPE_UNSPECIFIED", "TOKENIZED"] as const;
const textMatchTypes = ["TEXT_MATCH_TYPE_UNSPECIFIED", "MATCH_GLOBALLY"] as const;

export type Order = (typeof orders)[number];
export type ArrayConfig = (typeof arrayConfigs)[number];
export type QueryScope = (typeof queryScopes)[number];
export type ApiScope = (typeof apiScopes)[number];
export type Density = (typeof densities)[number];

/** The document-name pseudo field that ends every index. */
export const nameField = "__name__";

export interface VectorConfig {
    dimension: number;
    flat: Record<string, unknown>;
}

/** One field of a composite index: exactly one of order, arrayConfig, vectorConfig, searchConfig. */
export interface IndexField {
    fieldPath: string;
    order?: Order;
    arrayConfig?: ArrayConfig;
    vectorConfig?: VectorConfig;
    searchConfig?: Record<string, unknown>;
}

/** A composite index as firestore.indexes.json declares it, in the current format. */
export interface IndexEntry {
    collectionGroup: string;
    queryScope: QueryScope;
    fields: IndexField[];
    apiScope?: ApiScope;
    density?: Density;
    multikey?: boolean;
}

/** A declared index: its entry (fields without the implicit trailing `__name__`), its id and where it is. */
export interface DeclaredIndex extends IndexEntry {
    /** indexId() of the definition: stable when the file is reordered. */
    id: string;
    /** Where it is in the file: `indexes[3]`. */
    entry: string;
}

/** One single-field index an override enables. */
export interface SingleFieldIndex {
    order?: Order;
    arrayConfig?: ArrayConfig;
    queryScope: QueryScope;
    apiScope?: ApiScope;
    density?: Density;
    multikey?: boolean;
}

/** A fieldOverrides[] entry: replaces the automatic single-field indexes of one field. */
export interface FieldOverrideEntry {
    collectionGroup: string;
    fieldPath: string;
    /** true: a TTL policy on this field; false: none; absent: left as it is. */
    ttl?: boolean;
    /** Exactly the single-field indexes the field keeps; `[]` exempts it from single-field indexing. */
    indexes: SingleFieldIndex[];
}

export interface FieldOverride extends FieldOverrideEntry {
    /** Where it is in the file: `fieldOverrides[1]`. */
    entry: string;
}

export interface IndexFile {
    indexes: DeclaredIndex[];
    fieldOverrides: FieldOverride[];
}

export interface IndexFileReading {
    file: string;
    /** One line per problem that stops a deploy: `<file>: indexes[3].fields[1]: ...; expected ...`. */
    errors: string[];
    /** Accepted, but the Firebase CLI ignores or rewrites part of it. */
    warnings: string[];
    /** The normalised file, when there are no errors. */
    indexFile: IndexFile | null;
    /** The file uses the legacy v1beta1 keys (collectionId, mode). */
    legacyFormat: boolean;
}

/**
 * The direction of the `__name__` field Firestore appends to every index: that of the last
 * ordered field, or ascending (the Firebase CLI's lastIndexFieldOrder does the same).
 */
export function implicitNameOrder(fields: readonly IndexField[]): Order {
    let order: Order = "ASCENDING";
    for (const f of fields) if (f.fieldPath !== nameField && f.order) order = f.order;
    return order;
}

/**
 * The fields without a `__name__` that only restates the implicit one (`firebase
 * firestore:indexes` writes it out; Firestore treats both forms as one index). Before a
 * trailing vector field, as Firestore places it there.
 */
export function canonicalFields(fields: readonly IndexField[]): IndexField[] {
    const out = [...fields];
    const nameAt = out[out.length - 1]?.vectorConfig ? out.length - 2 : out.length - 1;
    const name = out[nameAt];
    if (nameAt >= 0 && name?.fieldPath === nameField && name.order === implicitNameOrder(out.slice(0, nameAt))) out.splice(nameAt, 1);
    return out;
}

/**
 * A stable id for an index definition: a hash of its collection group, scope, Enterprise
 * options and canonical fields, so reordering the file, key order inside an entry, or
 * writing out what `firebase firestore:indexes` adds (the implicit `__name__`, the Standard
 * edition's density SPARSE_ALL) changes nothing. Resource names derive from it.
 */
export function indexId(index: IndexEntry): string {
    const fields = canonicalFields(index.fields).map((f) => [
        f.fieldPath,
        f.order ?? null,
        f.arrayConfig ?? null,
        f.vectorConfig ? sortedJson(f.vectorConfig) : null,
        f.searchConfig ? sortedJson(f.searchConfig) : null,
    ]);
    const definition = [
        "firestore-index/v1",
        index.collectionGroup,
        index.queryScope,
        index.apiScope === undefined || index.apiScope === "ANY_API" ? null : index.apiScope,
        index.density === undefined || index.density === "DENSITY_UNSPECIFIED" || index.density === "SPARSE_ALL" ? null : index.density,
        index.multikey ?? null,
        fields,
    ];
    return createHash("sha256").update(JSON.stringify(definition)).digest("hex").slice(0, 16);
}

/** The entry as firestore.indexes.json writes it (no id, no position). */
export function toIndexEntry(index: IndexEntry): IndexEntry {
    const out: IndexEntry = { collectionGroup: index.collectionGroup, queryScope: index.queryScope, fields: index.fields.map((f) => ({ ...f })) };
    if (index.apiScope !== undefined) out.apiScope = index.apiScope;
    if (index.density !== undefined) out.density = index.density;
    if (index.multikey !== undefined) out.multikey = index.multikey;
    return out;
}

/** `(tenantId ASC, tags CONTAINS, startsAt DESC)`: an index's fields for people. */
export function describeFields(fields: readonly IndexField[]): string {
    const mode = (f: IndexField) =>
        f.order ? (f.order === "ASCENDING" ? "ASC" : "DESC") : f.arrayConfig ? "CONTAINS" : f.vectorConfig ? `VECTOR<${f.vectorConfig.dimension}>` : "SEARCH";
    return `(${fields.map((f) => `${f.fieldPath} ${mode(f)}`).join(", ")})`;
}

export function readIndexFile(text: string, file: string): IndexFileReading {
    return new Reader(file).read(text);
}

// ---------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

const topKeys = ["indexes", "fieldOverrides"];
const indexKeys = ["collectionGroup", "collectionId", "queryScope", "fields", "apiScope", "density", "multikey", "unique"];
const fieldKeys = ["fieldPath", "order", "arrayConfig", "vectorConfig", "searchConfig", "mode"];
const overrideKeys = ["collectionGroup", "fieldPath", "ttl", "indexes"];
const overrideIndexKeys = ["order", "arrayConfig", "queryScope", "apiScope", "density", "multikey", "unique"];
const modeKeys = ["order", "arrayConfig", "vectorConfig", "searchConfig"] as const;

function isObject(v: unknown): v is Json {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

function given(v: unknown): boolean {
    return v !== undefined && v !== null;
}

function show(v: unknown): string {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function oneOf(values: readonly string[]): string {
    const quoted = values.map((v) => JSON.stringify(v));
    return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/** Keys beginning with "_" are the usual way to comment JSON; they are ignored without a word. */
function isCommentKey(key: string): boolean {
    return key.startsWith("_");
}

function sortedJson(v: unknown): string {
    const sort = (x: unknown): unknown =>
        Array.isArray(x) ? x.map(sort) : isObject(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sort(x[k])])) : x;
    return JSON.stringify(sort(v));
}

function singleKey(i: { order?: Order; arrayConfig?: ArrayConfig; queryScope: QueryScope }): string {
    return `${i.order ?? i.arrayConfig ?? ""}/${i.queryScope}`;
}

class Reader {
    private readonly errors: string[] = [];
    private readonly warnings: string[] = [];
    private legacy = false;

    constructor(private readonly file: string) {}

    read(text: string): IndexFileReading {
        const indexFile = this.parse(text);
        return {
            file: this.file,
            errors: this.errors,
            warnings: this.warnings,
            indexFile: this.errors.length === 0 ? indexFile : null,
            legacyFormat: this.legacy,
        };
    }

    private error(path: string, problem: string): void {
        this.errors.push(path ? `${this.file}: ${path}: ${problem}` : `${this.file}: ${problem}`);
    }

    private warn(path: string, problem: string): void {
        this.warnings.push(path ? `${this.file}: ${path}: ${problem}` : `${this.file}: ${problem}`);
    }

    private parse(text: string): IndexFile | null {
        let root: unknown;
        try {
            const parsed = parseJsonWithComments(text);
            root = parsed.value;
            for (const p of parsed.duplicateKeys) this.warn(p, "the key is given twice in one object; JSON readers, the Firebase CLI's too, keep only the last value");
        } catch (e) {
            if (!(e instanceof JsonSyntaxError)) throw e;
            this.error("", `invalid JSON at line ${e.line}, column ${e.column}: ${e.problem}`);
            return null;
        }
        if (!isObject(root)) {
            this.error("", `expected an object {"indexes": [...], "fieldOverrides": [...]}, got ${show(root)}`);
            return null;
        }
        this.unknownKeys("", root, topKeys);
        if (!given(root["indexes"])) {
            this.error("indexes", 'is required (the Firebase CLI deploys nothing from a file without it); expected an array, "indexes": [] for none');
        } else if (!Array.isArray(root["indexes"])) {
            this.error("indexes", `expected an array of indexes, got ${show(root["indexes"])}`);
        }
        if (given(root["fieldOverrides"]) && !Array.isArray(root["fieldOverrides"])) {
            this.error("fieldOverrides", `expected an array of field overrides, got ${show(root["fieldOverrides"])}`);
        }
        const rawIndexes = Array.isArray(root["indexes"]) ? (root["indexes"] as unknown[]) : [];
        const rawOverrides = Array.isArray(root["fieldOverrides"]) ? (root["fieldOverrides"] as unknown[]) : [];

        const indexes: DeclaredIndex[] = [];
        const byId = new Map<string, DeclaredIndex>();
        rawIndexes.forEach((raw, i) => {
            const index = this.index(raw, i);
            if (!index) return;
            const first = byId.get(index.id);
            if (first) {
                this.error(index.entry, `the same index as ${first.entry} ${describeFields(first.fields)} on "${first.collectionGroup}"; expected each index once (Firestore refuses to create it twice), remove one`);
                return;
            }
            byId.set(index.id, index);
            indexes.push(index);
        });
        const fieldOverrides: FieldOverride[] = [];
        const byField = new Map<string, FieldOverride>();
        rawOverrides.forEach((raw, i) => {
            const override = this.override(raw, i);
            if (!override) return;
            const key = `${override.collectionGroup}\u0000${override.fieldPath}`;
            const earlier = byField.get(key);
            if (earlier) {
                this.warn(override.entry, `configures "${override.collectionGroup}.${override.fieldPath}" again after ${earlier.entry}; the Firebase CLI applies both in turn, so only this one takes effect: merge them into one`);
            }
            byField.set(key, override);
            fieldOverrides.push(override);
        });
        if (this.legacy) {
            this.warn("", 'uses the legacy v1beta1 format ("collectionId", fields with "mode"); the Firebase CLI still deploys it, upgraded, and `firebase firestore:indexes` prints the current format to save');
        }
        return { indexes, fieldOverrides };
    }

    private unknownKeys(path: string, obj: Json, known: readonly string[], except: readonly string[] = []): void {
        for (const key of Object.keys(obj)) {
            if (known.includes(key) || except.includes(key) || isCommentKey(key)) continue;
            this.warn(childPath(path, key), "is not a key of firestore.indexes.json; the Firebase CLI ignores it");
        }
    }

    private name(path: string, obj: Json, key: string, what: string): string | undefined {
        const v = obj[key];
        const at = childPath(path, key);
        if (!given(v)) {
            this.error(path, `no "${key}"; expected ${what}`);
            return undefined;
        }
        if (typeof v !== "string" || v.trim() === "") {
            this.error(at, `expected ${what}, got ${show(v)}`);
            return undefined;
        }
        return v;
    }

    private collectionGroup(path: string, obj: Json, allowLegacy: boolean): string | undefined {
        const what = 'a collection ID such as "meetings" (the last segment of the collection path)';
        let key = "collectionGroup";
        if (allowLegacy && !given(obj["collectionGroup"]) && given(obj["collectionId"])) {
            key = "collectionId";
            this.legacy = true;
        } else if (allowLegacy && given(obj["collectionId"])) {
            this.warn(childPath(path, "collectionId"), 'is ignored: the Firebase CLI uses "collectionGroup" when both are given');
        }
        const id = this.name(path, obj, key, what);
        if (id !== undefined && id.includes("/")) {
            this.error(childPath(path, key), `${show(id)} is a path; expected ${what}`);
            return undefined;
        }
        return id;
    }

    private enumValue<T extends string>(path: string, value: unknown, allowed: readonly T[], what: string): T | undefined {
        if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
        this.error(path, `${show(value)} is not ${what}; expected ${oneOf(allowed)}`);
        return undefined;
    }

    /** apiScope, density, multikey, unique: the same rules on indexes and on override entries. */
    private enterprise(path: string, obj: Json, into: { apiScope?: ApiScope; density?: Density; multikey?: boolean }, uniqueSupported: boolean): boolean {
        let ok = true;
        if (given(obj["apiScope"])) {
            const v = this.enumValue(childPath(path, "apiScope"), obj["apiScope"], apiScopes, "an API scope");
            if (v === undefined) ok = false;
            else into.apiScope = v;
        }
        if (given(obj["density"])) {
            const v = this.enumValue(childPath(path, "density"), obj["density"], densities, "an index density");
            if (v === undefined) ok = false;
            else into.density = v;
        }
        if (given(obj["multikey"])) {
            if (typeof obj["multikey"] !== "boolean") {
                this.error(childPath(path, "multikey"), `expected true or false, got ${show(obj["multikey"])}`);
                ok = false;
            } else {
                into.multikey = obj["multikey"];
            }
        }
        if (obj["unique"] !== undefined) {
            if (typeof obj["unique"] !== "boolean") {
                this.error(childPath(path, "unique"), `expected true or false, got ${show(obj["unique"])}`);
                ok = false;
            } else if (!uniqueSupported) {
                this.error(childPath(path, "unique"), 'the Firebase CLI refuses it ("The `unique` index configuration is not supported yet"); expected no "unique" key');
                ok = false;
            }
        }
        return ok;
    }

    private index(raw: unknown, i: number): DeclaredIndex | undefined {
        const path = `indexes[${i}]`;
        if (!isObject(raw)) {
            this.error(path, `expected an index object {"collectionGroup", "queryScope", "fields"}, got ${show(raw)}`);
            return undefined;
        }
        this.unknownKeys(path, raw, indexKeys);
        const errorsBefore = this.errors.length;
        const collectionGroup = this.collectionGroup(path, raw, true);
        // The CLI fills in a missing queryScope (legacy files have none) with COLLECTION.
        const queryScope = given(raw["queryScope"])
            ? this.enumValue(childPath(path, "queryScope"), raw["queryScope"], queryScopes, "a query scope")
            : "COLLECTION";
        const extra: { apiScope?: ApiScope; density?: Density; multikey?: boolean } = {};
        this.enterprise(path, raw, extra, false);

        const fieldsPath = childPath(path, "fields");
        const rawFields = raw["fields"];
        const fields: IndexField[] = [];
        if (!given(rawFields)) {
            this.error(path, 'no "fields"; expected the indexed fields, [{"fieldPath": ..., "order": "ASCENDING"}, ...]');
        } else if (!Array.isArray(rawFields) || rawFields.length === 0) {
            this.error(fieldsPath, `expected a non-empty array of fields, got ${show(rawFields)}`);
        } else {
            rawFields.forEach((f, j) => {
                const field = this.indexField(childPath(fieldsPath, j), f);
                if (field) fields.push(field);
            });
        }
        if (this.errors.length > errorsBefore || collectionGroup === undefined || queryScope === undefined) return undefined;

        const arrays = fields.filter((f) => f.arrayConfig);
        if (arrays.length > 1) {
            this.error(path, `has ${arrays.length} array fields (${arrays.map((f) => f.fieldPath).join(", ")}); expected at most one array field per composite index, as Firestore allows`);
            return undefined;
        }
        const canonical = canonicalFields(fields);
        const special = canonical.some((f) => f.vectorConfig || f.searchConfig);
        // Enterprise edition has no automatic single-field indexes, so one-field indexes are legitimate there.
        const enterprise = (extra.apiScope !== undefined && extra.apiScope !== "ANY_API") || extra.multikey !== undefined || extra.density === "DENSE" || extra.density === "SPARSE_ANY";
        if (canonical.length < 2 && !special && !enterprise) {
            const only = canonical[0];
            const fix = only
                ? `declare it as a single-field index in "fieldOverrides" ({"collectionGroup": "${collectionGroup}", "fieldPath": "${only.fieldPath}", "indexes": [...]})`
                : "remove it";
            this.error(path, `a composite index of one field ${describeFields(canonical)}, which Firestore refuses ("this index is not necessary, configure using single field index controls"); expected two fields or more: ${fix}`);
            return undefined;
        }
        const entry: IndexEntry = { collectionGroup, queryScope, fields: canonical, ...extra };
        return { ...entry, id: indexId(entry), entry: path };
    }

    private indexField(path: string, raw: unknown): IndexField | undefined {
        if (!isObject(raw)) {
            this.error(path, `expected a field object {"fieldPath", "order"|"arrayConfig"}, got ${show(raw)}`);
            return undefined;
        }
        const unknown = Object.keys(raw).filter((k) => !fieldKeys.includes(k) && !isCommentKey(k));
        const fieldPath = this.name(path, raw, "fieldPath", 'a field path such as "startsAt" or "owner.id"');
        const modes = modeKeys.filter((k) => given(raw[k]));
        let legacyMode: unknown;
        if (modes.length === 0 && given(raw["mode"])) {
            legacyMode = raw["mode"];
            this.legacy = true;
        } else if (given(raw["mode"])) {
            this.warn(childPath(path, "mode"), `is ignored: the Firebase CLI uses "${modes[0]}" when both are given`);
        }
        if (modes.length === 0 && legacyMode === undefined) {
            const seen = unknown.length ? ` (it has ${unknown.map((k) => `"${k}"`).join(", ")}, which the Firebase CLI does not read)` : "";
            this.error(path, `no index mode${seen}; expected exactly one of "order" (${oneOf(orders)}), "arrayConfig" ("CONTAINS"), "vectorConfig" or "searchConfig"`);
            return undefined;
        }
        for (const k of unknown) this.warn(childPath(path, k), "is not a key of firestore.indexes.json; the Firebase CLI ignores it");
        if (modes.length > 1) {
            this.error(path, `has both ${modes.map((m) => `"${m}"`).join(" and ")}; expected exactly one: an index field is either ordered, an array (CONTAINS), a vector or a search field`);
            return undefined;
        }
        if (fieldPath === undefined) return undefined;
        const field: IndexField = { fieldPath };
        if (legacyMode !== undefined) {
            const mode = this.enumValue(childPath(path, "mode"), legacyMode, legacyModes, "an index mode");
            if (mode === undefined) return undefined;
            if (mode === "ARRAY_CONTAINS") field.arrayConfig = "CONTAINS";
            else field.order = mode;
            return field;
        }
        const mode = modes[0]!;
        const at = childPath(path, mode);
        const value = raw[mode];
        if (mode === "order") {
            const order = this.enumValue(at, value, orders, "an order");
            if (order === undefined) return undefined;
            field.order = order;
        } else if (mode === "arrayConfig") {
            const config = this.enumValue(at, value, arrayConfigs, "an array config");
            if (config === undefined) return undefined;
            field.arrayConfig = config;
        } else if (mode === "vectorConfig") {
            if (!isObject(value) || typeof value["dimension"] !== "number" || !isObject(value["flat"])) {
                this.error(at, `expected {"dimension": <number>, "flat": {}}, got ${show(value)}`);
                return undefined;
            }
            field.vectorConfig = { dimension: value["dimension"], flat: value["flat"] };
        } else {
            if (!this.searchConfig(at, value)) return undefined;
            field.searchConfig = value as Json;
        }
        return field;
    }

    /** The shape the Firebase CLI checks: textSpec.indexSpecs[{indexType, matchType}], geoSpec.geoJsonIndexingDisabled. */
    private searchConfig(path: string, value: unknown): boolean {
        if (!isObject(value)) {
            this.error(path, `expected an object {"textSpec": ..., "geoSpec": ...}, got ${show(value)}`);
            return false;
        }
        let ok = true;
        const textSpec = value["textSpec"];
        if (given(textSpec)) {
            const specsPath = childPath(childPath(path, "textSpec"), "indexSpecs");
            const specs = isObject(textSpec) ? textSpec["indexSpecs"] : undefined;
            if (!Array.isArray(specs)) {
                this.error(specsPath, `expected an array of {"indexType", "matchType"}, got ${show(specs)}`);
                return false;
            }
            specs.forEach((spec: unknown, k) => {
                const at = childPath(specsPath, k);
                const s = isObject(spec) ? spec : {};
                if (this.enumValue(childPath(at, "indexType"), s["indexType"], textIndexTypes, "a text index type") === undefined) ok = false;
                if (this.enumValue(childPath(at, "matchType"), s["matchType"], textMatchTypes, "a text match type") === undefined) ok = false;
            });
        }
        const geoSpec = value["geoSpec"];
        if (isObject(geoSpec) && geoSpec["geoJsonIndexingDisabled"] !== undefined && typeof geoSpec["geoJsonIndexingDisabled"] !== "boolean") {
            this.error(childPath(childPath(path, "geoSpec"), "geoJsonIndexingDisabled"), `expected true or false, got ${show(geoSpec["geoJsonIndexingDisabled"])}`);
            ok = false;
        }
        return ok;
    }

    private override(raw: unknown, i: number): FieldOverride | undefined {
        const path = `fieldOverrides[${i}]`;
        if (!isObject(raw)) {
            this.error(path, `expected a field override {"collectionGroup", "fieldPath", "indexes"}, got ${show(raw)}`);
            return undefined;
        }
        const errorsBefore = this.errors.length;
        this.unknownKeys(path, raw, overrideKeys, ["ttlConfig", "fields"]);
        const collectionGroup = this.collectionGroup(path, raw, false);
        if (!given(raw["fieldPath"]) && Array.isArray(raw["fields"])) {
            this.error(path, 'no "fieldPath" (it has "fields", a shape the Firebase CLI does not read); expected one override per field: {"collectionGroup", "fieldPath", "indexes"}');
            return undefined;
        }
        const fieldPath = this.name(path, raw, "fieldPath", 'the field path whose single-field indexes this overrides, such as "expiresAt"');
        if (given(raw["fields"])) this.warn(childPath(path, "fields"), "is not a key of a field override; the Firebase CLI ignores it");
        let ttl: boolean | undefined;
        if (raw["ttl"] !== undefined) {
            if (typeof raw["ttl"] !== "boolean") this.error(childPath(path, "ttl"), `expected true or false, got ${show(raw["ttl"])}`);
            else ttl = raw["ttl"];
        }
        if (raw["ttlConfig"] !== undefined) {
            this.warn(childPath(path, "ttlConfig"), `is the REST API's name, which the Firebase CLI ignores: no TTL policy is deployed; write "ttl": true`);
        }
        const indexes: SingleFieldIndex[] = [];
        const rawIndexes = raw["indexes"];
        const indexesPath = childPath(path, "indexes");
        if (!given(rawIndexes)) {
            this.error(path, 'no "indexes"; expected the single-field indexes to keep, [] to exempt the field from single-field indexing');
        } else if (!Array.isArray(rawIndexes)) {
            this.error(indexesPath, `expected an array of single-field indexes, got ${show(rawIndexes)}`);
        } else {
            const seen = new Map<string, number>();
            rawIndexes.forEach((entry, j) => {
                const index = this.overrideIndex(childPath(indexesPath, j), entry, fieldPath);
                if (!index) return;
                const key = singleKey(index);
                const first = seen.get(key);
                if (first !== undefined) {
                    this.warn(childPath(indexesPath, j), `repeats ${childPath(indexesPath, first)} (${index.order ?? index.arrayConfig} in ${index.queryScope} scope); a field has each single-field index once`);
                    return;
                }
                seen.set(key, j);
                indexes.push(index);
            });
        }
        if (this.errors.length > errorsBefore || collectionGroup === undefined || fieldPath === undefined) return undefined;
        const override: FieldOverride = { collectionGroup, fieldPath, indexes, entry: path };
        if (ttl !== undefined) override.ttl = ttl;
        return override;
    }

    private overrideIndex(path: string, raw: unknown, fieldPath: string | undefined): SingleFieldIndex | undefined {
        if (!isObject(raw)) {
            this.error(path, `expected {"order"|"arrayConfig", "queryScope"}, got ${show(raw)}`);
            return undefined;
        }
        this.unknownKeys(path, raw, overrideIndexKeys, ["fieldPath"]);
        if (given(raw["fieldPath"])) {
            this.warn(childPath(path, "fieldPath"), `is ignored by the Firebase CLI, which indexes the override's own field ${show(fieldPath)}; to index ${show(raw["fieldPath"])}, give it a fieldOverride of its own`);
        }
        const modes = (["order", "arrayConfig"] as const).filter((k) => given(raw[k]));
        if (modes.length !== 1) {
            const problem = modes.length === 0 ? "no index mode" : 'has both "order" and "arrayConfig"';
            this.error(path, `${problem}; expected exactly one of "order" (${oneOf(orders)}) and "arrayConfig" ("CONTAINS")`);
            return undefined;
        }
        const queryScope = given(raw["queryScope"])
            ? this.enumValue(childPath(path, "queryScope"), raw["queryScope"], queryScopes, "a query scope")
            : "COLLECTION";
        const index: SingleFieldIndex = { queryScope: queryScope ?? "COLLECTION" };
        let ok = queryScope !== undefined;
        if (modes[0] === "order") {
            const order = this.enumValue(childPath(path, "order"), raw["order"], orders, "an order");
            if (order === undefined) ok = false;
            else index.order = order;
        } else {
            const config = this.enumValue(childPath(path, "arrayConfig"), raw["arrayConfig"], arrayConfigs, "an array config");
            if (config === undefined) ok = false;
            else index.arrayConfig = config;
        }
        if (!this.enterprise(path, raw, index, true)) ok = false;
        return ok ? index : undefined;
    }
}
