/**
 * A Firestore query as the queries manifest describes it, and the limits Firestore documents
 * for queries (firebase.google.com/docs/firestore/query-data/queries, "Query limitations";
 * .../multiple-range-fields, "Limitations"), so a manifest entry Firestore would refuse to
 * run is reported instead of judged for index coverage.
 */

export const queryOperators = ["==", "!=", "<", "<=", ">", ">=", "in", "not-in", "array-contains", "array-contains-any"] as const;
export const sortDirections = ["asc", "desc"] as const;

export type QueryOperator = (typeof queryOperators)[number];
export type SortDirection = (typeof sortDirections)[number];

export interface WhereClause {
    field: string;
    op: QueryOperator;
    /** Optional: only its length matters here (in, not-in, array-contains-any). */
    value?: unknown;
}

export interface OrderClause {
    field: string;
    direction: SortDirection;
}

export interface Query {
    id: string;
    /** A collection ID ("meetings") or path ("tenants/{tenantId}/meetings"); the last segment is what indexes name. */
    collection: string;
    /** true: a collection group query over every collection with that ID. */
    collectionGroup: boolean;
    where: WhereClause[];
    orderBy: OrderClause[];
}

/** Filters an index serves like equality: a fixed value (or list of values) in one index range. */
export const equalityOperators: readonly QueryOperator[] = ["==", "in"];
/** Filters served by an array field's CONTAINS index entries. */
export const arrayOperators: readonly QueryOperator[] = ["array-contains", "array-contains-any"];
/** Range and inequality filters: the field joins the query's order (StructuredQuery.order_by). */
export const inequalityOperators: readonly QueryOperator[] = ["!=", "<", "<=", ">", ">=", "not-in"];

/** Firestore's documented per-query limits. */
export const queryLimits = {
    /** Range and inequality filters on at most this many fields (multiple-range-fields, Limitations). */
    inequalityFields: 10,
    /** in and array-contains-any: at most this many values each. */
    inValues: 30,
    /** not-in: at most this many values. */
    notInValues: 10,
    /** The disjunctive normal form of the filters has at most this many disjunctions. */
    disjunctions: 30,
} as const;

/** The collection ID the query's indexes are declared on. */
export function collectionIdOf(q: Query): string {
    const segments = q.collection.split("/");
    return segments[segments.length - 1]!;
}

/**
 * What Firestore would refuse about this query, one line each, relative to the entry
 * (`where[2]: ...`), each saying what to change.
 */
export function queryProblems(q: Query): string[] {
    const problems: string[] = [];
    const segments = q.collection.split("/");
    if (segments.some((s) => s.trim() === "")) {
        problems.push(`collection: ${JSON.stringify(q.collection)} has an empty segment; expected a collection ID such as "meetings" or a path such as "tenants/{tenantId}/meetings"`);
    } else if (q.collectionGroup && segments.length > 1) {
        problems.push(`collection: a collection group query names a collection ID, not a path; expected ${JSON.stringify(collectionIdOf(q))}`);
    } else if (segments.length % 2 === 0) {
        problems.push(`collection: ${JSON.stringify(q.collection)} is a document path (an even number of segments); expected a collection path such as "tenants/{tenantId}/meetings"`);
    }

    const clauses = q.where.map((w, i) => ({ ...w, at: `where[${i}]` }));
    const arrays = clauses.filter((w) => arrayOperators.includes(w.op));
    for (const extra of arrays.slice(1)) {
        problems.push(`${extra.at}: a second array filter (after ${arrays[0]!.at} "${arrays[0]!.op}"); Firestore allows one array-contains or array-contains-any per query`);
    }
    const notIn = clauses.filter((w) => w.op === "not-in");
    for (const extra of notIn.slice(1)) problems.push(`${extra.at}: a second "not-in" filter; Firestore allows one per query`);
    if (notIn.length > 0) {
        for (const w of clauses.filter((c) => c.op === "in" || c.op === "array-contains-any" || c.op === "!=")) {
            problems.push(`${w.at}: "${w.op}" cannot be combined with "not-in" (${notIn[0]!.at}) in one query; split the query or filter in the app`);
        }
    }
    const inequalityFields = new Set(clauses.filter((w) => inequalityOperators.includes(w.op) && w.field !== "__name__").map((w) => w.field));
    if (inequalityFields.size > queryLimits.inequalityFields) {
        problems.push(`where: range or inequality filters on ${inequalityFields.size} fields; Firestore allows at most ${queryLimits.inequalityFields}`);
    }
    let disjunctions = 1;
    for (const w of clauses) {
        if (w.op !== "in" && w.op !== "not-in" && w.op !== "array-contains-any") continue;
        if (w.value === undefined) continue;
        const max = w.op === "not-in" ? queryLimits.notInValues : queryLimits.inValues;
        if (!Array.isArray(w.value) || w.value.length === 0 || w.value.length > max) {
            problems.push(`${w.at}.value: "${w.op}" takes a list of 1 to ${max} values; got ${Array.isArray(w.value) ? `${w.value.length} values` : JSON.stringify(w.value)}`);
            continue;
        }
        if (w.op !== "not-in") disjunctions *= w.value.length;
    }
    if (disjunctions > queryLimits.disjunctions) {
        problems.push(`where: the "in" and "array-contains-any" values make ${disjunctions} combinations; Firestore allows at most ${queryLimits.disjunctions} disjunctions per query`);
    }

    const equality = new Map(clauses.filter((w) => equalityOperators.includes(w.op)).map((w) => [w.field, w]));
    const ordered = new Map<string, number>();
    q.orderBy.forEach((o, k) => {
        const first = ordered.get(o.field);
        if (first !== undefined) {
            problems.push(`orderBy[${k}]: orders by "${o.field}" again (orderBy[${first}]); remove one`);
            return;
        }
        ordered.set(o.field, k);
        const eq = equality.get(o.field);
        if (eq) {
            problems.push(`orderBy[${k}]: orders by "${o.field}", which ${eq.at} filters with "${eq.op}"; Firestore does not order by a field in an equality or in filter: remove this orderBy`);
        }
    });
    return problems;
}
