/**
 * The plan's report line on Firestore index coverage: for each Firestore component planned,
 * whether every query of the stack's manifest is served by the indexes the plan declares,
 * decided by the same code as the policy firestore-query-missing-index (which is what
 * fails the gate), so the report and the verdict agree.
 */
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { checkQueriesOfStack, type StackResource } from "../../policies/firestore";
import { firestoreTypes } from "../../policies/firestore/resources";
import { urnName, type EngineResource } from "../analyzer/resource";

export function firestoreCoverageNotes(resources: readonly EngineResource[]): string[] {
    const stack: StackResource[] = resources.map((r) => ({ type: r.type, name: urnName(r.urn), props: r.outputs, urn: r.urn }));
    const judged = new Set<string>([firestoreTypes.component, firestoreTypes.index, firestoreTypes.field, firestoreTypes.database]);
    const notes: string[] = [];
    for (const component of stack.filter((r) => r.type === firestoreTypes.component)) {
        if (stack.some((r) => judged.has(r.type) && JSON.stringify(r.props).includes(unknownValue))) {
            notes.push(`Firestore indexes: not decided offline, an index or the database has a value unknown during preview (the gate reports it)`);
            continue;
        }
        const { record, results } = checkQueriesOfStack(component, stack);
        if (!record || record.queriesFile === null || results.length !== record.queries.length) {
            notes.push(`Firestore indexes: the queries Firestore component ${component.name} records could not be checked (firestore-query-missing-index says why)`);
            continue;
        }
        const missing = results.filter((c) => !c.covered);
        const automatic = results.filter((c) => !c.needsComposite).length;
        const db = `database "${record.database}"`;
        if (missing.length === 0) {
            notes.push(`Firestore indexes: all ${results.length} queries of ${record.queriesFile} are served on ${db} (${automatic} by single-field indexes, ${results.length - automatic} by declared indexes)`);
        } else {
            const command = `npm run indexes -- --queries ${record.queriesFile}${record.indexesFile ? ` --indexes ${record.indexesFile}` : ""}`;
            notes.push(`Firestore indexes: ${missing.length} of ${results.length} queries of ${record.queriesFile} have no index on ${db}: ${missing.map((c) => c.id).join(", ")} (\`${command}\` prints the entries to add)`);
        }
    }
    return notes;
}
