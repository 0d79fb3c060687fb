/**
 * The monitoring component's own defaults: what golive assumes about the apps and where it
 * checks from. The runbooks' thresholds are not here; they live in the policy pack
 * (policies/monitoring/thresholds.ts), which the component and the gate both read.
 */
import type { UptimeRegion } from "../../policies/monitoring/uptime";

export type Environment = "staging" | "production";

/** The app's request metrics as the Prometheus client libraries name them by default. */
export interface PrometheusMetrics {
    /** Counter of handled requests with a status label. */
    requestsMetric: string;
    /** The status label of requestsMetric. */
    statusLabel: string;
    /** Histogram of request durations. */
    durationMetric: string;
    durationUnit: "seconds" | "milliseconds";
    /** Where the pods serve metrics. */
    metricsPath: string;
    /** The container port (name or number) serving metricsPath. */
    metricsPort: string | number;
}

export const defaults = {
    prometheus: {
        requestsMetric: "http_requests_total",
        statusLabel: "code",
        durationMetric: "http_request_duration_seconds",
        durationUnit: "seconds",
        metricsPath: "/metrics",
        metricsPort: "http",
    } satisfies PrometheusMetrics as PrometheusMetrics,
    /** How often Managed Service for Prometheus scrapes each pod. */
    scrapeInterval: "30s",
    /**
     * Five checker regions on four continents: Europe (where the platform and its pilot
     * tenants are), the US east and west coasts (independent network paths, not the USA
     * superset that would count them twice), South America and Asia Pacific. More than one
     * failing region fires the alert, so one region's network trouble never pages.
     */
    uptimeRegions: ["EUROPE", "USA_VIRGINIA", "USA_OREGON", "SOUTH_AMERICA", "ASIA_PACIFIC"] satisfies UptimeRegion[] as UptimeRegion[],
    /** Platform gauges and counters, as the app exports them (rename in golive:alerting.platform). */
    platformMetrics: {
        queueDepthMetric: "queue_depth",
        cacheHitsMetric: "cache_hits_total",
        cacheMissesMetric: "cache_misses_total",
        poolInUseMetric: "db_pool_connections_in_use",
        poolSizeMetric: "db_pool_connections_max",
    },
    /** Open incidents close this long after the condition stops being met (instead of 7 days). */
    autoClose: "1800s",
    /** The GMP collectors (namespace gmp-system) that scrape the pods. */
    collector: { namespace: "gmp-system", podLabels: { "app.kubernetes.io/name": "collector" } },
} as const;
