import type * as pulumi from "@pulumi/pulumi";
import type { MonitoringArgs } from "../components/monitoring";
import type { StackConfig } from "../config";

/**
 * The Monitoring component's plain args from the validated stack config: every declared
 * service is watched, with the stack's thresholds unless `alerting.services.<name>`
 * overrides them; secret names are resolved to their values by `secret`.
 */
export function monitoringArgs(config: StackConfig, secret: (key: string) => pulumi.Input<string>): MonitoringArgs {
    const a = config.alerting;
    return {
        environment: config.environment,
        project: config.gcp.project,
        cluster: config.cluster.name,
        namespace: config.cluster.namespace,
        domain: config.domain,
        services: config.services.map((s) => ({
            name: s.name,
            port: s.port,
            host: s.host,
            healthPath: s.healthPath,
            ...a.services[s.name],
        })),
        channels: {
            pagerduty: a.pagerduty ? { serviceKey: secret(a.pagerduty.integrationKeySecret) } : undefined,
            slack: a.slack ? { channel: a.slack.channel, authToken: secret(a.slack.tokenSecret) } : undefined,
            email: a.email,
        },
        runbookBaseUrl: a.runbookBaseUrl,
        errorRatePercent: a.errorRatePercent,
        latencyP95Ms: a.latencyP95Ms,
        requestsPerMinute: a.requestsPerMinute,
        uptimePeriodSeconds: Number.parseInt(a.uptimePeriod, 10) as 60 | 300 | 600 | 900,
        uptimeRegions: a.uptimeRegions,
        // 99.9 / 100 is 0.9990000000000001 in floating point; the API allows at most 0.999.
        sloGoal: Number((a.sloAvailabilityPercent / 100).toFixed(6)),
        prometheus: a.prometheus,
        platform: a.platform.enabled ? (({ enabled: _, ...settings }) => settings)(a.platform) : false,
        firestore: a.firestore,
    };
}
