import { strict as assert } from "node:assert";
import { monitoringUptimecheckConfigureSchedule as policy } from "../../../policies/monitoring";
import { messages, notApplicable } from "../harness";
import { resourcePolicyWithConfig } from "../workloads/config";
import { alertPolicy, uptimeCheck } from "./fixtures";

const check = "uptime check \"[production] https://api.teei.example.com/health\" for api.teei.example.com (service reporting-api)";

describe("monitoring-uptimecheck-configure-schedule", () => {
    it("passes a check every 60 s from five regions", async () => {
        assert.deepEqual(await messages(policy, uptimeCheck()), []);
    });

    it("refuses a check every 5 minutes, naming the host and the service", async () => {
        assert.deepEqual(await messages(policy, uptimeCheck((p) => { p.period = "300s"; })), [
            `${check} runs every 300 s, less often than every 60 s, so an outage can go 300 s unseen before the first failure. Set period to "60s" (golive:alerting.uptimePeriod).`,
        ]);
    });

    it("refuses an unset period, which the API runs every 300 s", async () => {
        assert.deepEqual(await messages(policy, uptimeCheck((p) => { delete p.period; })), [
            `${check} runs every 300 s (period unset), less often than every 60 s, so an outage can go 300 s unseen before the first failure. Set period to "60s" (golive:alerting.uptimePeriod).`,
        ]);
    });

    it("refuses three regions", async () => {
        assert.deepEqual(await messages(policy, uptimeCheck((p) => { p.selectedRegions = ["EUROPE", "USA_OREGON", "ASIA_PACIFIC"]; })), [
            `${check} runs from 3 regions (EUROPE, USA_OREGON, ASIA_PACIFIC), fewer than 5, so one region's network trouble looks like an outage or hides one. Add regions to selectedRegions from SOUTH_AMERICA, USA_IOWA, USA_VIRGINIA.`,
        ]);
    });

    it("counts USA as the three US regions, never twice beside one of them", async () => {
        assert.deepEqual(await messages(policy, uptimeCheck((p) => { p.selectedRegions = ["USA", "EUROPE", "ASIA_PACIFIC"]; })), []);
        assert.equal((await messages(policy, uptimeCheck((p) => { p.selectedRegions = ["USA", "USA_OREGON", "USA_IOWA", "EUROPE"]; }))).length, 1);
    });

    it("counts an empty region list as every region, as the API runs it", async () => {
        assert.deepEqual(await messages(policy, uptimeCheck((p) => { p.selectedRegions = []; })), []);
    });

    it("uses the period and region count set in policy config", async () => {
        const staging = resourcePolicyWithConfig(policy, { maxPeriodSeconds: 300, minRegions: 3 });
        assert.deepEqual(await messages(staging, uptimeCheck((p) => { p.period = "300s"; p.selectedRegions = ["EUROPE", "USA_OREGON", "ASIA_PACIFIC"]; })), []);
    });

    it("reports resources that are not uptime checks as not applicable", async () => {
        assert.deepEqual(await notApplicable(policy, alertPolicy()), [policy.name]);
    });
});
