/** The uptime check of a public host: HTTPS with certificate validation on the health path. */
import type * as gcp from "./gcp";
import { labelKeys } from "../../policies/monitoring/labels";
import { uptime } from "../../policies/monitoring/thresholds";
import type { UptimeRegion } from "../../policies/monitoring/uptime";
import { seconds } from "./alert";

export interface UptimeCheckInput {
    service: string;
    hostname: string;
    healthPath: string;
    project: string;
    environment: string;
    periodSeconds: number;
    regions: readonly UptimeRegion[];
}

export function uptimeCheckArgs(u: UptimeCheckInput): gcp.monitoring.UptimeCheckConfigArgs {
    return {
        displayName: `[${u.environment}] https://${u.hostname}${u.healthPath}`,
        monitoredResource: { type: "uptime_url", labels: { project_id: u.project, host: u.hostname } },
        httpCheck: {
            path: u.healthPath,
            port: 443,
            useSsl: true,
            validateSsl: true,
            requestMethod: "GET",
            acceptedResponseStatusCodes: [{ statusClass: "STATUS_CLASS_2XX" }],
        },
        period: seconds(u.periodSeconds),
        timeout: seconds(uptime.timeoutSeconds),
        selectedRegions: [...u.regions],
        checkerType: "STATIC_IP_CHECKERS",
        userLabels: { [labelKeys.service]: u.service, [labelKeys.stack]: u.environment },
    };
}
