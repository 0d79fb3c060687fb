import { strict as assert } from "node:assert";
import { monitoringUptimecheckRequireTlsValidation as policy } from "../../../policies/monitoring";
import { messages, notApplicable } from "../harness";
import { alertPolicy, uptimeCheck } from "./fixtures";

const check = "uptime check \"[production] https://api.teei.example.com/health\" for api.teei.example.com (service reporting-api)";

describe("monitoring-uptimecheck-require-tls-validation", () => {
    it("passes an HTTPS check that validates the certificate on /health", async () => {
        assert.deepEqual(await messages(policy, uptimeCheck()), []);
    });

    it("refuses a TCP-only check", async () => {
        assert.deepEqual(await messages(policy, uptimeCheck((p) => { delete p.httpCheck; p.tcpCheck = { port: 443 }; })), [
            `${check} is not an HTTP check (TCP only), so it passes while the app answers errors. Use httpCheck with useSsl: true and validateSsl: true on the health path.`,
        ]);
    });

    it("refuses plain HTTP", async () => {
        assert.deepEqual(await messages(policy, uptimeCheck((p) => { p.httpCheck.useSsl = false; })), [
            `${check} uses plain HTTP (httpCheck.useSsl is not true), so it does not check what users reach over HTTPS. Set httpCheck.useSsl: true and port 443.`,
        ]);
    });

    it("refuses HTTPS without certificate validation", async () => {
        assert.deepEqual(await messages(policy, uptimeCheck((p) => { delete p.httpCheck.validateSsl; })), [
            `${check} does not validate the certificate (httpCheck.validateSsl is not true), so an expired or wrong certificate passes the check while browsers refuse it. Set httpCheck.validateSsl: true.`,
        ]);
    });

    it("refuses a check without a path", async () => {
        assert.deepEqual(await messages(policy, uptimeCheck((p) => { delete p.httpCheck.path; })), [
            `${check} has no httpCheck.path, so it requests "/" rather than the service's health endpoint. Set httpCheck.path to the health path (e.g. /health).`,
        ]);
    });

    it("reports resources that are not uptime checks as not applicable", async () => {
        assert.deepEqual(await notApplicable(policy, alertPolicy()), [policy.name]);
    });
});
