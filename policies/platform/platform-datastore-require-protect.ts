import { resourcePolicy } from "../lib";
import { dataHoldingTypes } from "./data-resources";
import { declaredByGolive } from "./services";

const fix = "Set the resource option protect: true on it (golive's components do in production), or run `pulumi state protect <urn>` for a resource already deployed.";

/**
 * Runbook 003 § Rollback Scope: user data is never rolled back; runbook 004 § Data: backups
 * are the way back. A data-holding resource (database, backup schedule, bucket, zone) carries
 * Pulumi's `protect` option, so neither `pulumi destroy` nor deleting its line from the program
 * can delete it: the engine refuses until someone unprotects it on purpose. The option travels
 * in the Analyzer request's resource options (AnalyzerResourceOptions.protect), both in Analyze
 * and AnalyzeStack; the offline gate records it from the program's RegisterResource requests.
 */
export const platformDatastoreRequireProtect = resourcePolicy({
    name: "platform-datastore-require-protect",
    description: "Every resource that holds data (Firestore backup schedules, storage buckets, Cloudflare zones, SQL instances; the database is firestore-database-enable-delete-protection's) is protected from deletion by Pulumi.",
    severity: "high",
    runbook: ["003.pipeline.backup-before-deploy", "000.firestore.backups"],
    remediation: fix,
    appliesTo: {
        description: `resources that hold data (${[...new Set(Object.values(dataHoldingTypes))].join(", ")})`,
        matches: (type) => type in dataHoldingTypes,
    },
    validateResource: (args, reportViolation) => {
        if (!declaredByGolive(args.urn)) args.notApplicable("golive did not declare it (no golive component in its URN): protect is golive's choice for its own resources");
        if (args.opts.protect) return;
        reportViolation(`${dataHoldingTypes[args.type]} ${args.name} is not protected: \`pulumi destroy\`, or removing it from the program, would delete it and the data it holds. ${fix}`);
    },
});
