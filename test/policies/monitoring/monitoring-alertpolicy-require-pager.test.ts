import { strict as assert } from "node:assert";
import { monitoringAlertpolicyRequirePager as policy } from "../../../policies/monitoring";
import { stackMessages, stackNotApplicable } from "../harness";
import { stackPolicyWithConfig } from "../workloads/config";
import { alertPolicy, bucket, channelUrns, emailChannel, pagerdutyChannel, promqlLatencyAlert, slackChannel } from "./fixtures";

const channels = () => [pagerdutyChannel(), slackChannel(), emailChannel()];
const errorAlert = "alert policy \"[production] reporting-api: error rate > 1 % for 2 min\" (service reporting-api)";

describe("monitoring-alertpolicy-require-pager", () => {
    it("passes a P1 alert whose channels came from PagerDuty and Slack, and a P2 alert that only posts in Slack", async () => {
        assert.deepEqual(await stackMessages(policy, [...channels(), alertPolicy(), promqlLatencyAlert()]), []);
    });

    it("refuses a P1 alert that notifies only Slack", async () => {
        assert.deepEqual(await stackMessages(policy, [...channels(), alertPolicy(() => undefined, "reporting-api-error-rate", [channelUrns.slack])]), [
            `${errorAlert} is P1 (ERROR) but notifies only slack, not PagerDuty, so the on-call is not paged. Declare golive:alerting.pagerduty.integrationKeySecret and route P1 alerts to it.`,
        ]);
    });

    it("refuses a P0 alert in a stack without a PagerDuty channel", async () => {
        const p0 = alertPolicy((p) => { p.severity = "CRITICAL"; }, "reporting-api-error-rate", [channelUrns.slack, channelUrns.email]);
        assert.deepEqual(await stackMessages(policy, [slackChannel(), emailChannel(), p0]), [
            `${errorAlert} is P0 (CRITICAL) but notifies only slack and email, not PagerDuty, so the on-call is not paged. Declare golive:alerting.pagerduty.integrationKeySecret and route P0 alerts to it.`,
        ]);
    });

    it("refuses a P1 alert with no channel at all", async () => {
        assert.deepEqual(await stackMessages(policy, [...channels(), alertPolicy(() => undefined, "reporting-api-error-rate", [])]), [
            `${errorAlert} is P1 (ERROR) but notifies no channel, not PagerDuty, so the on-call is not paged. Declare golive:alerting.pagerduty.integrationKeySecret and route P1 alerts to it.`,
        ]);
    });

    it("refuses an alert without a severity", async () => {
        assert.deepEqual(await stackMessages(policy, [...channels(), alertPolicy((p) => { delete p.severity; })]), [
            `${errorAlert} has no severity (CRITICAL, ERROR or WARNING), so nobody can tell whether it should page. Set severity: CRITICAL for P0, ERROR for P1, WARNING for P2 and P3.`,
        ]);
    });

    it("pages nothing in a stack whose policy config says so (staging), but still wants severities", async () => {
        const staging = stackPolicyWithConfig(policy, { pagingSeverities: [] });
        assert.deepEqual(await stackMessages(staging, [slackChannel(), alertPolicy(() => undefined, "reporting-api-error-rate", [channelUrns.slack])]), []);
        assert.equal((await stackMessages(staging, [slackChannel(), alertPolicy((p) => { delete p.severity; })])).length, 1);
    });

    it("reports a stack without alert policies as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket(), ...channels()]), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, [...channels(), alertPolicy()]), []);
    });
});
