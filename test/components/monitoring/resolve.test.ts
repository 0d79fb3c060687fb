import { strict as assert } from "node:assert";
import { Monitoring, MonitoringArgsError, monitoringProblems, resolveService } from "../../../components/monitoring";
import { minimalArgs } from "./fixtures";

describe("Monitoring's arguments: defaults and problems", () => {
    it("finds nothing wrong with a valid stack", () => {
        assert.deepEqual(monitoringProblems(minimalArgs()), []);
    });

    it("lets a service override the stack's thresholds and metric source", () => {
        const args = minimalArgs({ errorRatePercent: 0.5, services: [{ name: "reporting-api", port: 8080, host: "api", errorRatePercent: 2, latencyP95Ms: 600, metricsSource: "prometheus", prometheus: { statusLabel: "status_code" } }] });
        const s = resolveService(args, args.services[0]!);
        assert.deepEqual([s.errorRate, s.latencyP95Ms, s.requestsPerMinute, s.metrics.source], [0.02, 600, 500, "prometheus"]);
        assert.match(s.metrics.promql.errorRatio, /status_code=~"5\.\."/);
        const stackWide = resolveService(minimalArgs({ errorRatePercent: 0.5 }), { name: "q2q-pipeline", port: 8080 });
        assert.equal(stackWide.errorRate, 0.005);
    });

    it("lists every problem at once, naming the service and the field", () => {
        const args = minimalArgs({
            runbookBaseUrl: "http://runbooks.example.com",
            uptimePeriodSeconds: 120 as 60,
            sloGoal: 0.9999,
            services: [
                { name: "q2q-pipeline", port: 8080, metricsSource: "load-balancer", errorRatePercent: 150 },
                { name: "q2q-pipeline", port: 8080, prometheus: { requestsMetric: "http requests\"}" } },
                { name: "platform", port: 8080 },
            ],
        });
        assert.deepEqual(monitoringProblems(args), [
            "runbookBaseUrl: \"http://runbooks.example.com\" must be an https URL",
            "uptimePeriodSeconds: must be one of 60, 300, 600, 900 (got 120)",
            "sloGoal: must be above 0 and at most 0.999 (got 0.9999)",
            "service \"q2q-pipeline\": errorRatePercent: must be a percentage above 0 and at most 100 (got 150)",
            "service \"q2q-pipeline\": metricsSource: \"load-balancer\" needs a public host: an internal service has no load balancer; use \"prometheus\"",
            "service \"q2q-pipeline\": name: is declared twice; service names must be unique",
            "service \"q2q-pipeline\": prometheus.requestsMetric: \"http requests\"}\" must be a Prometheus metric name such as http_requests_total",
            "service \"platform\": name: \"platform\" is the service label of golive's platform alerts; rename the service",
        ]);
    });

    it("refuses the load balancer as source when GKE would shorten the backend's name", () => {
        const args = minimalArgs({ services: [{ name: "a-very-long-service-name-for-the-reporting-backend", port: 8080, host: "api" }] });
        assert.deepEqual(monitoringProblems(args), [
            "service \"a-very-long-service-name-for-the-reporting-backend\": metricsSource: the load balancer's backend name for it would exceed 63 characters and be shortened, so its metrics could not be selected; use \"prometheus\" or a shorter name",
        ]);
    });

    it("refuses bad arguments before registering anything", () => {
        assert.throws(() => new Monitoring("m", minimalArgs({ namespace: "Teei" })), (e: unknown) =>
            e instanceof MonitoringArgsError && e.message === "namespace: \"Teei\" must be a DNS label");
    });
});
