/**
 * The arguments of Monitoring: what the stack declares about its services and its alerting,
 * with every optional field's `@default`. Runbook thresholds default to the gate's own
 * figures (policies/monitoring/thresholds.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { UptimeRegion } from "../../policies/monitoring/uptime";
import type { Environment, PrometheusMetrics } from "./defaults";

/** Where a service's request metrics come from. */
export type MetricsSource = "load-balancer" | "prometheus";

/** One service to watch, as the stack declares it. */
export interface MonitoredService {
    /** The Kubernetes name of the service (its Deployment, Service and scrape job). */
    name: string;
    /** The container port its Service listens on (the load balancer's backend is named after it). */
    port: number;
    /** Public host label; the service is published at `<host>.<domain>` and gets an uptime check. @default undefined (internal) */
    host?: string;
    /** The path uptime checks request. @default "/health" */
    healthPath?: string;
    /**
     * Where its request metrics come from.
     * @default "load-balancer" for a public service (what users see, including the load
     *   balancer's own 5xx when no pod answers), "prometheus" for an internal one (it has no
     *   load balancer)
     */
    metricsSource?: MetricsSource;
    /** @default the stack's errorRatePercent */
    errorRatePercent?: number;
    /** @default the stack's latencyP95Ms */
    latencyP95Ms?: number;
    /** @default the stack's requestsPerMinute */
    requestsPerMinute?: number;
    /** Its Prometheus metric names, field by field. @default the stack's prometheus */
    prometheus?: Partial<PrometheusMetrics>;
}

export interface NotificationChannelsArgs {
    /** PagerDuty: pages P0 and P1 in production. The integration key is a Pulumi secret. @default undefined (no pager) */
    pagerduty?: { serviceKey: pulumi.Input<string> };
    /** The Slack war room. The token is a Pulumi secret. @default undefined */
    slack?: { channel: string; authToken: pulumi.Input<string> };
    /** Email addresses for P3 tickets. @default [] */
    email?: readonly string[];
}

export interface PlatformAlertsArgs {
    /** @default "queue_depth" */
    queueDepthMetric?: string;
    /** Alert at this many queued jobs. @default 100 (runbook 001) */
    queueDepthMax?: number;
    /** @default "cache_hits_total" */
    cacheHitsMetric?: string;
    /** @default "cache_misses_total" */
    cacheMissesMetric?: string;
    /** Alert below this hit ratio. @default 50 (runbook 004) */
    cacheHitMinPercent?: number;
    /** @default "db_pool_connections_in_use" */
    poolInUseMetric?: string;
    /** @default "db_pool_connections_max" */
    poolSizeMetric?: string;
    /** Alert above this utilization. @default 80 (runbook 004) */
    connectionPoolMaxPercent?: number;
}

export interface FirestoreAlertsArgs {
    /** @default "(default)" */
    databaseId?: string;
    /** Read-spike threshold, document reads per second (no runbook figure: the app's own). */
    readOpsPerSecond: number;
    /** Alert when more than this share of rule evaluations is denied. @default 5 */
    rulesDeniedPercent?: number;
}

export interface MonitoringArgs {
    /** Production pages; staging routes every alert to Slack only. */
    environment: Environment;
    /** The Google Cloud project the alerts, checks and SLOs live in (SLO names include it). */
    project: string;
    /** The GKE cluster's name (the `cluster` label of its Prometheus metrics). */
    cluster: string;
    /** The namespace the services run in. */
    namespace: string;
    /** The stack's domain; public hosts are `<host>.<domain>`. */
    domain: string;
    services: readonly MonitoredService[];
    channels: NotificationChannelsArgs;
    /**
     * Every alert's documentation links `<runbookBaseUrl>/<signal>`.
     * @default undefined (no link: the gate refuses that in production)
     */
    runbookBaseUrl?: string;
    /** @default 1 (runbook 004) */
    errorRatePercent?: number;
    /** @default 1000 (runbook 004) */
    latencyP95Ms?: number;
    /** @default 500 (runbook 004) */
    requestsPerMinute?: number;
    /** Seconds between uptime checks: 60, 300, 600 or 900. @default 60 (runbook 004) */
    uptimePeriodSeconds?: 60 | 300 | 600 | 900;
    /** @default EUROPE, USA_VIRGINIA, USA_OREGON, SOUTH_AMERICA, ASIA_PACIFIC */
    uptimeRegions?: readonly UptimeRegion[];
    /** The availability SLO's goal as a fraction. @default 0.999 */
    sloGoal?: number;
    /** The app's Prometheus metric names. @default http_requests_total{code}, http_request_duration_seconds, /metrics on port "http" */
    prometheus?: Partial<PrometheusMetrics>;
    /** Queue, cache and connection-pool alerts; false to declare none. @default {} (all, with default metric names) */
    platform?: PlatformAlertsArgs | false;
    /** Firestore alerts (runbook 000). @default undefined (none) */
    firestore?: FirestoreAlertsArgs;
    /**
     * Declare a PodMonitoring per service and a NetworkPolicy admitting the GMP collectors
     * (the default-deny policy would block the scrape). Needs the Kubernetes provider.
     * @default true
     */
    scrape?: boolean;
}
