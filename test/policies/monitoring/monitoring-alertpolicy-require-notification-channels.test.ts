import { strict as assert } from "node:assert";
import { monitoringAlertpolicyRequireNotificationChannels as policy } from "../../../policies/monitoring";
import { messages, notApplicable } from "../harness";
import { alertPolicy, bucket, uptimeCheck } from "./fixtures";

const silent = "alert policy \"[production] reporting-api: error rate > 1 % for 2 min\" (service reporting-api) has no notification channel, so when it fires nobody is told. Set notificationChannels to the PagerDuty, Slack or email channels of its severity (golive:alerting).";

describe("monitoring-alertpolicy-require-notification-channels", () => {
    it("passes an alert whose two channels are still unknown during preview, reading only how many there are", async () => {
        assert.deepEqual(await messages(policy, alertPolicy()), []);
    });

    it("refuses an alert with an empty channel list", async () => {
        assert.deepEqual(await messages(policy, alertPolicy((p) => { p.notificationChannels = []; })), [silent]);
    });

    it("refuses an alert without notificationChannels", async () => {
        assert.deepEqual(await messages(policy, alertPolicy((p) => { delete p.notificationChannels; })), [silent]);
    });

    it("reports resources that are not alert policies as not applicable", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await notApplicable(policy, uptimeCheck()), [policy.name]);
        assert.deepEqual(await notApplicable(policy, alertPolicy()), []);
    });
});
