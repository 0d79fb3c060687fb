import { strict as assert } from "node:assert";
import { monitoringAlertpolicyDisallowDisabled as policy } from "../../../policies/monitoring";
import { messages, notApplicable } from "../harness";
import { alertPolicy, bucket } from "./fixtures";

describe("monitoring-alertpolicy-disallow-disabled", () => {
    it("passes an enabled alert", async () => {
        assert.deepEqual(await messages(policy, alertPolicy()), []);
    });

    it("passes an alert that leaves enabled unset (the API enables it)", async () => {
        assert.deepEqual(await messages(policy, alertPolicy((p) => { delete p.enabled; })), []);
    });

    it("refuses a disabled alert, naming its service", async () => {
        assert.deepEqual(await messages(policy, alertPolicy((p) => { p.enabled = false; })), [
            "alert policy \"[production] reporting-api: error rate > 1 % for 2 min\" (service reporting-api) is disabled (enabled: false), so it never opens an incident. Remove enabled: false; silence a noisy alert with a Cloud Monitoring snooze, which expires on its own.",
        ]);
    });

    it("reports resources that are not alert policies as not applicable", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
    });
});
