import { resourcesOfType, resourceTypes, stackPolicy } from "../lib";
import { checkQueriesOfStack } from "./stack-coverage";
import { firestoreTypes } from "./resources";

/**
 * "No needs-index errors" (runbook 000) as a gate: every query of the app's manifest,
 * which golive's Firestore component records in its outputs, must be served by the
 * automatic single-field indexes (as the stack's Field resources change them) or by an
 * Index resource the stack declares for that database, by Firestore's documented rules
 * (index-coverage.ts). A database without a manifest is refused: nobody could say its
 * indexes serve the app.
 */
export const firestoreQueryMissingIndex = stackPolicy({
    name: "firestore-query-missing-index",
    description: "Every query of the app's queries manifest is served by an index the stack declares.",
    severity: "high",
    runbook: ["000.firestore.indexes"],
    remediation: "Add the index the message names to firestore.indexes.json (`npm run indexes` prints every missing entry), or list the app's queries in golive:firestore.queriesFile.",
    appliesTo: resourceTypes("golive Firestore components", firestoreTypes.component),
    validateStack: (args, reportViolation) => {
        for (const component of resourcesOfType(args.resources, firestoreTypes.component)) {
            for (const message of checkQueriesOfStack(component, args.resources).violations) reportViolation(message, component.urn);
        }
    },
});
