import { resourcePolicy, resourceTypes, type Json } from "../lib";
import { frontendRetentionDays, releaseLabels, releasesPrefix } from "./thresholds";

const fix = `Keep versioning on, let lifecycle rules delete only noncurrent objects after daysSinceNoncurrentTime >= ${frontendRetentionDays}, leave forceDestroy off, and label the bucket with the active and previous releases (the Edge component does all of it).`;

/** Whether a lifecycle rule's prefixes reach objects under releases/ (no prefix reaches everything). */
function reachesReleases(condition: Json): boolean {
    const prefixes: unknown = condition?.matchesPrefixes;
    if (!Array.isArray(prefixes) || prefixes.length === 0) return true;
    return prefixes.some((p) => typeof p === "string" && (p.startsWith(releasesPrefix) || releasesPrefix.startsWith(p)));
}

/** Whether a Delete rule can only ever match noncurrent (retired or overwritten) objects. */
function noncurrentOnly(condition: Json): boolean {
    if (condition?.withState === "ARCHIVED") return true;
    return typeof condition?.daysSinceNoncurrentTime === "number" || typeof condition?.noncurrentTimeBefore === "string" || (typeof condition?.numNewerVersions === "number" && condition.numNewerVersions > 0);
}

/**
 * Runbook 004 rollback "Swap CDN Origin: point to previous S3 prefix": the frontend bucket
 * (labelled with golive's active-release label) names a previous release other than the
 * active one, and nothing can take that release away before the rollback needs it:
 * versioning on, no lifecycle rule that deletes live objects under releases/, retired
 * objects kept at least 90 days, no forceDestroy. Whether the release's files were
 * uploaded is only known to the bucket; `gcloud storage ls` it before launch.
 */
export const edgeBucketRequirePreviousRelease = resourcePolicy({
    name: "edge-bucket-require-previous-release",
    description: `The frontend bucket names a previous release to roll back to, and nothing deletes a release before ${frontendRetentionDays} days after it is retired.`,
    severity: "high",
    runbook: ["004.rollback.frontend"],
    remediation: fix,
    appliesTo: resourceTypes("Cloud Storage buckets", "gcp:storage/bucket:Bucket"),
    validateResource: (args, reportViolation) => {
        const labels: Json = args.props.labels ?? {};
        const active: unknown = labels[releaseLabels.active];
        if (typeof active !== "string") args.notApplicable(`only frontend buckets (labelled ${releaseLabels.active}) hold releases`);
        const bucket = typeof args.props.name === "string" ? args.props.name : args.name;
        const previous: unknown = labels[releaseLabels.previous];
        if (typeof previous !== "string" || previous === "") {
            reportViolation(`Frontend bucket ${bucket} names no previous release (label ${releaseLabels.previous}), so a rollback has no release to point the CDN at. Set the stack's previous release. ${fix}`);
        } else if (previous === active) {
            reportViolation(`Frontend bucket ${bucket} names release ${active} as both active and previous, so a rollback would serve the same release. Set the previous release to the one before. ${fix}`);
        }
        if (args.props.versioning?.enabled !== true) {
            reportViolation(`Frontend bucket ${bucket} has no object versioning, so a deleted or overwritten release file is gone at once and a rollback to it fails. ${fix}`);
        }
        if (args.props.forceDestroy === true) {
            reportViolation(`Frontend bucket ${bucket} has forceDestroy on, so a destroy or a replacement of the bucket deletes every release with it. ${fix}`);
        }
        const rules: Json[] = Array.isArray(args.props.lifecycleRules) ? args.props.lifecycleRules : [];
        rules.forEach((rule, i) => {
            if (rule?.action?.type !== "Delete" || !reachesReleases(rule?.condition)) return;
            const condition: Json = rule.condition ?? {};
            if (!noncurrentOnly(condition)) {
                reportViolation(`Lifecycle rule #${i + 1} of frontend bucket ${bucket} deletes live objects under ${releasesPrefix} (condition ${JSON.stringify(condition)}), so the active or previous release can be deleted while it is served. ${fix}`);
                return;
            }
            const days: unknown = condition.daysSinceNoncurrentTime;
            if (typeof days !== "number" || days < frontendRetentionDays) {
                reportViolation(`Lifecycle rule #${i + 1} of frontend bucket ${bucket} deletes retired release objects ${typeof days === "number" ? `${days} days after they are retired` : "without waiting daysSinceNoncurrentTime"}, under the ${frontendRetentionDays} days a rollback may need them. ${fix}`);
            }
        });
    },
});
