import type { Policies } from "@pulumi/policy";
import { monitoringAlertpolicyConfigureThresholds } from "./monitoring-alertpolicy-configure-thresholds";
import { monitoringAlertpolicyDisallowDisabled } from "./monitoring-alertpolicy-disallow-disabled";
import { monitoringAlertpolicyDisallowMql } from "./monitoring-alertpolicy-disallow-mql";
import { monitoringAlertpolicyRequireNotificationChannels } from "./monitoring-alertpolicy-require-notification-channels";
import { monitoringAlertpolicyRequirePager } from "./monitoring-alertpolicy-require-pager";
import { monitoringAlertpolicyRequireRunbookLink } from "./monitoring-alertpolicy-require-runbook-link";
import { monitoringFirestoreMissingAlerts } from "./monitoring-firestore-missing-alerts";
import { monitoringHostMissingUptimeCheck } from "./monitoring-host-missing-uptime-check";
import { monitoringNotificationchannelDisallowPlaintextSecrets } from "./monitoring-notificationchannel-disallow-plaintext-secrets";
import { monitoringPlatformMissingAlerts } from "./monitoring-platform-missing-alerts";
import { monitoringServiceMissingAlerts } from "./monitoring-service-missing-alerts";
import { monitoringUptimecheckConfigureSchedule } from "./monitoring-uptimecheck-configure-schedule";
import { monitoringUptimecheckRequireTlsValidation } from "./monitoring-uptimecheck-require-tls-validation";

export * from "./monitoring-alertpolicy-configure-thresholds";
export * from "./monitoring-alertpolicy-disallow-disabled";
export * from "./monitoring-alertpolicy-disallow-mql";
export * from "./monitoring-alertpolicy-require-notification-channels";
export * from "./monitoring-alertpolicy-require-pager";
export * from "./monitoring-alertpolicy-require-runbook-link";
export * from "./monitoring-firestore-missing-alerts";
export * from "./monitoring-host-missing-uptime-check";
export * from "./monitoring-notificationchannel-disallow-plaintext-secrets";
export * from "./monitoring-platform-missing-alerts";
export * from "./monitoring-service-missing-alerts";
export * from "./monitoring-uptimecheck-configure-schedule";
export * from "./monitoring-uptimecheck-require-tls-validation";
export * as thresholds from "./thresholds";
export * from "./labels";
export { gcpTypes } from "./resources";
export { distinctRegions, regionsCovered, type UptimeRegion } from "./uptime";

/** Resource policies first (per resource, on inputs), then stack policies (coverage, on the whole stack). */
export const monitoringPolicies: Policies = [
    // Alert policies: who hears them, what they say, when they fire.
    monitoringAlertpolicyRequireNotificationChannels,
    monitoringAlertpolicyRequireRunbookLink,
    monitoringAlertpolicyDisallowDisabled,
    monitoringAlertpolicyDisallowMql,
    monitoringAlertpolicyConfigureThresholds,
    // Uptime checks and channels.
    monitoringUptimecheckConfigureSchedule,
    monitoringUptimecheckRequireTlsValidation,
    monitoringNotificationchannelDisallowPlaintextSecrets,
    // Stack-wide: routing and coverage.
    monitoringAlertpolicyRequirePager,
    monitoringServiceMissingAlerts,
    monitoringHostMissingUptimeCheck,
    monitoringFirestoreMissingAlerts,
    monitoringPlatformMissingAlerts,
];
