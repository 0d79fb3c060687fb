/**
 * The platform's saturation alerts (runbook 004: connection pool > 80 %, cache hit ratio
 * < 50 %; runbook 001: queue depth < 100), in PromQL on the app's gauges and counters.
 */
import { platformService, signals } from "../../policies/monitoring/labels";
import { cacheHitRatio, connectionPool, queueDepth } from "../../policies/monitoring/thresholds";
import { humanDuration, seconds, type AlertSpec, type Condition } from "./alert";
import { defaults } from "./defaults";
import type { PlatformAlertsArgs } from "./monitoring-args";

function promql(displayName: string, query: string, durationSeconds: number, alertRule: string): Condition {
    return {
        displayName,
        conditionPrometheusQueryLanguage: { query, duration: seconds(durationSeconds), evaluationInterval: "30s", alertRule, disableMetricValidation: true },
    };
}

export function platformAlerts(p: PlatformAlertsArgs, cluster: string, namespace: string): AlertSpec[] {
    const m = { ...defaults.platformMetrics, ...p };
    const sel = `{cluster="${cluster}",namespace="${namespace}"}`;
    const queueMax = p.queueDepthMax ?? queueDepth.max;
    const cachePct = p.cacheHitMinPercent ?? cacheHitRatio.minPercent;
    const poolPct = p.connectionPoolMaxPercent ?? connectionPool.maxPercent;
    const hits = `sum(rate(${m.cacheHitsMetric}${sel}[5m]))`;
    const misses = `sum(rate(${m.cacheMissesMetric}${sel}[5m]))`;
    return [
        {
            signal: signals.queueDepth, service: platformService, severity: "P2",
            title: `queue depth >= ${queueMax} for ${humanDuration(queueDepth.durationSeconds)}`,
            what: `a job queue has held ${queueMax} or more jobs for ${humanDuration(queueDepth.durationSeconds)} (runbook 001: normal is below ${queueDepth.max}).`,
            conditions: [promql(`${m.queueDepthMetric} >= ${queueMax}`, `max(${m.queueDepthMetric}${sel}) >= ${queueMax}`, queueDepth.durationSeconds, "queue_depth")],
        },
        {
            signal: signals.cacheHitRatio, service: platformService, severity: "P2",
            title: `cache hit ratio < ${cachePct} % for ${humanDuration(cacheHitRatio.durationSeconds)}`,
            what: `fewer than ${cachePct} % of cache lookups hit for ${humanDuration(cacheHitRatio.durationSeconds)} (runbook 004: target ${cacheHitRatio.targetPercent} %).`,
            conditions: [promql(`hit ratio < ${cachePct} %`, `${hits} / (${hits} + ${misses}) < ${cachePct / 100}`, cacheHitRatio.durationSeconds, "cache_hit_ratio")],
        },
        {
            signal: signals.connectionPool, service: platformService, severity: "P2",
            title: `connection pool > ${poolPct} % for ${humanDuration(connectionPool.durationSeconds)}`,
            what: `a database connection pool has been more than ${poolPct} % in use for ${humanDuration(connectionPool.durationSeconds)}; at 100 % requests queue for a connection.`,
            conditions: [promql(`pool > ${poolPct} %`, `max(${m.poolInUseMetric}${sel} / ${m.poolSizeMetric}${sel}) > ${poolPct / 100}`, connectionPool.durationSeconds, "connection_pool")],
        },
    ];
}
