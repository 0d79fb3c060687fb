import { strict as assert } from "node:assert";
import { monitoringAlertpolicyConfigureThresholds as policy } from "../../../policies/monitoring";
import { messages, notApplicable, UNKNOWN } from "../harness";
import { resourcePolicyWithConfig } from "../workloads/config";
import { alertPolicy, bucket, labelledAlert, promqlLatencyAlert } from "./fixtures";

const errorAlert = "alert policy \"[production] reporting-api: error rate > 1 % for 2 min\" (service reporting-api)";
const latencyAlert = "alert policy \"[production] q2q-pipeline: P95 latency > 1000 ms for 5 min\" (service q2q-pipeline)";
const promql = (threshold: string) => `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="q2q-pipeline"}[5m]))) * 1000 ${threshold}`;

describe("monitoring-alertpolicy-configure-thresholds", () => {
    it("passes golive's error-rate alert (a metric threshold) and latency alert (PromQL)", async () => {
        assert.deepEqual(await messages(policy, alertPolicy()), []);
        assert.deepEqual(await messages(policy, promqlLatencyAlert()), []);
    });

    it("declares the runbooks' figures as its config defaults", () => {
        const props = policy.configSchema?.properties ?? {};
        assert.deepEqual(
            Object.fromEntries(Object.entries(props).map(([k, v]) => [k, (v as { default?: unknown }).default])),
            { maxErrorRatePercent: 1, maxLatencyP95Ms: 1000, maxPlatformDownPercent: 50, maxRequestsPerMinute: 500, maxQueueDepth: 100, maxConnectionPoolPercent: 80, minCacheHitPercent: 50, maxDurationSeconds: 300 },
        );
    });

    it("refuses an error-rate alert at 5 %, naming the service and the setting", async () => {
        assert.deepEqual(await messages(policy, alertPolicy((p) => { p.conditions[0].conditionThreshold.thresholdValue = 0.05; })), [
            `${errorAlert} fires when the error rate exceeds 5 %, looser than the runbook's 1 %. Set golive:alerting.errorRatePercent to at most 1 %, or change maxErrorRatePercent in this stack's policy config if the team agreed another limit.`,
        ]);
    });

    it("refuses a PromQL latency alert at 1500 ms, read from the comparison that ends the query", async () => {
        const slow = promqlLatencyAlert((p) => { p.conditions[0].conditionPrometheusQueryLanguage.query = promql("> 1500"); });
        assert.deepEqual(await messages(policy, slow), [
            `${latencyAlert} fires when P95 latency exceeds 1500 ms, looser than the runbook's 1000 ms. Set golive:alerting.latencyP95Ms to at most 1000 ms, or change maxLatencyP95Ms in this stack's policy config if the team agreed another limit.`,
        ]);
    });

    it("refuses a comparison the wrong way round", async () => {
        assert.deepEqual(await messages(policy, alertPolicy((p) => { p.conditions[0].conditionThreshold.comparison = "COMPARISON_LT"; })), [
            `${errorAlert} fires when the error rate is < 1 %, the wrong way round: it must fire when the error rate goes above 1 %. Use the comparison >.`,
        ]);
    });

    it("refuses a cache-hit alert that waits for the ratio to fall below 30 % (a lower bound)", async () => {
        const cache = labelledAlert("platform", "cache-hit-ratio", (p) => {
            p.displayName = "[production] platform: cache hit ratio < 30 % for 5 min";
            p.conditions = [{ displayName: "hit ratio", conditionPrometheusQueryLanguage: { query: "sum(rate(cache_hits_total[5m])) / sum(rate(cache_requests_total[5m])) < 0.3", duration: "300s" } }];
        });
        assert.deepEqual(await messages(policy, cache), [
            "alert policy \"[production] platform: cache hit ratio < 30 % for 5 min\" (service platform) fires when the cache hit ratio drops below 30 %, looser than the runbook's 50 %. Set golive:alerting.platform.cacheHitMinPercent to at least 50 %, or change minCacheHitPercent in this stack's policy config if the team agreed another limit.",
        ]);
    });

    it("refuses a condition that waits 10 minutes before it fires", async () => {
        assert.deepEqual(await messages(policy, alertPolicy((p) => { p.conditions[0].conditionThreshold.duration = "600s"; })), [
            `${errorAlert} condition "5xx ratio > 1 %" waits 600 s before it fires, longer than 300 s, so a launch-day outage goes unseen that long. Set its duration to at most 300s.`,
        ]);
    });

    it("judges the duration of an alert golive did not label, and nothing else of it", async () => {
        const other = alertPolicy((p) => {
            delete p.userLabels;
            p.displayName = "disk filling";
            p.conditions[0].conditionThreshold.thresholdValue = 42;
            p.conditions[0].conditionThreshold.duration = "900s";
        });
        assert.deepEqual(await messages(policy, other), [
            "alert policy \"disk filling\" condition \"5xx ratio > 1 %\" waits 900 s before it fires, longer than 300 s, so a launch-day outage goes unseen that long. Set its duration to at most 300s.",
        ]);
    });

    it("refuses a labelled alert whose threshold it cannot read", async () => {
        const opaque = promqlLatencyAlert((p) => { p.conditions[0].conditionPrometheusQueryLanguage.query = "my_latency_alert_expression"; });
        assert.deepEqual(await messages(policy, opaque), [
            `${latencyAlert} is labelled signal=latency but has no threshold the gate can read (a metric threshold, or a PromQL query ending in a comparison), so nobody can tell when it fires. Compare P95 latency to at most 1000 ms in a metric threshold or at the end of the PromQL query.`,
        ]);
    });

    it("uses the limits set in policy config", async () => {
        const agreed = resourcePolicyWithConfig(policy, { maxErrorRatePercent: 5 });
        assert.deepEqual(await messages(agreed, alertPolicy((p) => { p.conditions[0].conditionThreshold.thresholdValue = 0.05; })), []);
        const strict = resourcePolicyWithConfig(policy, { maxDurationSeconds: 60 });
        assert.deepEqual(await messages(strict, alertPolicy()), [
            `${errorAlert} condition "5xx ratio > 1 %" waits 120 s before it fires, longer than 60 s, so a launch-day outage goes unseen that long. Set its duration to at most 60s.`,
        ]);
    });

    it("cannot pass silently when the threshold is unknown during preview", async () => {
        const [message, ...rest] = await messages(policy, alertPolicy((p) => { p.conditions[0].conditionThreshold.thresholdValue = UNKNOWN; }));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'monitoring-alertpolicy-configure-thresholds'.*during preview/);
    });

    it("reports resources that are not alert policies as not applicable", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
    });
});
