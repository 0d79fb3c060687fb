import { resourcePolicy, resourceTypes } from "../lib";
import { describeAlert, gcpTypes } from "./resources";

/**
 * Runbook 004: "Runbooks linked in PagerDuty alerts". The person paged at 3 a.m. gets the
 * alert's documentation in the notification: what fired, likely causes, the first steps,
 * and a link to the runbook (documentation.links, at most 3).
 */
export const monitoringAlertpolicyRequireRunbookLink = resourcePolicy({
    name: "monitoring-alertpolicy-require-runbook-link",
    description: "Every alert policy carries Markdown documentation and an https runbook link.",
    severity: "medium",
    runbook: ["004.monitoring.paging"],
    remediation: "Set documentation.content (Markdown: what fired, likely causes, first three steps) and a documentation.links entry pointing at the runbook (golive:alerting.runbookBaseUrl).",
    appliesTo: resourceTypes("Cloud Monitoring alert policies", gcpTypes.alertPolicy),
    validateResource: (args, reportViolation) => {
        const alert = describeAlert(args.props);
        const doc = args.props.documentation;
        const content: unknown = doc?.content;
        if (typeof content !== "string" || content.trim() === "") {
            reportViolation(`${alert} has no documentation, so the person paged learns nothing from the notification. Set documentation.content to Markdown saying what fired, the likely causes and the first three steps.`);
        } else if (doc.mimeType !== undefined && doc.mimeType !== "text/markdown") {
            reportViolation(`${alert} documentation.mimeType is ${JSON.stringify(doc.mimeType)}; Cloud Monitoring renders only "text/markdown". Set documentation.mimeType to "text/markdown".`);
        }
        const links: unknown = doc?.links;
        const runbookLinks = Array.isArray(links) ? links.filter((l) => typeof l?.url === "string" && l.url.startsWith("https://")) : [];
        if (runbookLinks.length === 0) {
            reportViolation(`${alert} has no runbook link (documentation.links with an https URL), so the responder has to search for the procedure. Add the runbook's URL to documentation.links (golive:alerting.runbookBaseUrl).`);
        }
    },
});
