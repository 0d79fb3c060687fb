/**
 * What golive's Firestore component records for the gate in its registered outputs: the
 * database it declares and the queries of the stack's manifest.
 *
 * Why outputs of the component: the engine sends every resource of the stack, components
 * included, to AnalyzeStack with the outputs it registered (`registerOutputs`), in a real
 * `pulumi preview` as offline; plain data is known during preview; and no cloud resource
 * gets an input its provider does not know. A stack export keeps them too, so
 * `analyze --file` judges the same.
 */
import type { Json } from "../lib";
import { queryOperators, queryProblems, sortDirections, type Query } from "./query";

export interface FirestoreGateRecord {
    /** The database id the component declares. */
    database: string;
    /** Its project, when given. */
    project: string | null;
    /** The firestore.indexes.json the indexes came from, as the stack config names it. */
    indexesFile: string | null;
    /** The queries manifest, as the stack config names it; null when the stack names none. */
    queriesFile: string | null;
    /** Every query of the manifest. */
    queries: Query[];
}

const isObject = (v: unknown): v is Record<string, Json> => v !== null && typeof v === "object" && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v !== "";
const textOrNull = (v: unknown): string | null => (isText(v) ? v : null);

function query(raw: unknown, at: string, problems: string[]): Query | undefined {
    if (!isObject(raw) || !isText(raw["id"]) || !isText(raw["collection"]) || typeof raw["collectionGroup"] !== "boolean"
        || !Array.isArray(raw["where"]) || !Array.isArray(raw["orderBy"])) {
        problems.push(`${at}: expected {id, collection, collectionGroup, where: [...], orderBy: [...]}`);
        return undefined;
    }
    const where: Query["where"] = [];
    const orderBy: Query["orderBy"] = [];
    let ok = true;
    (raw["where"] as unknown[]).forEach((w, i) => {
        if (isObject(w) && isText(w["field"]) && (queryOperators as readonly unknown[]).includes(w["op"])) {
            where.push(w["value"] === undefined ? { field: w["field"], op: w["op"] } : { field: w["field"], op: w["op"], value: w["value"] });
        } else {
            problems.push(`${at}.where[${i}]: expected {field, op} with op one of ${queryOperators.join(", ")}`);
            ok = false;
        }
    });
    (raw["orderBy"] as unknown[]).forEach((o, i) => {
        if (isObject(o) && isText(o["field"]) && (sortDirections as readonly unknown[]).includes(o["direction"])) {
            orderBy.push({ field: o["field"], direction: o["direction"] });
        } else {
            problems.push(`${at}.orderBy[${i}]: expected {field, direction: "asc"|"desc"}`);
            ok = false;
        }
    });
    if (!ok) return undefined;
    const q: Query = { id: raw["id"], collection: raw["collection"], collectionGroup: raw["collectionGroup"], where, orderBy };
    const refused = queryProblems(q);
    for (const p of refused) problems.push(`${at} (${q.id}): ${p}`);
    return refused.length ? undefined : q;
}

/**
 * The record in a Firestore component's outputs, or what is wrong with it (a hand-edited
 * export, a component of another version). Each problem names the output key.
 */
export function readGateRecord(outputs: Json): { record: FirestoreGateRecord | null; problems: string[] } {
    const problems: string[] = [];
    if (!isText(outputs?.database)) problems.push("database: expected the database id the component declares");
    const rawQueries: unknown = outputs?.queries;
    const queries: Query[] = [];
    if (!Array.isArray(rawQueries)) {
        problems.push("queries: expected the list of the manifest's queries");
    } else {
        rawQueries.forEach((raw, i) => {
            const q = query(raw, `queries[${i}]`, problems);
            if (q) queries.push(q);
        });
    }
    if (problems.length) return { record: null, problems };
    return {
        record: {
            database: outputs.database,
            project: textOrNull(outputs.project),
            indexesFile: textOrNull(outputs.indexesFile),
            queriesFile: textOrNull(outputs.queriesFile),
            queries,
        },
        problems,
    };
}

/** The outputs the component registers: the record, in the shape readGateRecord reads back. */
export function gateRecordOutputs(record: FirestoreGateRecord): Record<string, unknown> {
    return {
        database: record.database,
        project: record.project,
        indexesFile: record.indexesFile,
        queriesFile: record.queriesFile,
        queries: record.queries.map((q) => ({
            id: q.id,
            collection: q.collection,
            collectionGroup: q.collectionGroup,
            where: q.where.map((w) => (w.value === undefined ? { field: w.field, op: w.op } : { field: w.field, op: w.op, value: w.value })),
            orderBy: q.orderBy.map((o) => ({ field: o.field, direction: o.direction })),
        })),
    };
}
