/** A service's availability SLO: a Cloud Monitoring custom service and a request-based SLO on it. */
import type * as gcp from "./gcp";
import { labelKeys } from "../../policies/monitoring/labels";
import { slo } from "../../policies/monitoring/thresholds";
import type { RequestMetrics } from "./metrics";

export const availabilitySloId = "availability";

/** The SLO's full resource name, known before it exists (burn-rate filters name it). */
export function sloName(project: string, service: string): string {
    return `projects/${project}/services/${service}/serviceLevelObjectives/${availabilitySloId}`;
}

export function customServiceArgs(project: string, service: string, environment: string): gcp.monitoring.CustomServiceArgs {
    return {
        project,
        serviceId: service,
        displayName: `[${environment}] ${service}`,
        userLabels: { [labelKeys.service]: service, [labelKeys.stack]: environment },
    };
}

export function availabilitySloArgs(project: string, service: string, environment: string, goal: number, metrics: RequestMetrics): gcp.monitoring.SloArgs {
    return {
        project,
        service,
        sloId: availabilitySloId,
        displayName: `[${environment}] ${service}: ${Math.round(goal * 100000) / 1000} % of requests succeed over ${slo.rollingPeriodDays} days`,
        goal,
        rollingPeriodDays: slo.rollingPeriodDays,
        requestBasedSli: { goodTotalRatio: { ...metrics.sli } },
        userLabels: { [labelKeys.service]: service, [labelKeys.stack]: environment },
    };
}
