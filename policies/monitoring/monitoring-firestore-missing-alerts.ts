import { stackPolicy, type AppliesTo } from "../lib";
import { firestoreService, signals, signalTitles, type Signal } from "./labels";
import { alertsOf, gcpTypes, listText, missingSignals, signalOf } from "./resources";

/** Runbook 000's Firestore alerts, plus the "needs index" errors it watches for by hand. */
export const firestoreSignals: readonly Signal[] = [signals.firestoreReads, signals.firestoreRulesDenied, signals.firestoreNeedsIndex];

const firestoreAlert = (type: string, props: unknown) => type === gcpTypes.alertPolicy && firestoreSignals.includes(signalOf(props) as Signal);

const appliesTo: AppliesTo = {
    description: "a Firestore database or Firestore alert policies",
    matches: (type, props) => type === gcpTypes.firestoreDatabase || firestoreAlert(type, props),
};

/**
 * Runbook 000 deploys alert_firestore_reads and alert_rules_denied before launch and then
 * checks for "needs index" errors by hand. A stack that uses Firestore (declares a database,
 * or any Firestore alert) has all three enabled: a read spike (cost, runaway query), rules
 * denials (a broken rules release, probing) and "query requires an index" errors (a query
 * shipped without its index; they surface only in logs, so through a log-based metric).
 */
export const monitoringFirestoreMissingAlerts = stackPolicy({
    name: "monitoring-firestore-missing-alerts",
    description: "A stack using Firestore has enabled read-spike, rules-denied and needs-index alerts.",
    severity: "high",
    runbook: ["000.monitoring.firestore-reads", "000.monitoring.rules-denied"],
    remediation: "Declare golive:alerting.firestore (readOpsPerSecond at least): golive's monitoring component then declares all three alerts and the needs-index log metric.",
    appliesTo,
    validateStack: (args, reportViolation) => {
        const alerts = alertsOf(args.resources);
        const missing = missingSignals(alerts, firestoreService, firestoreSignals, (s) => signalTitles[s]);
        if (missing.length === 0) return;
        const databases = args.resources.filter((r) => r.type === gcpTypes.firestoreDatabase);
        const what = databases.length > 0
            ? `Firestore database${databases.length === 1 ? "" : "s"} ${databases.map((d) => `"${typeof d.props.name === "string" ? d.props.name : "(default)"}"`).join(", ")}`
            : "this stack's Firestore";
        reportViolation(`${what} has no enabled ${listText(missing)} alert policy labelled service=${firestoreService}, so runbook 000's checks are done by hand or not at all. Declare golive:alerting.firestore with readOpsPerSecond; the monitoring component adds every Firestore alert.`, databases[0]?.urn);
    },
});
