import { strict as assert } from "node:assert";
import { monitoringNotificationchannelDisallowPlaintextSecrets as policy } from "../../../policies/monitoring";
import { messages, notApplicable, UNKNOWN } from "../harness";
import { alertPolicy, emailChannel, pagerdutyChannel, slackChannel } from "./fixtures";

describe("monitoring-notificationchannel-disallow-plaintext-secrets", () => {
    it("passes channels whose credentials are in sensitiveLabels", async () => {
        assert.deepEqual(await messages(policy, pagerdutyChannel()), []);
        assert.deepEqual(await messages(policy, slackChannel()), []);
        assert.deepEqual(await messages(policy, emailChannel()), []);
    });

    it("passes a channel whose secret is unknown during preview, never reading it", async () => {
        assert.deepEqual(await messages(policy, pagerdutyChannel((p) => { p.sensitiveLabels.serviceKey = UNKNOWN; })), []);
    });

    it("refuses a PagerDuty key in plain labels, without echoing it", async () => {
        const found = await messages(policy, pagerdutyChannel((p) => { delete p.sensitiveLabels; p.labels = { service_key: "pd-integration-key" }; }));
        assert.deepEqual(found, [
            "notification channel \"[production] PagerDuty on-call\" (pagerduty) has its service_key in plain labels, where the state and every preview show it. Move it to sensitiveLabels.serviceKey from a Pulumi secret, and rotate it: it has been stored in the clear.",
        ]);
        assert.ok(!found.join("").includes("pd-integration-key"));
    });

    it("refuses a Slack token in plain labels", async () => {
        assert.deepEqual(await messages(policy, slackChannel((p) => { p.labels.auth_token = "xoxb-token"; })), [
            "notification channel \"[production] Slack #launch-war-room\" (slack) has its auth_token in plain labels, where the state and every preview show it. Move it to sensitiveLabels.authToken from a Pulumi secret, and rotate it: it has been stored in the clear.",
        ]);
    });

    it("refuses any label named like a credential on a channel type it does not know", async () => {
        const webhook = slackChannel((p) => { p.type = "webhook_tokenauth"; p.displayName = "hook"; p.labels = { url: "https://hooks.example.com", api_token: "t" }; });
        assert.deepEqual(await messages(policy, webhook), [
            "notification channel \"hook\" (webhook_tokenauth) has its api_token in plain labels, where the state and every preview show it. Move it to sensitiveLabels from a Pulumi secret, and rotate it: it has been stored in the clear.",
        ]);
    });

    it("reports resources that are not notification channels as not applicable", async () => {
        assert.deepEqual(await notApplicable(policy, alertPolicy()), [policy.name]);
    });
});
