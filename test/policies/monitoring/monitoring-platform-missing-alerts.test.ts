import { strict as assert } from "node:assert";
import { monitoringPlatformMissingAlerts as policy, platformSignals } from "../../../policies/monitoring";
import { stackMessages, stackNotApplicable } from "../harness";
import { stackPolicyWithConfig } from "../workloads/config";
import { alertPolicy, bucket, labelledAlert } from "./fixtures";

const alerts = () => platformSignals.map((s) => labelledAlert("platform", s));

describe("monitoring-platform-missing-alerts", () => {
    it("passes a platform with queue-depth, cache-hit-ratio and connection-pool alerts", async () => {
        assert.deepEqual(await stackMessages(policy, alerts()), []);
    });

    it("names the missing saturation alert", async () => {
        assert.deepEqual(await stackMessages(policy, alerts().filter((r) => !r.urn.endsWith("platform-connection-pool"))), [
            "the platform has no enabled connection-pool alert policy labelled service=platform, so saturation builds up unseen on launch day. Keep golive:alerting.platform enabled with the app's metric names, or drop the signal from this policy's config if the platform has no such component.",
        ]);
    });

    it("counts a disabled alert as missing", async () => {
        const resources = alerts().map((r) => (r.urn.endsWith("platform-queue-depth") ? labelledAlert("platform", "queue-depth", (p) => { p.enabled = false; }) : r));
        assert.deepEqual(await stackMessages(policy, resources), [
            "the platform has no enabled queue-depth (its alert policy is disabled) alert policy labelled service=platform, so saturation builds up unseen on launch day. Keep golive:alerting.platform enabled with the app's metric names, or drop the signal from this policy's config if the platform has no such component.",
        ]);
    });

    it("asks only for the signals listed in policy config", async () => {
        const noQueue = stackPolicyWithConfig(policy, { signals: ["cache-hit-ratio", "connection-pool"] });
        assert.deepEqual(await stackMessages(noQueue, alerts().filter((r) => !r.urn.endsWith("platform-queue-depth"))), []);
    });

    it("reports a stack without golive-labelled alert policies as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket()]), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, [alertPolicy((p) => { delete p.userLabels; })]), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, [labelledAlert("reporting-api", "error-rate")]), []);
    });
});
