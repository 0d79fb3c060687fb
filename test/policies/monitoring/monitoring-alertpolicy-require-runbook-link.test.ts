import { strict as assert } from "node:assert";
import { monitoringAlertpolicyRequireRunbookLink as policy } from "../../../policies/monitoring";
import { messages, notApplicable } from "../harness";
import { alertPolicy, bucket } from "./fixtures";

const alert = "alert policy \"[production] reporting-api: error rate > 1 % for 2 min\" (service reporting-api)";
const noLink = `${alert} has no runbook link (documentation.links with an https URL), so the responder has to search for the procedure. Add the runbook's URL to documentation.links (golive:alerting.runbookBaseUrl).`;
const noContent = `${alert} has no documentation, so the person paged learns nothing from the notification. Set documentation.content to Markdown saying what fired, the likely causes and the first three steps.`;

describe("monitoring-alertpolicy-require-runbook-link", () => {
    it("passes an alert with Markdown documentation and an https runbook link", async () => {
        assert.deepEqual(await messages(policy, alertPolicy()), []);
    });

    it("refuses an alert without documentation, naming both what is missing", async () => {
        assert.deepEqual(await messages(policy, alertPolicy((p) => { delete p.documentation; })), [noContent, noLink]);
    });

    it("refuses documentation whose content is blank", async () => {
        assert.deepEqual(await messages(policy, alertPolicy((p) => { p.documentation.content = "  "; })), [noContent]);
    });

    it("refuses documentation in a format Cloud Monitoring does not render", async () => {
        assert.deepEqual(await messages(policy, alertPolicy((p) => { p.documentation.mimeType = "text/html"; })), [
            `${alert} documentation.mimeType is "text/html"; Cloud Monitoring renders only "text/markdown". Set documentation.mimeType to "text/markdown".`,
        ]);
    });

    it("refuses an alert without links", async () => {
        assert.deepEqual(await messages(policy, alertPolicy((p) => { p.documentation.links = []; })), [noLink]);
    });

    it("refuses a runbook link that is not https", async () => {
        assert.deepEqual(await messages(policy, alertPolicy((p) => { p.documentation.links = [{ displayName: "Runbook", url: "http://runbooks.teei.example.com/golive/error-rate" }]; })), [noLink]);
    });

    it("reports resources that are not alert policies as not applicable", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
    });
});
