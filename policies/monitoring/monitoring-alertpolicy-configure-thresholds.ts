import { resourcePolicy, resourceTypes, type Json } from "../lib";
import { labelKeys, signals, type Signal } from "./labels";
import { conditionBody, conditionsOf, configNumber, describeAlert, durationSeconds, firesAbove, gcpTypes, signalOf, thresholdOf, type Threshold } from "./resources";
import {
    cacheHitRatio, connectionPool, errorRate, latencyP95, maxDurationSeconds, platformDown, queueDepth, requestVolume,
} from "./thresholds";

interface Limit {
    /** "max": fires above the limit, which must be no higher; "min": fires below it, which must be no lower. */
    bound: "max" | "min";
    /** The policy config property that moves the limit. */
    configKey: string;
    /** The runbook's figure, in the config property's unit. */
    runbookValue: number;
    /** Config unit -> the unit the condition compares in (percent -> fraction). */
    scale: number;
    /** What the value is, for messages: "the error rate". */
    what: string;
    /** The value in the config unit, for messages. */
    unit: (configValue: number) => string;
    /** The stack config key golive reads it from, for the remediation. */
    setting: string;
}

const percent = (v: number) => `${Math.round(v * 1000) / 1000} %`;

/**
 * The thresholds golive judges, by signal. Conditions compare fractions for ratios (0.01 is
 * 1 %), milliseconds for latency, requests per minute for volume: how golive's monitoring
 * component writes them, PromQL and metric thresholds alike.
 */
export const limits: Readonly<Partial<Record<Signal, Limit>>> = {
    [signals.errorRate]: { bound: "max", configKey: "maxErrorRatePercent", runbookValue: errorRate.percent, scale: 0.01, what: "the error rate", unit: percent, setting: "golive:alerting.errorRatePercent" },
    [signals.latency]: { bound: "max", configKey: "maxLatencyP95Ms", runbookValue: latencyP95.ms, scale: 1, what: "P95 latency", unit: (v) => `${v} ms`, setting: "golive:alerting.latencyP95Ms" },
    [signals.platformDown]: { bound: "max", configKey: "maxPlatformDownPercent", runbookValue: platformDown.percent, scale: 0.01, what: "the 5xx ratio", unit: percent, setting: "the platform-down threshold" },
    [signals.requestVolume]: { bound: "max", configKey: "maxRequestsPerMinute", runbookValue: requestVolume.perMinute, scale: 1, what: "request volume", unit: (v) => `${v} req/min`, setting: "golive:alerting.services.<name>.requestsPerMinute" },
    [signals.queueDepth]: { bound: "max", configKey: "maxQueueDepth", runbookValue: queueDepth.max, scale: 1, what: "queue depth", unit: (v) => `${v} jobs`, setting: "golive:alerting.platform.queueDepthMax" },
    [signals.connectionPool]: { bound: "max", configKey: "maxConnectionPoolPercent", runbookValue: connectionPool.maxPercent, scale: 0.01, what: "connection pool utilization", unit: percent, setting: "golive:alerting.platform.connectionPoolMaxPercent" },
    [signals.cacheHitRatio]: { bound: "min", configKey: "minCacheHitPercent", runbookValue: cacheHitRatio.minPercent, scale: 0.01, what: "the cache hit ratio", unit: percent, setting: "golive:alerting.platform.cacheHitMinPercent" },
};

function looser(limit: Limit, t: Threshold, allowed: number): boolean {
    return limit.bound === "max" ? t.value > allowed * limit.scale + 1e-12 : t.value < allowed * limit.scale - 1e-12;
}

/**
 * Alert thresholds no looser than the runbooks': error rate <= 1 %, P95 <= 1000 ms, 5xx
 * ratio <= 50 %, request volume <= 500/min, queue depth <= 100, connection pool <= 80 %,
 * cache hit ratio >= 50 %, read from the `signal` label golive puts on each alert; and no
 * condition of any alert waits more than 5 minutes before it fires. Policy config moves
 * each limit for a stack whose team agreed another figure.
 */
export const monitoringAlertpolicyConfigureThresholds = resourcePolicy({
    name: "monitoring-alertpolicy-configure-thresholds",
    description: "Alert thresholds and durations are no looser than the runbooks' (error rate <= 1 %, P95 <= 1000 ms, sustained <= 5 min).",
    severity: "high",
    runbook: [
        "004.monitoring.alert-error-rate", "004.monitoring.alert-latency", "004.monitoring.alert-platform-down", "004.monitoring.alert-request-volume",
        "004.monitoring.alert-connection-pool", "004.monitoring.alert-cache-hit-ratio", "001.monitoring.queue-depth",
    ],
    remediation: "Set the threshold back to the runbook's figure in golive:alerting (per service under golive:alerting.services), or change the limit in policies/config/<stack>.json if the team agreed another one.",
    appliesTo: resourceTypes("Cloud Monitoring alert policies", gcpTypes.alertPolicy),
    configSchema: {
        properties: {
            maxErrorRatePercent: { type: "number", exclusiveMinimum: 0, maximum: 100, default: errorRate.percent },
            maxLatencyP95Ms: { type: "number", exclusiveMinimum: 0, default: latencyP95.ms },
            maxPlatformDownPercent: { type: "number", exclusiveMinimum: 0, maximum: 100, default: platformDown.percent },
            maxRequestsPerMinute: { type: "number", exclusiveMinimum: 0, default: requestVolume.perMinute },
            maxQueueDepth: { type: "number", exclusiveMinimum: 0, default: queueDepth.max },
            maxConnectionPoolPercent: { type: "number", exclusiveMinimum: 0, maximum: 100, default: connectionPool.maxPercent },
            minCacheHitPercent: { type: "number", minimum: 0, maximum: 100, default: cacheHitRatio.minPercent },
            maxDurationSeconds: { type: "integer", minimum: 0, default: maxDurationSeconds },
        },
    },
    validateResource: (args, reportViolation) => {
        // The CLI applies schema defaults, but getConfig() returns {} when no config is given.
        const config = args.getConfig<Record<string, unknown>>();
        const alert = describeAlert(args.props);
        const conditions = conditionsOf(args.props);
        const maxWait = configNumber(config, "maxDurationSeconds", maxDurationSeconds);
        conditions.forEach((condition: Json, i: number) => {
            const { kind, body } = conditionBody(condition);
            if (kind === "other") return;
            const seconds = durationSeconds(body.duration ?? "0s");
            const label = `condition "${typeof condition.displayName === "string" ? condition.displayName : `#${i}`}"`;
            if (seconds === undefined) {
                reportViolation(`${alert} ${label} has a duration the gate cannot read (${JSON.stringify(body.duration)}). Write it in seconds, e.g. "120s".`);
            } else if (seconds > maxWait) {
                reportViolation(`${alert} ${label} waits ${seconds} s before it fires, longer than ${maxWait} s, so a launch-day outage goes unseen that long. Set its duration to at most ${maxWait}s.`);
            }
        });

        const signal = signalOf(args.props);
        const limit = signal ? limits[signal] : undefined;
        if (!signal || !limit) return;
        const allowed = configNumber(config, limit.configKey, limit.runbookValue);
        const thresholds = conditions.map(thresholdOf).filter((t): t is Threshold => t !== undefined);
        if (thresholds.length === 0) {
            reportViolation(`${alert} is labelled ${labelKeys.signal}=${signal} but has no threshold the gate can read (a metric threshold, or a PromQL query ending in a comparison), so nobody can tell when it fires. Compare ${limit.what} to at most ${limit.unit(allowed)} in a metric threshold or at the end of the PromQL query.`);
            return;
        }
        for (const t of thresholds) {
            const wantAbove = limit.bound === "max";
            if (firesAbove(t.comparison) !== wantAbove) {
                reportViolation(`${alert} fires when ${limit.what} is ${t.comparison} ${limit.unit(t.value / limit.scale)}, the wrong way round: it must fire when ${limit.what} goes ${wantAbove ? "above" : "below"} ${limit.unit(allowed)}. Use the comparison ${wantAbove ? ">" : "<"}.`);
            } else if (looser(limit, t, allowed)) {
                reportViolation(`${alert} fires when ${limit.what} ${wantAbove ? "exceeds" : "drops below"} ${limit.unit(t.value / limit.scale)}, looser than the runbook's ${limit.unit(allowed)}. Set ${limit.setting} to ${wantAbove ? "at most" : "at least"} ${limit.unit(allowed)}, or change ${limit.configKey} in this stack's policy config if the team agreed another limit.`);
            }
        }
    },
});
