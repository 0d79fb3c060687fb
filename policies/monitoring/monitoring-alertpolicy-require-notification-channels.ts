import { resourcePolicy, resourceTypes } from "../lib";
import { describeAlert, gcpTypes } from "./resources";

/**
 * An alert policy with no notification channel opens incidents that nobody hears about.
 * Only the count is read: channel names are computed by the provider, so during a preview
 * each entry is unknown while the list itself is known.
 */
export const monitoringAlertpolicyRequireNotificationChannels = resourcePolicy({
    name: "monitoring-alertpolicy-require-notification-channels",
    description: "Every alert policy notifies at least one notification channel.",
    severity: "high",
    runbook: ["004.monitoring.paging", "000.monitoring.alerts-configured"],
    remediation: "Route the alert to the channels of its severity (golive:alerting pagerduty, slack, email); golive's monitoring component does this for every alert it declares.",
    appliesTo: resourceTypes("Cloud Monitoring alert policies", gcpTypes.alertPolicy),
    validateResource: (args, reportViolation) => {
        const channels: unknown = args.props.notificationChannels;
        const count = Array.isArray(channels) ? channels.length : 0;
        if (count === 0) {
            reportViolation(`${describeAlert(args.props)} has no notification channel, so when it fires nobody is told. Set notificationChannels to the PagerDuty, Slack or email channels of its severity (golive:alerting).`);
        }
    },
});
