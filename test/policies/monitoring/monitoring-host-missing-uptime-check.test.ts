import { strict as assert } from "node:assert";
import { monitoringHostMissingUptimeCheck as policy } from "../../../policies/monitoring";
import { stackMessages, stackNotApplicable } from "../harness";
import { deployment, httpRoute, uptimeAlert, uptimeCheck } from "./fixtures";

const route = () => httpRoute("reporting-api", "api.teei.example.com");
const where = "public host api.teei.example.com (HTTPRoute teei/reporting-api)";

describe("monitoring-host-missing-uptime-check", () => {
    it("passes a public host with an uptime check and an enabled alert on its results", async () => {
        assert.deepEqual(await stackMessages(policy, [route(), uptimeCheck(), uptimeAlert()]), []);
    });

    it("refuses a public host without an uptime check", async () => {
        assert.deepEqual(await stackMessages(policy, [route(), uptimeAlert()]), [
            `${where} has no uptime check, so an outage seen from the internet (DNS, certificate, load balancer) is found by users first. Declare an UptimeCheckConfig for https://api.teei.example.com on its health path (golive's monitoring component does this for every service with a host).`,
        ]);
    });

    it("refuses an uptime check on another host", async () => {
        const other = uptimeCheck((p) => { p.monitoredResource.labels.host = "cockpit.teei.example.com"; });
        assert.equal((await stackMessages(policy, [route(), other, uptimeAlert()])).length, 1);
    });

    it("refuses an uptime check nobody is alerted about", async () => {
        assert.deepEqual(await stackMessages(policy, [route(), uptimeCheck()]), [
            `${where} has an uptime check but no alert policy watches its results, so failures are recorded and nobody is told. Declare an enabled alert policy (signal=uptime) on monitoring.googleapis.com/uptime_check/check_passed with resource.label.host="api.teei.example.com".`,
        ]);
    });

    it("refuses an uptime check whose only alert is disabled", async () => {
        assert.deepEqual(await stackMessages(policy, [route(), uptimeCheck(), uptimeAlert((p) => { p.enabled = false; })]), [
            `${where} has an uptime check but its only alert policy is disabled, so failures are recorded and nobody is told. Declare an enabled alert policy (signal=uptime) on monitoring.googleapis.com/uptime_check/check_passed with resource.label.host="api.teei.example.com".`,
        ]);
    });

    it("does not take an alert on another host for this one", async () => {
        const elsewhere = uptimeAlert((p) => { p.conditions[0].conditionThreshold.filter = p.conditions[0].conditionThreshold.filter.replace("api.teei", "cockpit.teei"); });
        assert.equal((await stackMessages(policy, [route(), uptimeCheck(), elsewhere])).length, 1);
    });

    it("reports a stack without HTTPRoutes as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [deployment("q2q-pipeline"), uptimeCheck()]), [policy.name]);
    });
});
