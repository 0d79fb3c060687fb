/**
 * Index coverage of a stack: the queries a Firestore component recorded, against the Index
 * and Field resources the stack declares for its database. Shared by the policy
 * firestore-query-missing-index and by `npm run plan`'s report, so both say the same.
 */
import { checkCoverage, type Coverage } from "./index-coverage";
import { declaredIndexes, type StackResource } from "./declared-indexes";
import { readGateRecord, type FirestoreGateRecord } from "./gate-record";
import { databaseId, defaultDatabaseId, firestoreTypes, sameProject } from "./resources";

export interface StackCoverage {
    record: FirestoreGateRecord | null;
    /** Every query's coverage, when the record and the declared indexes could be read. */
    results: Coverage[];
    /** One message per uncovered query, or per reason the queries could not be judged. */
    violations: string[];
}

function suggestion(c: Coverage, record: FirestoreGateRecord): string {
    const s = c.suggested!;
    const file = record.indexesFile ?? "a firestore.indexes.json named by golive:firestore.indexesFile";
    // The entry the file has for that field, whatever the resource that declares it is called.
    const where = s.section === "fieldOverrides" && s.replaces
        ? `Replace the "fieldOverrides" entry of ${s.entry.collectionGroup}.${s.entry.fieldPath} in ${file} with`
        : `Add to "${s.section}" of ${file}:`;
    return `${where} ${JSON.stringify(s.entry)}`;
}

export function checkQueriesOfStack(component: StackResource, resources: readonly StackResource[]): StackCoverage {
    const { record, problems } = readGateRecord(component.props);
    const name = `Firestore component ${component.name}`;
    if (!record) {
        return { record, results: [], violations: [`${name}: cannot read the queries it records (${problems.join("; ")}), so the indexes cannot be checked against them. Plan the stack with this version of golive.`] };
    }
    const db = `Firestore database "${record.database}"`;
    if (record.queriesFile === null) {
        return {
            record,
            results: [],
            violations: [`${db} has no queries manifest, so nothing says its indexes serve the app's queries and "needs index" errors show up only in production. List every query the app sends in a manifest and name it in golive:firestore.queriesFile.`],
        };
    }
    const dbResource = resources.find((r) => r.type === firestoreTypes.database && (databaseId(r.props) ?? defaultDatabaseId) === record.database && sameProject(r.props, { project: record.project }));
    const declared = declaredIndexes(resources, record.database, dbResource?.props ?? { project: record.project });
    if (!declared.indexFile) {
        return {
            record,
            results: [],
            violations: [`${db}: the queries of ${record.queriesFile} cannot be checked while an index definition is invalid (${declared.problems[0]?.message ?? "unknown"}${declared.problems.length > 1 ? `, and ${declared.problems.length - 1} more` : ""}). Fix the definitions firestore-index-enforce-definition names.`],
        };
    }
    const results = record.queries.map((q) => checkCoverage(q, declared.indexFile!));
    const violations = results
        .filter((c) => !c.covered)
        .map((c) => `Firestore query "${c.id}" (${record.queriesFile}) on ${db}: ${declared.relabel(c.reason)}, so the app gets a "needs index" error. ${suggestion(c, record)}`);
    return { record, results: results.map((c) => ({ ...c, reason: declared.relabel(c.reason) })), violations };
}
