/**
 * The alerts every service gets, as pure specs: error rate, P95 latency, platform down,
 * the SLO's three burn-rate alerts, the scrape heartbeat, and for a public service request
 * volume and its uptime check. Thresholds come from the gate's own figures unless the
 * stack overrides them.
 */
import { signals } from "../../policies/monitoring/labels";
import { burnRates, errorRate, heartbeat, latencyP95, platformDown, requestVolume, uptime } from "../../policies/monitoring/thresholds";
import { humanDuration, seconds, type AlertSpec } from "./alert";
import type { RequestMetrics } from "./metrics";
import { targetSelector } from "./metrics";

/** A service with every default resolved. */
export interface ResolvedService {
    name: string;
    /** `api.teei.example.com` for a public service. */
    hostname?: string;
    healthPath: string;
    metrics: RequestMetrics;
    /** Fraction, e.g. 0.01. */
    errorRate: number;
    latencyP95Ms: number;
    requestsPerMinute: number;
    /** The full resource name of its availability SLO (burn-rate filters name it). */
    sloName: string;
    /** Its Prometheus scrape target selector (cluster, namespace, job). */
    cluster: string;
    namespace: string;
}

const pct = (fraction: number) => `${Math.round(fraction * 100000) / 1000} %`;

export function errorRateAlert(s: ResolvedService): AlertSpec {
    const d = errorRate.durationSeconds;
    return {
        signal: signals.errorRate, service: s.name, severity: "P1",
        title: `error rate > ${pct(s.errorRate)} for ${humanDuration(d)}`,
        what: `more than ${pct(s.errorRate)} of ${s.name}'s requests failed with a 5xx for ${humanDuration(d)} (source: ${s.metrics.describe}).`,
        conditions: [s.metrics.errorRatio(`5xx ratio > ${pct(s.errorRate)}`, s.errorRate, d)],
    };
}

export function latencyAlert(s: ResolvedService): AlertSpec {
    const d = latencyP95.durationSeconds;
    return {
        signal: signals.latency, service: s.name, severity: "P2",
        title: `P95 latency > ${s.latencyP95Ms} ms for ${humanDuration(d)}`,
        what: `${s.name}'s 95th-percentile response time stayed above ${s.latencyP95Ms} ms for ${humanDuration(d)} (source: ${s.metrics.describe}).`,
        conditions: [s.metrics.latencyP95(`P95 > ${s.latencyP95Ms} ms`, s.latencyP95Ms, d)],
    };
}

/** Runbook 004's P0: the service is down for users when more than half its answers are 5xx. */
export function platformDownAlert(s: ResolvedService): AlertSpec {
    const fraction = platformDown.percent / 100;
    const d = platformDown.durationSeconds;
    return {
        signal: signals.platformDown, service: s.name, severity: "P0",
        title: `down: 5xx > ${platformDown.percent} % for ${humanDuration(d)}`,
        what: `more than ${platformDown.percent} % of ${s.name}'s requests failed with a 5xx for ${humanDuration(d)}: for users it is down.`,
        conditions: [s.metrics.errorRatio(`5xx ratio > ${platformDown.percent} %`, fraction, d)],
    };
}

export function requestVolumeAlert(s: ResolvedService): AlertSpec {
    const d = requestVolume.durationSeconds;
    return {
        signal: signals.requestVolume, service: s.name, severity: "P2",
        title: `request volume > ${s.requestsPerMinute} req/min for ${humanDuration(d)}`,
        what: `${s.name} received more than ${s.requestsPerMinute} requests a minute for ${humanDuration(d)}: a scraper, an attack, or real growth beyond the pilot's load.`,
        conditions: [s.metrics.requestsPerMinute(`requests > ${s.requestsPerMinute}/min`, s.requestsPerMinute, d)],
    };
}

/** The SRE workbook's burn-rate alerts: each fires when both its long and its short window burn too fast. */
export function burnRateAlerts(s: ResolvedService, goal: number): AlertSpec[] {
    const signalOf = { fast: signals.burnRateFast, medium: signals.burnRateMedium, slow: signals.burnRateSlow } as const;
    const budget = pct(1 - goal);
    return burnRates.map((b) => ({
        signal: signalOf[b.name], service: s.name, severity: b.severity,
        title: `SLO burn ${b.rate}x over ${humanDuration(b.longWindowSeconds)} and ${humanDuration(b.shortWindowSeconds)}`,
        what: `${s.name} is spending its error budget (${budget} of requests over 30 days) ${b.rate} times faster than the SLO allows, over both the last ${humanDuration(b.longWindowSeconds)} and the last ${humanDuration(b.shortWindowSeconds)}.`,
        combiner: "AND" as const,
        conditions: [b.longWindowSeconds, b.shortWindowSeconds].map((w) => ({
            displayName: `burn rate > ${b.rate}x over ${humanDuration(w)}`,
            conditionThreshold: {
                filter: `select_slo_burn_rate("${s.sloName}", "${seconds(w)}")`,
                comparison: "COMPARISON_GT",
                thresholdValue: b.rate,
                duration: "0s",
            },
        })),
    }));
}

/**
 * "Monitoring the monitoring": no scrape target of the service up for 5 minutes. Its pods
 * are gone or failing, or collection stopped; either way its other alerts are blind.
 */
export function heartbeatAlert(s: ResolvedService): AlertSpec {
    const d = heartbeat.absentSeconds;
    return {
        signal: signals.heartbeat, service: s.name, severity: "P1",
        title: `no scrape target up for ${humanDuration(d)}`,
        what: `no pod of ${s.name} has answered a metrics scrape for ${humanDuration(d)}: the service is down or unobserved, and its other alerts cannot fire.`,
        conditions: [{
            displayName: "up == 1 absent",
            conditionPrometheusQueryLanguage: {
                query: `absent(up{${targetSelector(s.cluster, s.namespace, s.name)}} == 1)`,
                duration: seconds(d),
                evaluationInterval: "30s",
                alertRule: "heartbeat",
                disableMetricValidation: true,
            },
        }],
    };
}

/**
 * Runbook 004: alert after 2 consecutive failures. A check fails in a region when its result
 * is false; the alert fires when more than one region fails and is still failing one period
 * later (the second consecutive result).
 */
export function uptimeAlert(s: ResolvedService & { hostname: string }, periodSeconds: number): AlertSpec {
    const d = (uptime.consecutiveFailures - 1) * periodSeconds;
    return {
        signal: signals.uptime, service: s.name, severity: "P1",
        title: `https://${s.hostname}${s.healthPath} failing from ${uptime.failingRegions}+ regions`,
        what: `the uptime check of https://${s.hostname}${s.healthPath} failed from at least ${uptime.failingRegions} regions ${uptime.consecutiveFailures} times in a row: users cannot reach it.`,
        conditions: [{
            displayName: `check_passed false in ${uptime.failingRegions}+ regions`,
            conditionThreshold: {
                filter: `metric.type="monitoring.googleapis.com/uptime_check/check_passed" AND resource.type="uptime_url" AND resource.label.host="${s.hostname}"`,
                aggregations: [{ alignmentPeriod: "1200s", perSeriesAligner: "ALIGN_NEXT_OLDER", crossSeriesReducer: "REDUCE_COUNT_FALSE", groupByFields: ["resource.label.host"] }],
                comparison: "COMPARISON_GT",
                thresholdValue: uptime.failingRegions - 1,
                duration: seconds(d),
                trigger: { count: 1 },
            },
        }],
    };
}

/** Every alert of a service, uptime excepted (it waits for its check). */
export function serviceAlerts(s: ResolvedService, sloGoal: number): AlertSpec[] {
    return [
        errorRateAlert(s),
        latencyAlert(s),
        platformDownAlert(s),
        ...(s.hostname ? [requestVolumeAlert(s)] : []),
        ...burnRateAlerts(s, sloGoal),
        heartbeatAlert(s),
    ];
}
