import { strict as assert } from "node:assert";
import { parseStackConfig } from "../../config";
import { thresholds } from "../../policies/monitoring";
import { alerting } from "../../schema";
import { editedProduction, productionProblems, rawConfig } from "../config/stack-files";

const file = "Pulumi.production.yaml";

const problems = productionProblems;

describe("golive:alerting", () => {
    it("defaults every threshold to the gate's own runbook figures", () => {
        const a = alerting.parse({});
        assert.deepEqual([a.errorRatePercent, a.latencyP95Ms, a.requestsPerMinute, a.uptimePeriod, a.sloAvailabilityPercent], [
            thresholds.errorRate.percent, thresholds.latencyP95.ms, thresholds.requestVolume.perMinute, `${thresholds.uptime.periodSeconds}s`, thresholds.slo.availabilityGoal * 100,
        ]);
        assert.deepEqual(a.platform, { enabled: true, queueDepthMax: 100, cacheHitMinPercent: 50, connectionPoolMaxPercent: 80 });
        assert.deepEqual(a.services, {});
        assert.equal(a.firestore, undefined);
    });

    it("reads the production example's channels, runbook link and Firestore threshold", () => {
        const a = parseStackConfig(rawConfig("production"), () => false, file, "production").alerting;
        assert.deepEqual(a.email, ["sre-tickets@teei.example.com"]);
        assert.equal(a.runbookBaseUrl, "https://runbooks.teei.example.com/golive");
        assert.deepEqual(a.firestore, { databaseId: "(default)", readOpsPerSecond: 200, rulesDeniedPercent: 5 });
    });

    it("refuses per-service overrides for a service the stack does not declare", () => {
        const raw = editedProduction("alerting", (a) => ({ ...a, services: { "reporting-apii": { errorRatePercent: 2 } } }));
        assert.deepEqual(problems(raw), [
            `${file}: golive:alerting.services["reporting-apii"]: names no service; expected one of reporting-api, q2q-pipeline, notification-service, export-service`,
        ]);
    });

    it("refuses a runbook link that is not https, a metric source it does not know and a bad Prometheus metric name", () => {
        const raw = editedProduction("alerting", (a) => ({
            ...a,
            runbookBaseUrl: "http://runbooks.teei.example.com",
            services: { "q2q-pipeline": { metricsSource: "datadog", prometheus: { requestsMetric: "http requests" } } },
        }));
        assert.deepEqual(problems(raw), [
            `${file}: golive:alerting.runbookBaseUrl: must be an https URL such as https://runbooks.example.com/golive (got "http://runbooks.teei.example.com")`,
            `${file}: golive:alerting.services["q2q-pipeline"].metricsSource: expected one of "load-balancer", "prometheus", got "datadog"`,
            `${file}: golive:alerting.services["q2q-pipeline"].prometheus.requestsMetric: must be a Prometheus metric name such as http_requests_total (got "http requests")`,
        ]);
    });

    it("asks for the read-spike threshold when Firestore alerts are declared, since no runbook gives one", () => {
        const raw = editedProduction("alerting", (a) => ({ ...a, firestore: {} }));
        assert.deepEqual(problems(raw), [`${file}: golive:alerting.firestore.readOpsPerSecond: is required (expected number)`]);
    });

    it("refuses an uptime period Cloud Monitoring does not offer", () => {
        const raw = editedProduction("alerting", (a) => ({ ...a, uptimePeriod: "30s" }));
        assert.deepEqual(problems(raw), [`${file}: golive:alerting.uptimePeriod: expected one of "60s", "300s", "600s", "900s", got "30s"`]);
    });
});
