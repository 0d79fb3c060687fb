import { stackPolicy, type AppliesTo } from "../lib";
import { platformService, signals, signalTitles, type Signal } from "./labels";
import { alertsOf, gcpTypes, listText, missingSignals, signalOf } from "./resources";

/** Runbook 004's database and cache alerts and runbook 001's queue depth. */
export const platformSignals: readonly Signal[] = [signals.queueDepth, signals.cacheHitRatio, signals.connectionPool];

/** Stacks whose alerts golive labels: a stack of hand-written alerts says nothing about its platform. */
const appliesTo: AppliesTo = {
    description: "alert policies labelled with a golive signal",
    matches: (type, props) => type === gcpTypes.alertPolicy && signalOf(props) !== undefined,
};

/**
 * The shared platform's saturation signals, watched on launch day: queue depth (001: < 100),
 * cache hit ratio (004: alert below 50 %) and database connection pool (004: alert above
 * 80 %). A platform without one of them drops it in policy config (`signals`).
 */
export const monitoringPlatformMissingAlerts = stackPolicy({
    name: "monitoring-platform-missing-alerts",
    description: "The platform has enabled queue-depth, cache-hit-ratio and connection-pool alerts.",
    severity: "high",
    runbook: ["001.monitoring.queue-depth", "004.monitoring.alert-cache-hit-ratio", "004.monitoring.alert-connection-pool"],
    remediation: "Keep golive:alerting.platform enabled (its metric names point at the app's queue, cache and pool gauges); list only the signals this platform has in the policy config's `signals`.",
    appliesTo,
    configSchema: {
        properties: {
            signals: { type: "array", items: { type: "string", enum: [...platformSignals] }, uniqueItems: true, default: [...platformSignals] },
        },
    },
    validateStack: (args, reportViolation) => {
        const configured: unknown = args.getConfig<Record<string, unknown>>()["signals"];
        const wanted = Array.isArray(configured) ? platformSignals.filter((s) => configured.includes(s)) : platformSignals;
        const missing = missingSignals(alertsOf(args.resources), platformService, wanted, (s) => signalTitles[s]);
        if (missing.length > 0) {
            reportViolation(`the platform has no enabled ${listText(missing)} alert policy labelled service=${platformService}, so saturation builds up unseen on launch day. Keep golive:alerting.platform enabled with the app's metric names, or drop the signal from this policy's config if the platform has no such component.`);
        }
    },
});
