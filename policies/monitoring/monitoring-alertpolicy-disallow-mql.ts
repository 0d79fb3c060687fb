import { resourcePolicy, resourceTypes, type Json } from "../lib";
import { conditionsOf, describeAlert, gcpTypes } from "./resources";

/**
 * Monitoring Query Language is deprecated by Google (since July 2025): a condition written
 * in it will stop being evaluated. Threshold filters and PromQL cover what golive needs.
 */
export const monitoringAlertpolicyDisallowMql = resourcePolicy({
    name: "monitoring-alertpolicy-disallow-mql",
    description: "No alert condition is written in the deprecated Monitoring Query Language.",
    severity: "medium",
    runbook: ["000.monitoring.alerts-configured"],
    remediation: "Rewrite the condition as a metric threshold (conditionThreshold with a filter) or in PromQL (conditionPrometheusQueryLanguage).",
    appliesTo: resourceTypes("Cloud Monitoring alert policies", gcpTypes.alertPolicy),
    validateResource: (args, reportViolation) => {
        conditionsOf(args.props).forEach((condition: Json, i: number) => {
            if (condition?.conditionMonitoringQueryLanguage) {
                const label = typeof condition.displayName === "string" ? condition.displayName : `#${i}`;
                reportViolation(`${describeAlert(args.props)} condition "${label}" is written in MQL, which Google deprecated in July 2025. Rewrite it as a metric threshold (conditionThreshold) or in PromQL (conditionPrometheusQueryLanguage).`);
            }
        });
    },
});
