/**
 * Where a service's request metrics come from, as filters (alerts, SLOs) and PromQL
 * (dashboards, app-metric alerts). No MQL: Google deprecated it.
 *
 * - load-balancer: the Application Load Balancer the GKE Gateway creates. Its backend
 *   services are named `gkegw1-<hash>-<namespace>-<service>-<port>-<hash>`; the canary's
 *   Service adds `-canary`. What users see, including the load balancer's own 5xx when no
 *   pod answers.
 * - prometheus: the app's own metrics, scraped by Managed Service for Prometheus through the
 *   PodMonitoring golive declares (job = the service's name). Internal services have no load
 *   balancer; this is what exists for them.
 */
import type { Condition } from "./alert";
import { seconds } from "./alert";
import type { PrometheusMetrics } from "./defaults";
import type { MetricsSource } from "./monitoring-args";

export interface RequestMetrics {
    source: MetricsSource;
    /** Words for documentation: "the load balancer" / "the app's Prometheus metrics". */
    describe: string;
    /** 5xx responses as a fraction of all, above `fraction` for `durationSeconds`. */
    errorRatio(displayName: string, fraction: number, durationSeconds: number): Condition;
    /** P95 latency in ms above `ms` for `durationSeconds`. */
    latencyP95(displayName: string, ms: number, durationSeconds: number): Condition;
    /** Requests per minute above `perMinute` for `durationSeconds`. */
    requestsPerMinute(displayName: string, perMinute: number, durationSeconds: number): Condition;
    /** The availability SLI: bad (5xx) and total requests, as monitoring filters. */
    sli: { badServiceFilter: string; totalServiceFilter: string };
    /** PromQL for dashboards. */
    promql: { requestsPerSecond: string; errorRatio: string; latencyMs(quantile: number): string };
}

/** A PromQL condition; the threshold ends the query, where alerting rules keep it. */
function promqlCondition(displayName: string, query: string, durationSeconds: number, alertRule: string): Condition {
    return {
        displayName,
        conditionPrometheusQueryLanguage: {
            query,
            duration: seconds(durationSeconds),
            evaluationInterval: "30s",
            alertRule,
            // The app's metrics appear only once it runs; creating the alert must not wait for them.
            disableMetricValidation: true,
        },
    };
}

const perMinute = [{ alignmentPeriod: "60s", perSeriesAligner: "ALIGN_DELTA", crossSeriesReducer: "REDUCE_SUM" }];
const ratePerSecond = [{ alignmentPeriod: "60s", perSeriesAligner: "ALIGN_RATE", crossSeriesReducer: "REDUCE_SUM" }];

/** The GKE Gateway's backend service name pattern for a Service (and its canary). */
export function gatewayBackendPattern(namespace: string, service: string, port: number): string {
    return `gkegw1-[a-z0-9]+-${namespace}-${service}(-canary)?-${port}-[a-z0-9]+`;
}

export function loadBalancerMetrics(namespace: string, service: string, port: number): RequestMetrics {
    const pattern = gatewayBackendPattern(namespace, service, port);
    const backend = `resource.type="https_lb_rule" AND resource.label.backend_target_name=monitoring.regex.full_match("${pattern}")`;
    const requests = `metric.type="loadbalancing.googleapis.com/https/request_count" AND ${backend}`;
    const errors = `${requests} AND metric.label.response_code_class=500`;
    const latencies = `metric.type="loadbalancing.googleapis.com/https/total_latencies" AND ${backend}`;
    const promSelector = `monitored_resource="https_lb_rule",backend_target_name=~"${pattern}"`;
    const promRequests = `loadbalancing_googleapis_com:https_request_count{${promSelector}}`;
    const promErrors = `loadbalancing_googleapis_com:https_request_count{${promSelector},response_code_class="500"}`;
    return {
        source: "load-balancer",
        describe: "the load balancer's request metrics",
        errorRatio: (displayName, fraction, durationSeconds) => ({
            displayName,
            conditionThreshold: {
                filter: errors,
                denominatorFilter: requests,
                aggregations: ratePerSecond,
                denominatorAggregations: ratePerSecond,
                comparison: "COMPARISON_GT",
                thresholdValue: fraction,
                duration: seconds(durationSeconds),
                trigger: { count: 1 },
            },
        }),
        latencyP95: (displayName, ms, durationSeconds) => ({
            displayName,
            conditionThreshold: {
                filter: latencies,
                // total_latencies is a distribution in ms: merge the backends' distributions, take their P95.
                aggregations: [{ alignmentPeriod: "60s", perSeriesAligner: "ALIGN_DELTA", crossSeriesReducer: "REDUCE_PERCENTILE_95" }],
                comparison: "COMPARISON_GT",
                thresholdValue: ms,
                duration: seconds(durationSeconds),
                trigger: { count: 1 },
            },
        }),
        requestsPerMinute: (displayName, limit, durationSeconds) => ({
            displayName,
            conditionThreshold: {
                filter: requests,
                aggregations: perMinute,
                comparison: "COMPARISON_GT",
                thresholdValue: limit,
                duration: seconds(durationSeconds),
                trigger: { count: 1 },
            },
        }),
        sli: { badServiceFilter: errors, totalServiceFilter: requests },
        promql: {
            requestsPerSecond: `sum(rate(${promRequests}[1m]))`,
            errorRatio: `sum(rate(${promErrors}[2m])) / sum(rate(${promRequests}[2m]))`,
            latencyMs: (q) => `histogram_quantile(${q}, sum by (le) (rate(loadbalancing_googleapis_com:https_total_latencies_bucket{${promSelector}}[5m])))`,
        },
    };
}

/** The Prometheus selector of a service's scrape targets. */
export function targetSelector(cluster: string, namespace: string, service: string): string {
    return `cluster="${cluster}",namespace="${namespace}",job="${service}"`;
}

export function prometheusMetrics(cluster: string, namespace: string, service: string, m: PrometheusMetrics): RequestMetrics {
    const sel = targetSelector(cluster, namespace, service);
    const requests = `${m.requestsMetric}{${sel}}`;
    const errors = `${m.requestsMetric}{${sel},${m.statusLabel}=~"5.."}`;
    const errorRatio = `sum(rate(${errors}[2m])) / sum(rate(${requests}[2m]))`;
    const toMs = m.durationUnit === "seconds" ? " * 1000" : "";
    const latencyMs = (q: number) => `histogram_quantile(${q}, sum by (le) (rate(${m.durationMetric}_bucket{${sel}}[5m])))${toMs}`;
    const counter = `metric.type="prometheus.googleapis.com/${m.requestsMetric}/counter" AND resource.type="prometheus_target"`
        + ` AND resource.label.cluster="${cluster}" AND resource.label.namespace="${namespace}" AND resource.label.job="${service}"`;
    return {
        source: "prometheus",
        describe: `the app's Prometheus metrics (${m.requestsMetric}, ${m.durationMetric})`,
        errorRatio: (displayName, fraction, durationSeconds) => promqlCondition(displayName, `${errorRatio} > ${fraction}`, durationSeconds, "error_ratio"),
        latencyP95: (displayName, ms, durationSeconds) => promqlCondition(displayName, `${latencyMs(0.95)} > ${ms}`, durationSeconds, "latency_p95"),
        requestsPerMinute: (displayName, limit, durationSeconds) =>
            promqlCondition(displayName, `sum(rate(${requests}[5m])) * 60 > ${limit}`, durationSeconds, "request_volume"),
        sli: { badServiceFilter: `${counter} AND metric.label.${m.statusLabel}=monitoring.regex.full_match("5..")`, totalServiceFilter: counter },
        promql: { requestsPerSecond: `sum(rate(${requests}[1m]))`, errorRatio, latencyMs },
    };
}
