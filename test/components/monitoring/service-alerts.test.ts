import { strict as assert } from "node:assert";
import {
    alertPolicyArgs, availabilitySloArgs, burnRateAlerts, firestoreAlerts, heartbeatAlert, loadBalancerMetrics, needsIndexMetricArgs, overviewDashboard,
    platformAlerts, podMonitoringObject, prometheusMetrics, resolveService, scrapeNetworkPolicySpec, serviceAlerts, serviceDashboard, uptimeAlert, uptimeCheckArgs,
    defaults, errorRateAlert, latencyAlert,
} from "../../../components/monitoring";
import { thresholds } from "../../../policies/monitoring";
import { minimalArgs } from "./fixtures";

/* eslint-disable @typescript-eslint/no-explicit-any -- inputs are checked as plain JSON */
const args = minimalArgs();
const api = resolveService(args, args.services[0]!);
const q2q = resolveService(args, args.services[1]!);
const condition = (spec: { conditions: unknown[] }, i = 0): any => spec.conditions[i];

describe("the alerts every service gets (spec functions)", () => {
    it("reads a public service's requests from the load balancer and an internal one's from its Prometheus metrics", () => {
        assert.equal(api.metrics.source, "load-balancer");
        assert.equal(q2q.metrics.source, "prometheus");
        assert.equal(api.hostname, "api.teei.example.com");
        assert.equal(q2q.hostname, undefined);
    });

    it("gives a public service request volume on top of error rate, latency, platform down, three burn rates and a heartbeat", () => {
        assert.deepEqual(serviceAlerts(api, 0.999).map((a) => a.signal), [
            "error-rate", "latency", "platform-down", "request-volume", "burn-rate-fast", "burn-rate-medium", "burn-rate-slow", "heartbeat",
        ]);
        assert.deepEqual(serviceAlerts(q2q, 0.999).map((a) => a.signal), [
            "error-rate", "latency", "platform-down", "burn-rate-fast", "burn-rate-medium", "burn-rate-slow", "heartbeat",
        ]);
    });

    it("sets the runbooks' thresholds: 5xx ratio above 1 % for 2 minutes, P95 above 1000 ms, P0 above 50 %", () => {
        const lb = condition(errorRateAlert(api)).conditionThreshold;
        assert.equal(lb.thresholdValue, thresholds.errorRate.percent / 100);
        assert.equal(lb.duration, "120s");
        assert.match(lb.filter, /loadbalancing\.googleapis\.com\/https\/request_count.*response_code_class=500$/);
        assert.match(lb.denominatorFilter, /backend_target_name=monitoring\.regex\.full_match\("gkegw1-\[a-z0-9\]\+-teei-reporting-api\(-canary\)\?-8080-\[a-z0-9\]\+"\)$/);
        assert.equal(condition(latencyAlert(api)).conditionThreshold.thresholdValue, 1000);
        assert.equal(condition(latencyAlert(api)).conditionThreshold.aggregations[0].crossSeriesReducer, "REDUCE_PERCENTILE_95");
        const p0 = serviceAlerts(api, 0.999).find((a) => a.signal === "platform-down")!;
        assert.equal(p0.severity, "P0");
        assert.equal(condition(p0).conditionThreshold.thresholdValue, 0.5);
        assert.equal(condition(p0).conditionThreshold.duration, "60s");
    });

    it("writes an internal service's alerts in PromQL with the threshold at the end, latency in milliseconds", () => {
        assert.equal(condition(errorRateAlert(q2q)).conditionPrometheusQueryLanguage.query,
            "sum(rate(http_requests_total{cluster=\"teei-prod\",namespace=\"teei\",job=\"q2q-pipeline\",code=~\"5..\"}[2m])) / sum(rate(http_requests_total{cluster=\"teei-prod\",namespace=\"teei\",job=\"q2q-pipeline\"}[2m])) > 0.01");
        assert.equal(condition(latencyAlert(q2q)).conditionPrometheusQueryLanguage.query,
            "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{cluster=\"teei-prod\",namespace=\"teei\",job=\"q2q-pipeline\"}[5m]))) * 1000 > 1000");
    });

    it("uses the metric names and units the stack configures", () => {
        const m = prometheusMetrics("c", "ns", "svc", { ...defaults.prometheus, requestsMetric: "requests", statusLabel: "status_code", durationMetric: "latency_ms", durationUnit: "milliseconds" });
        assert.match((m.errorRatio("x", 0.01, 120) as any).conditionPrometheusQueryLanguage.query, /^sum\(rate\(requests\{cluster="c",namespace="ns",job="svc",status_code=~"5\.\."\}\[2m\]\)\)/);
        assert.equal((m.latencyP95("x", 800, 300) as any).conditionPrometheusQueryLanguage.query, "histogram_quantile(0.95, sum by (le) (rate(latency_ms_bucket{cluster=\"c\",namespace=\"ns\",job=\"svc\"}[5m]))) > 800");
        assert.equal(m.sli.totalServiceFilter, "metric.type=\"prometheus.googleapis.com/requests/counter\" AND resource.type=\"prometheus_target\" AND resource.label.cluster=\"c\" AND resource.label.namespace=\"ns\" AND resource.label.job=\"svc\"");
    });

    it("burns the error budget as the SRE workbook says: 14.4x over 1 h and 5 min, 6x over 6 h and 30 min page; 1x over 3 days and 6 h is a ticket", () => {
        const burns = burnRateAlerts(api, 0.999);
        assert.deepEqual(burns.map((b) => [b.signal, b.severity, b.combiner, b.conditions.map((c: any) => [c.conditionThreshold.thresholdValue, /"(\d+s)"\)$/.exec(c.conditionThreshold.filter)?.[1]])]), [
            ["burn-rate-fast", "P1", "AND", [[14.4, "3600s"], [14.4, "300s"]]],
            ["burn-rate-medium", "P1", "AND", [[6, "21600s"], [6, "1800s"]]],
            ["burn-rate-slow", "P3", "AND", [[1, "259200s"], [1, "21600s"]]],
        ]);
        assert.match((burns[0]!.conditions[0] as any).conditionThreshold.filter, /^select_slo_burn_rate\("projects\/teei-csr-prod\/services\/reporting-api\/serviceLevelObjectives\/availability", "3600s"\)$/);
    });

    it("pages when no scrape target of the service has been up for 5 minutes", () => {
        const hb = heartbeatAlert(q2q);
        assert.equal(hb.severity, "P1");
        assert.deepEqual(condition(hb).conditionPrometheusQueryLanguage.query, "absent(up{cluster=\"teei-prod\",namespace=\"teei\",job=\"q2q-pipeline\"} == 1)");
        assert.equal(condition(hb).conditionPrometheusQueryLanguage.duration, "300s");
    });

    it("checks a public host every minute from five regions over HTTPS with certificate validation, and alerts after two failures", () => {
        const check: any = uptimeCheckArgs({ service: "reporting-api", hostname: "api.teei.example.com", healthPath: "/health", project: "p", environment: "production", periodSeconds: 60, regions: defaults.uptimeRegions });
        assert.equal(check.period, "60s");
        assert.equal(check.selectedRegions.length, thresholds.uptime.minRegions);
        assert.deepEqual([check.httpCheck.useSsl, check.httpCheck.validateSsl, check.httpCheck.path, check.httpCheck.port], [true, true, "/health", 443]);
        assert.deepEqual(check.monitoredResource, { type: "uptime_url", labels: { project_id: "p", host: "api.teei.example.com" } });
        const a = condition(uptimeAlert({ ...api, hostname: "api.teei.example.com" }, 60)).conditionThreshold;
        assert.equal(a.duration, "60s");
        assert.equal(a.thresholdValue, 1);
        assert.equal(a.aggregations[0].crossSeriesReducer, "REDUCE_COUNT_FALSE");
        assert.equal(condition(uptimeAlert({ ...api, hostname: "api.teei.example.com" }, 300)).conditionThreshold.duration, "300s");
    });

    it("measures availability as the share of requests that are not 5xx, over 30 days", () => {
        const slo: any = availabilitySloArgs("teei-csr-prod", "reporting-api", "production", 0.999, api.metrics);
        assert.deepEqual([slo.goal, slo.rollingPeriodDays, slo.sloId, slo.service], [0.999, 30, "availability", "reporting-api"]);
        assert.deepEqual(slo.requestBasedSli.goodTotalRatio, loadBalancerMetrics("teei", "reporting-api", 8080).sli);
    });

    it("labels, routes and documents every alert the same way", () => {
        const spec = errorRateAlert(api);
        const a: any = alertPolicyArgs(spec, { environment: "production", project: "teei-csr-prod", runbookBaseUrl: "https://runbooks.teei.example.com/golive/" }, ["pd", "slack"]);
        assert.deepEqual(a.userLabels, { service: "reporting-api", severity: "p1", stack: "production", signal: "error-rate" });
        assert.deepEqual([a.severity, a.enabled, a.project, a.notificationChannels], ["ERROR", true, "teei-csr-prod", ["pd", "slack"]]);
        assert.equal(a.displayName, "[production] reporting-api: error rate > 1 % for 2 min");
        assert.deepEqual(a.documentation.links, [{ displayName: "Runbook", url: "https://runbooks.teei.example.com/golive/error-rate" }]);
        assert.equal(a.documentation.mimeType, "text/markdown");
        assert.match(a.documentation.content, /\*\*What fired:\*\* more than 1 % of reporting-api's requests failed with a 5xx for 2 min/);
        assert.match(a.documentation.content, /\*\*First three steps\*\*\n1\. .+\n2\. .+\n3\. .+/);
        assert.match(a.documentation.content, /respond within 15 minutes/);
        const heartbeat: any = alertPolicyArgs(heartbeatAlert(q2q), { environment: "production", project: "p" }, []);
        assert.match(heartbeat.documentation.content, /1\. `kubectl get pods -l app\.kubernetes\.io\/name=q2q-pipeline`/);
        const noLink: any = alertPolicyArgs(spec, { environment: "production", project: "p" }, []);
        assert.deepEqual(noLink.documentation.links, []);
    });

    it("watches the platform's queue, cache and connection pool with the runbooks' figures", () => {
        const p = platformAlerts({}, "teei-prod", "teei");
        assert.deepEqual(p.map((a) => [a.signal, (a.conditions[0] as any).conditionPrometheusQueryLanguage.query]), [
            ["queue-depth", "max(queue_depth{cluster=\"teei-prod\",namespace=\"teei\"}) >= 100"],
            ["cache-hit-ratio", "sum(rate(cache_hits_total{cluster=\"teei-prod\",namespace=\"teei\"}[5m])) / (sum(rate(cache_hits_total{cluster=\"teei-prod\",namespace=\"teei\"}[5m])) + sum(rate(cache_misses_total{cluster=\"teei-prod\",namespace=\"teei\"}[5m]))) < 0.5"],
            ["connection-pool", "max(db_pool_connections_in_use{cluster=\"teei-prod\",namespace=\"teei\"} / db_pool_connections_max{cluster=\"teei-prod\",namespace=\"teei\"}) > 0.8"],
        ]);
    });

    it("watches Firestore reads, rules denials and needs-index errors through a log-based metric", () => {
        const f = firestoreAlerts({ readOpsPerSecond: 200 });
        assert.deepEqual(f.map((a) => [a.signal, a.severity]), [["firestore-reads", "P2"], ["firestore-rules-denied", "P2"], ["firestore-needs-index", "P1"]]);
        const denied = (f[1]!.conditions[0] as any).conditionThreshold;
        assert.match(denied.filter, /rules\/evaluation_count.*database_id="\(default\)" AND metric\.label\.result="DENY"$/);
        assert.equal(denied.thresholdValue, 0.05);
        assert.equal((f[2]!.conditions[0] as any).conditionThreshold.filter, "metric.type=\"logging.googleapis.com/user/golive-firestore-needs-index\" AND resource.type=\"k8s_container\"");
        assert.match(needsIndexMetricArgs("p", "teei-prod", "teei").filter as string, /namespace_name="teei" AND \(textPayload:"requires an index" OR jsonPayload\.message:"requires an index"\)$/);
    });

    it("scrapes each service's pods and lets only the GMP collectors in, on the metrics port", () => {
        assert.deepEqual(podMonitoringObject("q2q-pipeline", "teei", "production", defaults.prometheus).spec, {
            selector: { matchLabels: { "app.kubernetes.io/name": "q2q-pipeline" } },
            endpoints: [{ port: "http", path: "/metrics", interval: "30s" }],
        });
        const np: any = scrapeNetworkPolicySpec(["http", "http", 9090]);
        assert.deepEqual(np.ingress[0].ports, [{ port: "http", protocol: "TCP" }, { port: 9090, protocol: "TCP" }]);
        assert.deepEqual(np.ingress[0].from, [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "gmp-system" } }, podSelector: { matchLabels: { "app.kubernetes.io/name": "collector" } } }]);
    });

    it("draws the golden signals per service and every service on one launch-day dashboard", () => {
        const d: any = serviceDashboard(api, "production");
        assert.deepEqual(d.mosaicLayout.tiles.map((t: any) => t.widget.title), [
            "Traffic: requests per second", "Errors: 5xx ratio", "Latency: P50, P95, P99 (ms)", "Saturation: CPU of request, memory of limit",
            "Heartbeat: scrape targets up", "Availability SLO: error budget left",
        ]);
        const latency = d.mosaicLayout.tiles[2].widget.xyChart;
        assert.deepEqual(latency.thresholds.map((t: any) => t.value), [1000, 500, 600, 800]);
        const o: any = overviewDashboard([api, q2q], "production");
        assert.deepEqual(o.mosaicLayout.tiles.map((t: any) => t.widget.title), [
            "Open incidents", "reporting-api: 5xx ratio", "reporting-api: P95 latency (ms)", "q2q-pipeline: 5xx ratio", "q2q-pipeline: P95 latency (ms)",
            "https://api.teei.example.com: uptime (share of regions passing)",
        ]);
        assert.ok(!JSON.stringify(o).includes("fetch "), "no MQL");
    });
});
