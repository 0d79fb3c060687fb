/**
 * Runbook 000's Firestore alerts: a read spike (alert_firestore_reads), security-rules
 * denials (alert_rules_denied), and "The query requires an index" errors, which surface only
 * in the app's logs, so through a log-based metric.
 */
import type * as gcp from "./gcp";
import { firestoreService, signals } from "../../policies/monitoring/labels";
import { firestoreReads, firestoreRulesDenied } from "../../policies/monitoring/thresholds";
import { humanDuration, seconds, type AlertSpec } from "./alert";
import type { FirestoreAlertsArgs } from "./monitoring-args";

export const needsIndexMetricName = "golive-firestore-needs-index";

/** The log-based metric counting "requires an index" errors in the services' container logs. */
export function needsIndexMetricArgs(project: string, cluster: string, namespace: string): gcp.logging.MetricArgs {
    return {
        project,
        name: needsIndexMetricName,
        description: "Firestore queries refused with FAILED_PRECONDITION: the query requires an index (golive).",
        filter: [
            `resource.type="k8s_container"`,
            `resource.labels.cluster_name="${cluster}"`,
            `resource.labels.namespace_name="${namespace}"`,
            `(textPayload:"requires an index" OR jsonPayload.message:"requires an index")`,
        ].join(" AND "),
        metricDescriptor: { metricKind: "DELTA", valueType: "INT64", unit: "1" },
    };
}

const ratePerSecond = [{ alignmentPeriod: "60s", perSeriesAligner: "ALIGN_RATE", crossSeriesReducer: "REDUCE_SUM" }];

export function firestoreAlerts(f: FirestoreAlertsArgs): AlertSpec[] {
    const db = f.databaseId ?? "(default)";
    const database = `resource.type="firestore.googleapis.com/Database" AND resource.label.database_id="${db}"`;
    const deniedPct = f.rulesDeniedPercent ?? firestoreRulesDenied.percent;
    const rules = `metric.type="firestore.googleapis.com/rules/evaluation_count" AND ${database}`;
    return [
        {
            signal: signals.firestoreReads, service: firestoreService, severity: "P2",
            title: `reads > ${f.readOpsPerSecond}/s for ${humanDuration(firestoreReads.durationSeconds)}`,
            what: `Firestore database ${db} served more than ${f.readOpsPerSecond} document reads a second for ${humanDuration(firestoreReads.durationSeconds)}: a runaway query or listener, a scraper, or growth (and the bill with it).`,
            conditions: [{
                displayName: `read ops > ${f.readOpsPerSecond}/s`,
                conditionThreshold: {
                    filter: `metric.type="firestore.googleapis.com/document/read_ops_count" AND ${database}`,
                    aggregations: ratePerSecond,
                    comparison: "COMPARISON_GT",
                    thresholdValue: f.readOpsPerSecond,
                    duration: seconds(firestoreReads.durationSeconds),
                    trigger: { count: 1 },
                },
            }],
        },
        {
            signal: signals.firestoreRulesDenied, service: firestoreService, severity: "P2",
            title: `rules denied > ${deniedPct} % for ${humanDuration(firestoreRulesDenied.durationSeconds)}`,
            what: `more than ${deniedPct} % of Firestore security-rule evaluations on ${db} were denied for ${humanDuration(firestoreRulesDenied.durationSeconds)}.`,
            conditions: [{
                displayName: `DENY > ${deniedPct} % of evaluations`,
                conditionThreshold: {
                    filter: `${rules} AND metric.label.result="DENY"`,
                    denominatorFilter: rules,
                    aggregations: ratePerSecond,
                    denominatorAggregations: ratePerSecond,
                    comparison: "COMPARISON_GT",
                    thresholdValue: deniedPct / 100,
                    duration: seconds(firestoreRulesDenied.durationSeconds),
                    trigger: { count: 1 },
                },
            }],
        },
        {
            signal: signals.firestoreNeedsIndex, service: firestoreService, severity: "P1",
            title: "a query failed: it requires an index",
            what: "a Firestore query failed because its composite index does not exist (FAILED_PRECONDITION): the feature using it is broken for users.",
            conditions: [{
                displayName: "needs-index errors > 0",
                conditionThreshold: {
                    filter: `metric.type="logging.googleapis.com/user/${needsIndexMetricName}" AND resource.type="k8s_container"`,
                    aggregations: [{ alignmentPeriod: "60s", perSeriesAligner: "ALIGN_DELTA", crossSeriesReducer: "REDUCE_SUM" }],
                    comparison: "COMPARISON_GT",
                    thresholdValue: 0,
                    duration: "0s",
                    trigger: { count: 1 },
                },
            }],
        },
    ];
}
