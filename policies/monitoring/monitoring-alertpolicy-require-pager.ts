import type { PolicyResource } from "@pulumi/policy";
import { resourceTypes, stackPolicy } from "../lib";
import { channelTypes, pagingProviderSeverities, providerSeverity } from "./labels";
import { describeAlert, gcpTypes } from "./resources";

/** The notification channels an alert sends to, as the engine records them: resources its notificationChannels came from. */
function channelsOf(alert: PolicyResource): PolicyResource[] {
    return (alert.propertyDependencies["notificationChannels"] ?? []).filter((r) => r.type === gcpTypes.notificationChannel);
}

/**
 * Runbook 004's incident table: P0 (platform down) is answered in 5 minutes and P1 in 15,
 * so both page the on-call through PagerDuty; an alert without a severity cannot be routed
 * at all. Which channels an alert notifies is read from the stack's property dependencies
 * (its notificationChannels came from those channel resources): the channel names are
 * computed by the provider and unknown until the channels exist.
 */
export const monitoringAlertpolicyRequirePager = stackPolicy({
    name: "monitoring-alertpolicy-require-pager",
    description: "Every alert policy has a severity, and P0 (CRITICAL) and P1 (ERROR) alerts notify a PagerDuty channel.",
    severity: "critical",
    runbook: ["004.monitoring.paging", "004.monitoring.alert-platform-down"],
    remediation: "Declare golive:alerting.pagerduty (integrationKeySecret) so P0 and P1 alerts page the on-call; set severity on every alert (CRITICAL for P0, ERROR for P1, WARNING for P2/P3).",
    appliesTo: resourceTypes("Cloud Monitoring alert policies", gcpTypes.alertPolicy),
    configSchema: {
        properties: {
            // A stack that never pages (staging) sets [].
            pagingSeverities: { type: "array", items: { type: "string", enum: ["CRITICAL", "ERROR", "WARNING"] }, uniqueItems: true, default: [...pagingProviderSeverities] },
        },
    },
    validateStack: (args, reportViolation) => {
        const configured: unknown = args.getConfig<Record<string, unknown>>()["pagingSeverities"];
        const paging: readonly unknown[] = Array.isArray(configured) ? configured : pagingProviderSeverities;
        for (const alert of args.resources.filter((r) => r.type === gcpTypes.alertPolicy)) {
            const severity: unknown = alert.props.severity;
            if (typeof severity !== "string" || !Object.values(providerSeverity).includes(severity as never)) {
                reportViolation(`${describeAlert(alert.props)} has no severity (CRITICAL, ERROR or WARNING), so nobody can tell whether it should page. Set severity: CRITICAL for P0, ERROR for P1, WARNING for P2 and P3.`, alert.urn);
                continue;
            }
            if (!paging.includes(severity)) continue;
            const channels = channelsOf(alert);
            if (!channels.some((c) => c.props.type === channelTypes.pagerduty)) {
                const to = channels.length > 0 ? `only ${[...new Set(channels.map((c) => String(c.props.type)))].join(" and ")}` : "no channel";
                const level = severity === providerSeverity.P0 ? "P0" : severity === providerSeverity.P1 ? "P1" : "P2/P3";
                reportViolation(`${describeAlert(alert.props)} is ${level} (${severity}) but notifies ${to}, not PagerDuty, so the on-call is not paged. Declare golive:alerting.pagerduty.integrationKeySecret and route ${level} alerts to it.`, alert.urn);
            }
        }
    },
});
