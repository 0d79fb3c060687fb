/**
 * Does an index serve this query? Firestore's documented rules (Standard edition), decided
 * from the query and firestore.indexes.json alone:
 *
 * - The order a query is served in (StructuredQuery.order_by, Firestore API reference): its
 *   orderBy clauses, then every field of a range or inequality filter (<, <=, >, >=, !=,
 *   not-in) not already ordered, by field name, then `__name__`; appended fields take the
 *   direction of the last orderBy, or ascending. Several inequality fields are allowed
 *   (query-data/multiple-range-fields).
 * - An index serves a query when its fields are the query's equality fields (==, in; any
 *   direction) and array fields (array-contains, array-contains-any; CONTAINS), in any order,
 *   followed by exactly that order, `__name__` included: every index ends with an implicit
 *   `__name__` in the direction of its last ordered field (index-overview, "Default ordering
 *   and the __name__ field").
 * - Automatic single-field indexes: ascending, descending and array-contains for every field,
 *   in collection scope only; a fieldOverride replaces them with exactly its list, `[]`
 *   exempts the field, and a map field's override applies to its subfields
 *   (index-overview, "Single-field indexes", "Single-field index exemptions").
 * - Index merging: a query with only equality and array filters, and optionally an orderBy,
 *   can be served by several indexes that each hold some of its equality fields followed by
 *   the same order (index-overview, "Index merging"; queries, "Compound (AND) queries": ==
 *   and array-contains chain on automatic indexes). Merging is not assumed for queries with
 *   range or inequality filters, where Firestore documents no merge.
 * - Scope: a collection group query needs indexes of COLLECTION_GROUP scope, a collection
 *   query indexes of COLLECTION scope.
 */
import {
    canonicalFields,
    describeFields,
    implicitNameOrder,
    nameField,
    toIndexEntry,
    type DeclaredIndex,
    type FieldOverride,
    type FieldOverrideEntry,
    type IndexEntry,
    type IndexField,
    type IndexFile,
    type Order,
    type QueryScope,
    type SingleFieldIndex,
} from "./indexes-file";
import { arrayOperators, collectionIdOf, equalityOperators, inequalityOperators, type Query } from "./query";

export interface OrderTerm {
    fieldPath: string;
    order: Order;
}

export type Suggestion =
    | { section: "indexes"; entry: IndexEntry }
    /** `replaces`: the override of the same field this entry takes the place of, if the file has one. */
    | { section: "fieldOverrides"; entry: FieldOverrideEntry; replaces?: string };

export interface Coverage {
    id: string;
    /** The single-field indexes the file leaves in place (automatic ones, as fieldOverrides change them) do not serve it. */
    needsComposite: boolean;
    /** Served, by single-field indexes or by declared indexes. */
    covered: boolean;
    /** The declared index that serves it (the first, when several are merged); null when single-field indexes do, or nothing does. */
    coveredBy: DeclaredIndex | null;
    /** Every declared index the query uses: one, or several merged. */
    using: DeclaredIndex[];
    /** The entry to add to firestore.indexes.json when not covered. */
    suggested: Suggestion | null;
    /** One line for people: what serves it, or what is missing. */
    reason: string;
}

/** What Firestore creates for every field unless a fieldOverride says otherwise. */
export const automaticSingleFieldIndexes: readonly SingleFieldIndex[] = [
    { order: "ASCENDING", queryScope: "COLLECTION" },
    { order: "DESCENDING", queryScope: "COLLECTION" },
    { arrayConfig: "CONTAINS", queryScope: "COLLECTION" },
];

const asOrder = (direction: "asc" | "desc"): Order => (direction === "asc" ? "ASCENDING" : "DESCENDING");

/** The order Firestore serves the query in, `__name__` last (see the header). */
export function effectiveOrder(q: Query): OrderTerm[] {
    const terms: OrderTerm[] = q.orderBy.map((o) => ({ fieldPath: o.field, order: asOrder(o.direction) }));
    const last = terms[terms.length - 1]?.order ?? "ASCENDING";
    const ordered = new Set(terms.map((t) => t.fieldPath));
    const inequality = [...new Set(q.where.filter((w) => inequalityOperators.includes(w.op) && w.field !== nameField).map((w) => w.field))]
        .filter((f) => !ordered.has(f))
        .sort(compareFieldPaths);
    for (const f of inequality) terms.push({ fieldPath: f, order: last });
    if (!ordered.has(nameField)) terms.push({ fieldPath: nameField, order: last });
    return terms;
}

/** Field names compared segment by segment, as Firestore orders field paths. */
function compareFieldPaths(a: string, b: string): number {
    const as = a.split(".");
    const bs = b.split(".");
    for (let i = 0; i < Math.min(as.length, bs.length); i++) {
        if (as[i]! !== bs[i]!) return as[i]! < bs[i]! ? -1 : 1;
    }
    return as.length - bs.length;
}

/**
 * The single-field indexes a field has: those of the last fieldOverride for it, else of the
 * nearest map field above it that has one, else the automatic ones.
 */
export function singleFieldIndexesOf(file: IndexFile, collectionGroup: string, fieldPath: string): { indexes: readonly SingleFieldIndex[]; from: FieldOverride | null } {
    const segments = fieldPath.split(".");
    for (let n = segments.length; n > 0; n--) {
        const path = segments.slice(0, n).join(".");
        const override = file.fieldOverrides.filter((o) => o.collectionGroup === collectionGroup && o.fieldPath === path).pop();
        if (override) return { indexes: override.indexes, from: override };
    }
    return { indexes: automaticSingleFieldIndexes, from: null };
}

interface Slot {
    fieldPath: string;
    order?: Order;
    contains?: boolean;
}

interface Candidate {
    slots: Slot[];
    label: string;
    declared?: DeclaredIndex;
}

interface Need {
    key: string;
    fieldPath: string;
    contains: boolean;
}

const needKey = (fieldPath: string, contains: boolean) => `${contains ? "C" : "V"}:${fieldPath}`;

export function checkCoverage(q: Query, file: IndexFile): Coverage {
    const collectionGroup = collectionIdOf(q);
    const scope: QueryScope = q.collectionGroup ? "COLLECTION_GROUP" : "COLLECTION";
    const order = effectiveOrder(q);
    const orderedFields = new Set(order.map((t) => t.fieldPath));
    const inequality = q.where.some((w) => inequalityOperators.includes(w.op) && w.field !== nameField);

    // Equality and array filters: the index prefix. A value filter on a field the order already
    // holds is served by that part of the index. Filters on __name__ are served by the
    // `__name__` every index ends with.
    const needs = new Map<string, Need>();
    for (const w of q.where) {
        if (w.field === nameField) continue;
        const contains = arrayOperators.includes(w.op);
        if (!contains && !equalityOperators.includes(w.op)) continue;
        if (!contains && orderedFields.has(w.field)) continue;
        const key = needKey(w.field, contains);
        if (!needs.has(key)) needs.set(key, { key, fieldPath: w.field, contains });
    }
    const equal = [...needs.values()];

    const singleField = singleFieldCandidates(file, collectionGroup, scope, [...new Set([...equal.map((n) => n.fieldPath), ...orderedFields])]);
    const declared = file.indexes.filter((i) => i.collectionGroup === collectionGroup && i.queryScope === scope && servesQueries(i)).map(declaredCandidate);

    const automatic = cover(singleField, equal, order, inequality);
    if (automatic) {
        return { id: q.id, needsComposite: false, covered: true, coveredBy: null, using: [], suggested: null, reason: explain(automatic) };
    }
    const withDeclared = cover([...declared, ...singleField], equal, order, inequality);
    if (withDeclared) {
        const using = withDeclared.flatMap((c) => (c.declared ? [c.declared] : []));
        return { id: q.id, needsComposite: true, covered: true, coveredBy: using[0] ?? null, using, suggested: null, reason: explain(withDeclared) };
    }
    const suggested = suggest(file, collectionGroup, scope, equal, order);
    const fields = suggested.section === "indexes" ? describeFields(suggested.entry.fields) : describeFields([{ fieldPath: suggested.entry.fieldPath, ...lastIndex(suggested.entry) }]);
    const notes = exemptionNotes(file, collectionGroup, scope, [...new Set([...equal.map((n) => n.fieldPath), ...orderedFields])]);
    const reason = `no index serves it: needs ${fields} on "${collectionGroup}" in ${scope} scope${notes.length ? `; ${notes.join("; ")}` : ""}`;
    return { id: q.id, needsComposite: true, covered: false, coveredBy: null, using: [], suggested, reason };
}

/** Vector and search indexes serve other kinds of query; Datastore- and MongoDB-API indexes serve other APIs. */
function servesQueries(i: DeclaredIndex): boolean {
    return (i.apiScope === undefined || i.apiScope === "ANY_API") && i.fields.every((f) => f.order !== undefined || f.arrayConfig !== undefined);
}

function slotsOf(fields: readonly IndexField[]): Slot[] {
    const slots: Slot[] = fields.map((f) => (f.arrayConfig ? { fieldPath: f.fieldPath, contains: true } : { fieldPath: f.fieldPath, order: f.order! }));
    if (slots[slots.length - 1]?.fieldPath !== nameField) slots.push({ fieldPath: nameField, order: implicitNameOrder(fields) });
    return slots;
}

function declaredCandidate(index: DeclaredIndex): Candidate {
    return { slots: slotsOf(index.fields), label: `declared ${index.entry} ${describeFields(index.fields)}`, declared: index };
}

function singleFieldCandidates(file: IndexFile, collectionGroup: string, scope: QueryScope, fieldPaths: string[]): Candidate[] {
    // The document-name index every collection has: a query with no field filter or order.
    const out: Candidate[] = (["ASCENDING", "DESCENDING"] as const).map((order) => ({ slots: [{ fieldPath: nameField, order }], label: "the built-in document-name index" }));
    for (const fieldPath of fieldPaths) {
        if (fieldPath === nameField) continue;
        const { indexes, from } = singleFieldIndexesOf(file, collectionGroup, fieldPath);
        for (const i of indexes) {
            if (i.queryScope !== scope || (i.apiScope !== undefined && i.apiScope !== "ANY_API")) continue;
            const field: IndexField = i.order ? { fieldPath, order: i.order } : { fieldPath, arrayConfig: "CONTAINS" };
            const label = from ? `single-field index ${describeFields([field])} of ${from.entry}` : `automatic single-field index ${describeFields([field])}`;
            out.push({ slots: slotsOf([field]), label });
        }
    }
    return out;
}

/** The query's equality needs an index's prefix holds, or null when the index does not fit. */
function fit(c: Candidate, equal: readonly Need[], order: readonly OrderTerm[]): Set<string> | null {
    const k = c.slots.length - order.length;
    if (k < 0) return null;
    for (let i = 0; i < order.length; i++) {
        const s = c.slots[k + i]!;
        if (s.contains || s.fieldPath !== order[i]!.fieldPath || s.order !== order[i]!.order) return null;
    }
    const wanted = new Set(equal.map((n) => n.key));
    const held = new Set<string>();
    for (const s of c.slots.slice(0, k)) {
        const key = needKey(s.fieldPath, s.contains === true);
        if (!wanted.has(key) || held.has(key)) return null;
        held.add(key);
    }
    return held;
}

/** The indexes that together serve the query, fewest first, or null. */
function cover(candidates: readonly Candidate[], equal: readonly Need[], order: readonly OrderTerm[], inequality: boolean): Candidate[] | null {
    const fits = candidates.flatMap((c) => {
        const held = fit(c, equal, order);
        return held ? [{ c, held }] : [];
    });
    const whole = fits.find((f) => f.held.size === equal.length);
    if (whole) return [whole.c];
    if (inequality || fits.length === 0) return null;
    const left = new Set(equal.map((n) => n.key));
    const used: Candidate[] = [];
    while (left.size > 0) {
        let best: { c: Candidate; gain: number } | null = null;
        for (const f of fits) {
            const gain = [...f.held].filter((k) => left.has(k)).length;
            if (gain > (best?.gain ?? 0)) best = { c: f.c, gain };
        }
        if (!best) return null;
        used.push(best.c);
        for (const k of fits.find((f) => f.c === best.c)!.held) left.delete(k);
    }
    return used;
}


function explain(used: readonly Candidate[]): string {
    return used.length === 1 ? used[0]!.label : `merges ${used.map((c) => c.label).join(" and ")}`;
}

function lastIndex(entry: FieldOverrideEntry): Pick<IndexField, "order" | "arrayConfig"> {
    const i = entry.indexes[entry.indexes.length - 1]!;
    return i.order ? { order: i.order } : { arrayConfig: "CONTAINS" };
}

function suggest(file: IndexFile, collectionGroup: string, scope: QueryScope, equal: readonly Need[], order: readonly OrderTerm[]): Suggestion {
    // Equality fields may have either direction; when only __name__ follows, take its
    // direction so that one field can be a single-field index.
    const onlyName = order.length === 1;
    const equalOrder: Order = onlyName ? order[0]!.order : "ASCENDING";
    const fields: IndexField[] = equal.map((n) => (n.contains ? { fieldPath: n.fieldPath, arrayConfig: "CONTAINS" } : { fieldPath: n.fieldPath, order: equalOrder }));
    for (const t of order) fields.push({ fieldPath: t.fieldPath, order: t.order });
    const canonical = canonicalFields(fields);
    if (canonical.length !== 1) return { section: "indexes", entry: toIndexEntry({ collectionGroup, queryScope: scope, fields: canonical }) };

    // One field: Firestore refuses a one-field composite index; the field's single-field
    // indexes gain the one needed, keeping those it has.
    const only = canonical[0]!;
    const { indexes, from } = singleFieldIndexesOf(file, collectionGroup, only.fieldPath);
    const needed: SingleFieldIndex = only.arrayConfig ? { arrayConfig: "CONTAINS", queryScope: scope } : { order: only.order!, queryScope: scope };
    const exact = from && from.fieldPath === only.fieldPath ? from : null;
    const entry: FieldOverrideEntry = {
        collectionGroup,
        fieldPath: only.fieldPath,
        ...(exact?.ttl !== undefined ? { ttl: exact.ttl } : {}),
        indexes: [...indexes.map((i) => ({ ...i })), needed],
    };
    return exact ? { section: "fieldOverrides", entry, replaces: exact.entry } : { section: "fieldOverrides", entry };
}

function exemptionNotes(file: IndexFile, collectionGroup: string, scope: QueryScope, fieldPaths: string[]): string[] {
    const notes: string[] = [];
    for (const fieldPath of fieldPaths) {
        if (fieldPath === nameField) continue;
        const { indexes, from } = singleFieldIndexesOf(file, collectionGroup, fieldPath);
        if (!from) continue;
        const inScope = indexes.filter((i) => i.queryScope === scope);
        const what = indexes.length === 0 ? "is exempted from single-field indexing" : inScope.length === 0 ? `has no single-field index in ${scope} scope` : `keeps only ${inScope.map((i) => i.order ?? i.arrayConfig).join(" and ")} in ${scope} scope`;
        notes.push(`"${fieldPath}" ${what} (${from.entry}${from.fieldPath !== fieldPath ? `, on "${from.fieldPath}"` : ""})`);
    }
    return notes;
}
