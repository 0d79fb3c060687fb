import { resourcesOfType, resourceTypes, stackPolicy } from "../lib";
import { declaredIndexes } from "./declared-indexes";
import { firestoreTypes, sameProject, targetDatabase } from "./resources";

/**
 * Index definitions Firestore would refuse, or that silently do something else, judged by
 * the rules the firestore.indexes.json reader applies (indexes-file.ts), on the Index and
 * Field resources as declared, whoever declared them: a field with both an order and an
 * arrayConfig, an unknown order, arrayConfig or queryScope, a one-field composite index,
 * two array fields, the same index twice on one database, two Field resources on one field.
 */
export const firestoreIndexEnforceDefinition = stackPolicy({
    name: "firestore-index-enforce-definition",
    description: "Every Firestore index and field override is a definition Firestore accepts, declared once.",
    severity: "high",
    runbook: ["000.firestore.indexes"],
    remediation: "Fix or remove the definition the message names (in firestore.indexes.json when golive declared it); `npm run indexes` reads the file with the same rules.",
    appliesTo: resourceTypes("Firestore indexes and fields", firestoreTypes.index, firestoreTypes.field),
    validateStack: (args, reportViolation) => {
        const judged = resourcesOfType(args.resources, firestoreTypes.index, firestoreTypes.field);
        // One group per database (and project): duplicates only clash within one.
        const groups: Array<{ database: string; props: Record<string, unknown> }> = [];
        for (const r of judged) {
            const database = targetDatabase(r.props);
            if (!groups.some((g) => g.database === database && sameProject(g.props, r.props))) groups.push({ database, props: { project: r.props.project } });
        }
        for (const g of groups) {
            const declared = declaredIndexes(args.resources, g.database, g.props);
            for (const p of declared.problems) {
                reportViolation(`${p.message}. Fix the definition (in firestore.indexes.json when golive declared it) or remove it.`, p.resource?.urn);
            }
        }
    },
});
