/**
 * Dashboards as Cloud Monitoring JSON: one per service with the four golden signals
 * (traffic, errors, latency, saturation) plus its heartbeat and error budget, and one
 * launch-day overview of every service, every public host and the open incidents.
 */
import { latencyTargetsMs, platformDown } from "../../policies/monitoring/thresholds";
import type { ResolvedService } from "./service-alerts";
import { targetSelector } from "./metrics";

type Json = Record<string, unknown>;

const width = 24;
const height = 16;

/** Tiles two to a row, in order. */
function layout(widgets: Json[]): Json {
    return {
        columns: 48,
        tiles: widgets.map((widget, i) => ({ xPos: (i % 2) * width, yPos: Math.floor(i / 2) * height, width, height, widget })),
    };
}

function promql(query: string, legend: string): Json {
    return { timeSeriesQuery: { prometheusQuery: query }, plotType: "LINE", legendTemplate: legend };
}

function chart(title: string, dataSets: Json[], yLabel: string, thresholds: Json[] = []): Json {
    return { title, xyChart: { dataSets, thresholds, yAxis: { label: yLabel, scale: "LINEAR" } } };
}

function line(value: number, label: string, color: "RED" | "YELLOW"): Json {
    return { value, label, color, direction: "ABOVE" };
}

function containerSelector(s: ResolvedService): string {
    return `monitored_resource="k8s_container",cluster_name="${s.cluster}",namespace_name="${s.namespace}",container_name="${s.name}"`;
}

/** A service's golden signals. */
export function serviceDashboard(s: ResolvedService, environment: string): Json {
    const p = s.metrics.promql;
    return {
        displayName: `[${environment}] ${s.name}: golden signals`,
        mosaicLayout: layout([
            chart("Traffic: requests per second", [promql(p.requestsPerSecond, "req/s")], "req/s"),
            chart("Errors: 5xx ratio", [promql(p.errorRatio, "5xx ratio")], "ratio", [
                line(s.errorRate, "error-rate alert", "YELLOW"),
                line(platformDown.percent / 100, "P0 platform down", "RED"),
            ]),
            chart("Latency: P50, P95, P99 (ms)", [0.5, 0.95, 0.99].map((q) => promql(p.latencyMs(q), `p${Math.round(q * 100)}`)), "ms", [
                line(s.latencyP95Ms, "P95 alert", "RED"),
                ...latencyTargetsMs.map((t) => line(t, `runbook target ${t} ms`, "YELLOW" as const)),
            ]),
            chart("Saturation: CPU of request, memory of limit", [
                promql(`max(kubernetes_io:container_cpu_request_utilization{${containerSelector(s)}})`, "cpu / request"),
                promql(`max(kubernetes_io:container_memory_limit_utilization{${containerSelector(s)}})`, "memory / limit"),
            ], "ratio", [line(1, "request / limit", "YELLOW")]),
            chart("Heartbeat: scrape targets up", [promql(`sum(up{${targetSelector(s.cluster, s.namespace, s.name)}})`, "targets up")], "pods"),
            chart("Availability SLO: error budget left", [{
                timeSeriesQuery: { timeSeriesFilter: { filter: `select_slo_budget_fraction("${s.sloName}")` } },
                plotType: "LINE",
                legendTemplate: "budget left",
            }], "fraction"),
        ]),
    };
}

/** Launch day on one screen: errors and P95 per service, uptime per public host, open incidents. */
export function overviewDashboard(services: readonly ResolvedService[], environment: string): Json {
    const widgets: Json[] = [{ title: "Open incidents", incidentList: { policyNames: [] } }];
    for (const s of services) {
        widgets.push(chart(`${s.name}: 5xx ratio`, [promql(s.metrics.promql.errorRatio, "5xx ratio")], "ratio", [line(s.errorRate, "alert", "RED")]));
        widgets.push(chart(`${s.name}: P95 latency (ms)`, [promql(s.metrics.promql.latencyMs(0.95), "p95")], "ms", [line(s.latencyP95Ms, "alert", "RED")]));
    }
    for (const s of services.filter((x) => x.hostname)) {
        widgets.push(chart(`https://${s.hostname}: uptime (share of regions passing)`, [{
            timeSeriesQuery: {
                timeSeriesFilter: {
                    filter: `metric.type="monitoring.googleapis.com/uptime_check/check_passed" AND resource.type="uptime_url" AND resource.label.host="${s.hostname}"`,
                    aggregation: { alignmentPeriod: "60s", perSeriesAligner: "ALIGN_FRACTION_TRUE", crossSeriesReducer: "REDUCE_MEAN", groupByFields: ["resource.label.host"] },
                },
            },
            plotType: "LINE",
        }], "fraction"));
    }
    return { displayName: `[${environment}] launch day: every service`, mosaicLayout: layout(widgets) };
}
