import { resourcePolicy, resourceTypes } from "../lib";
import { describeAlert, gcpTypes } from "./resources";

/** A disabled alert policy looks configured in every list and fires for nobody. */
export const monitoringAlertpolicyDisallowDisabled = resourcePolicy({
    name: "monitoring-alertpolicy-disallow-disabled",
    description: "No alert policy is disabled.",
    severity: "high",
    runbook: ["000.monitoring.alerts-configured"],
    remediation: "Remove enabled: false (alerts are enabled by default); to silence a noisy alert during an incident, snooze it in Cloud Monitoring instead, which expires on its own.",
    appliesTo: resourceTypes("Cloud Monitoring alert policies", gcpTypes.alertPolicy),
    validateResource: (args, reportViolation) => {
        if (args.props.enabled === false) {
            reportViolation(`${describeAlert(args.props)} is disabled (enabled: false), so it never opens an incident. Remove enabled: false; silence a noisy alert with a Cloud Monitoring snooze, which expires on its own.`);
        }
    },
});
