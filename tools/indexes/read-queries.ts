/**
 * The queries manifest (JSON or YAML): a list of {id, collection, collectionGroup, where,
 * orderBy}. Its shape is checked with zod, then each query against the limits Firestore
 * documents for queries; every problem is one line naming the file and the entry.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { JsonSyntaxError, parseJsonWithComments } from "../../policies/firestore/json-with-comments";
import { queryOperators, queryProblems, sortDirections, type Query } from "../../policies/firestore/query";
import { InputError } from "../cli/errors";

const whereSchema = z.strictObject({
    field: z.string().min(1),
    op: z.enum(queryOperators),
    value: z.unknown().optional(),
});

const orderBySchema = z.strictObject({
    field: z.string().min(1),
    // The SDKs' default direction.
    direction: z.enum(sortDirections).default("asc"),
});

const querySchema = z.strictObject({
    id: z.string().min(1),
    collection: z.string().min(1),
    collectionGroup: z.boolean().default(false),
    where: z.array(whereSchema).default([]),
    orderBy: z.array(orderBySchema).default([]),
});

export const queriesManifestSchema = z.array(querySchema);

const shape = '[{"id", "collection", "collectionGroup": false, "where": [{"field", "op", "value"}], "orderBy": [{"field", "direction"}]}]';

/** Reads and validates a manifest file; throws InputError with one line per problem. */
export function readQueriesFile(file: string): Query[] {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new InputError(`${file}: cannot read the queries manifest: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    return parseQueries(text, file);
}

export function parseQueries(text: string, file: string): Query[] {
    const data = parseText(text, file);
    if (!Array.isArray(data)) {
        const hint = data !== null && typeof data === "object" && "queries" in data ? ' (the queries go at the top level, not under "queries")' : "";
        throw new InputError(`${file}: expected a list of queries${hint}, ${shape}`);
    }
    if (data.length === 0) throw new InputError(`${file}: lists no queries; expected at least one, ${shape}`);
    const problems: string[] = [];
    const label = (i: number) => {
        const id = (data[i] as { id?: unknown } | null)?.id;
        return typeof id === "string" && id !== "" ? `[${i}] ${id}` : `[${i}]`;
    };
    const result = queriesManifestSchema.safeParse(data);
    if (!result.success) {
        for (const issue of result.error.issues) {
            const [index, ...rest] = issue.path;
            const entry = typeof index === "number" ? label(index) : "queries";
            if (issue.code === "unrecognized_keys") {
                for (const key of issue.keys) problems.push(`${file}: ${entry}: ${formatPath([...rest, key])}: ${unknownKey(rest)}`);
                continue;
            }
            problems.push(`${file}: ${entry}: ${formatPath(rest) || "entry"}: ${issueMessage(issue, valueAt(data, issue.path))}`);
        }
        throw new InputError(problems.join("\n"));
    }
    const seen = new Map<string, number>();
    result.data.forEach((q, i) => {
        const first = seen.get(q.id);
        if (first !== undefined) problems.push(`${file}: ${label(i)}: id: also the id of [${first}]; expected each query id once`);
        else seen.set(q.id, i);
        for (const p of queryProblems(q)) problems.push(`${file}: ${label(i)}: ${p}`);
    });
    if (problems.length) throw new InputError(problems.join("\n"));
    return result.data;
}

function parseText(text: string, file: string): unknown {
    if (path.extname(file).toLowerCase() === ".json") {
        try {
            return parseJsonWithComments(text).value;
        } catch (e) {
            if (e instanceof JsonSyntaxError) throw new InputError(`${file}: invalid JSON at line ${e.line}, column ${e.column}: ${e.problem}`);
            throw e;
        }
    }
    const lines = new LineCounter();
    const doc = parseDocument(text, { prettyErrors: false, lineCounter: lines });
    if (doc.errors.length) {
        throw new InputError(
            doc.errors
                .map((e) => {
                    const { line, col } = lines.linePos(e.pos[0]);
                    return `${file}: invalid YAML at line ${line}, column ${col}: ${e.message.split("\n")[0]}`;
                })
                .join("\n"),
        );
    }
    return doc.toJS() as unknown;
}

function formatPath(path: readonly PropertyKey[]): string {
    let out = "";
    for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
    return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
    let v = root;
    for (const p of path) {
        if (v === null || typeof v !== "object") return undefined;
        v = (v as Record<PropertyKey, unknown>)[p];
    }
    return v;
}

function show(v: unknown): string {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function unknownKey(objectPath: readonly PropertyKey[]): string {
    const keys = objectPath.length === 0 ? Object.keys(querySchema.shape) : objectPath[0] === "where" ? Object.keys(whereSchema.shape) : Object.keys(orderBySchema.shape);
    return `unknown key; expected one of ${keys.join(", ")}`;
}

function issueMessage(issue: z.core.$ZodIssue, got: unknown): string {
    switch (issue.code) {
        case "invalid_type":
            return got === undefined ? `is required (expected ${issue.expected})` : `expected ${issue.expected}, got ${show(got)}`;
        case "invalid_value": {
            const expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
            return got === undefined ? `is required (expected ${expected})` : `${show(got)} is not allowed; expected ${expected}`;
        }
        case "too_small":
            return `is empty; expected a non-empty ${issue.origin}`;
        default:
            return issue.message;
    }
}
