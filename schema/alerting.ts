import { z } from "zod";
import { distinctRegions } from "../policies/monitoring/uptime";
import { cacheHitRatio, connectionPool, errorRate, firestoreRulesDenied, latencyP95, queueDepth, requestVolume, slo, uptime } from "../policies/monitoring/thresholds";
import { dnsLabel, httpPath, secretRef } from "./common";

const percent = z.number().positive().max(100);

const promMetricName = z
    .string()
    .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, { error: "must be a Prometheus metric name such as http_requests_total" });

const promLabelName = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { error: "must be a Prometheus label name such as code" });

/**
 * The app's Prometheus metrics, scraped by Managed Service for Prometheus. Unset names take
 * the monitoring component's defaults (http_requests_total by `code`, the
 * http_request_duration_seconds histogram, /metrics on the `http` port).
 */
const prometheus = z.strictObject({
    /** Counter of requests, labelled with the HTTP status. */
    requestsMetric: promMetricName.optional(),
    /** The status label of requestsMetric (code, status_code, http_response_status_code). */
    statusLabel: promLabelName.optional(),
    /** Histogram of request durations (its _bucket series). */
    durationMetric: promMetricName.optional(),
    durationUnit: z.enum(["seconds", "milliseconds"]).optional(),
    metricsPath: httpPath.optional(),
    /** The container port (name or number) serving metricsPath. */
    metricsPort: z.union([z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/), z.number().int().min(1).max(65535)]).optional(),
});

/** Per-service overrides of the stack-wide thresholds and metric source. */
const serviceAlerting = z.strictObject({
    errorRatePercent: percent.optional(),
    latencyP95Ms: z.number().int().positive().optional(),
    /** Public services only: runbook 004's request-volume alert. */
    requestsPerMinute: z.number().int().positive().optional(),
    /** Where request metrics come from: the load balancer (public services) or the app's Prometheus metrics. */
    metricsSource: z.enum(["load-balancer", "prometheus"]).optional(),
    prometheus: prometheus.optional(),
});

const platform = z.strictObject({
    /** Declare the queue, cache and connection-pool alerts. */
    enabled: z.boolean().default(true),
    queueDepthMetric: promMetricName.optional(),
    queueDepthMax: z.number().int().positive().default(queueDepth.max),
    cacheHitsMetric: promMetricName.optional(),
    cacheMissesMetric: promMetricName.optional(),
    cacheHitMinPercent: percent.default(cacheHitRatio.minPercent),
    poolInUseMetric: promMetricName.optional(),
    poolSizeMetric: promMetricName.optional(),
    connectionPoolMaxPercent: percent.default(connectionPool.maxPercent),
});

const firestore = z.strictObject({
    /** The Firestore database id the alerts watch. */
    databaseId: z.string().regex(/^(\(default\)|[a-z][a-z0-9-]{2,62})$/, { error: "must be (default) or a Firestore database id" }).default("(default)"),
    /** Read-spike threshold in document reads per second; no runbook gives one, so the stack must. */
    readOpsPerSecond: z.number().positive(),
    rulesDeniedPercent: percent.default(firestoreRulesDenied.percent),
});

/** Where alerts go and how tight they are. Keys and tokens are named secrets, never values. */
export const alerting = z.strictObject({
    /** Pages P0 and P1 alerts (production only; staging routes everything to Slack). */
    pagerduty: z.strictObject({ integrationKeySecret: secretRef }).optional(),
    /** The war room: every alert in staging, P0..P2 in production. */
    slack: z.strictObject({ channel: z.string().regex(/^#[a-z0-9_-]+$/, { error: "must be a Slack channel such as #launch-war-room" }), tokenSecret: secretRef }).optional(),
    /** P3 tickets (SLO slow burn) in production. */
    email: z.array(z.email()).default([]),
    /** Every alert links `<runbookBaseUrl>/<signal>` (error-rate, latency, ...) in its documentation. */
    runbookBaseUrl: z.url({ protocol: /^https$/, error: "must be an https URL such as https://runbooks.example.com/golive" }).optional(),
    /** Alert when the 5xx ratio exceeds this percent for 2 minutes (runbook 004: 1 %). */
    errorRatePercent: percent.default(errorRate.percent),
    /** Alert when P95 latency exceeds this many ms (runbook 004: 1000 ms). */
    latencyP95Ms: z.number().int().positive().default(latencyP95.ms),
    /** Public services: alert above this many requests per minute (runbook 004: 500). */
    requestsPerMinute: z.number().int().positive().default(requestVolume.perMinute),
    /** Uptime checks run this often (runbook 004: every minute). */
    uptimePeriod: z.enum(["60s", "300s", "600s", "900s"]).default(`${uptime.periodSeconds}s` as "60s"),
    /** Where uptime checks run from; unset: five regions on four continents (see the README). */
    uptimeRegions: z.array(z.enum([...distinctRegions, "USA"])).min(3).optional(),
    /** The availability SLO per service, percent of good requests over 30 days. */
    sloAvailabilityPercent: z.number().min(90).max(99.9).default(slo.availabilityGoal * 100),
    prometheus: prometheus.optional(),
    /** Overrides per service name. */
    services: z.record(dnsLabel, serviceAlerting).default({}),
    platform: platform.prefault({}),
    /** Firestore alerts (runbook 000); declared when this is set. */
    firestore: firestore.optional(),
});

export type AlertingConfig = z.infer<typeof alerting>;
