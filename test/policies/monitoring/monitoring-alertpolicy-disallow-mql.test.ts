import { strict as assert } from "node:assert";
import { monitoringAlertpolicyDisallowMql as policy } from "../../../policies/monitoring";
import { messages, notApplicable } from "../harness";
import { alertPolicy, bucket, promqlLatencyAlert } from "./fixtures";

describe("monitoring-alertpolicy-disallow-mql", () => {
    it("passes a metric-threshold alert and a PromQL alert", async () => {
        assert.deepEqual(await messages(policy, alertPolicy()), []);
        assert.deepEqual(await messages(policy, promqlLatencyAlert()), []);
    });

    it("refuses a condition written in MQL", async () => {
        const mql = alertPolicy((p) => {
            p.conditions = [{ displayName: "5xx ratio", conditionMonitoringQueryLanguage: { query: "fetch https_lb_rule | metric 'loadbalancing.googleapis.com/https/request_count'", duration: "120s" } }];
        });
        assert.deepEqual(await messages(policy, mql), [
            "alert policy \"[production] reporting-api: error rate > 1 % for 2 min\" (service reporting-api) condition \"5xx ratio\" is written in MQL, which Google deprecated in July 2025. Rewrite it as a metric threshold (conditionThreshold) or in PromQL (conditionPrometheusQueryLanguage).",
        ]);
    });

    it("reports resources that are not alert policies as not applicable", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
    });
});
