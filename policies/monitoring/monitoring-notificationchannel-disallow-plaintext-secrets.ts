import { resourcePolicy, resourceTypes } from "../lib";
import { credentialLabels } from "./labels";
import { gcpTypes } from "./resources";

/** Label names that look like a credential even where the channel type is not one we know. */
const credentialLike = /(key|token|secret|password)/i;

/**
 * Notification channels take their credentials (a PagerDuty integration key, a Slack token)
 * in `sensitiveLabels`, fed by a Pulumi secret: the provider keeps those out of previews and
 * the state's plain text. The same value in `labels` is stored and printed in the clear.
 * Only label names are read, never values.
 */
export const monitoringNotificationchannelDisallowPlaintextSecrets = resourcePolicy({
    name: "monitoring-notificationchannel-disallow-plaintext-secrets",
    description: "Notification channel credentials are only in sensitiveLabels, never in plain labels.",
    severity: "critical",
    runbook: ["004.services.secrets", "004.monitoring.paging"],
    remediation: "Move the credential to sensitiveLabels (serviceKey for PagerDuty, authToken for Slack), fed by a Pulumi secret (golive:alerting.pagerduty.integrationKeySecret, golive:alerting.slack.tokenSecret), and rotate it: it has been in plain text.",
    appliesTo: resourceTypes("Cloud Monitoring notification channels", gcpTypes.notificationChannel),
    validateResource: (args, reportViolation) => {
        const labels: unknown = args.props.labels;
        if (!labels || typeof labels !== "object") return;
        const type = typeof args.props.type === "string" ? args.props.type : "(no type)";
        const name = typeof args.props.displayName === "string" ? args.props.displayName : "(unnamed)";
        for (const key of Object.keys(labels)) {
            const known = credentialLabels.find((c) => c.label === key);
            if (!known && !credentialLike.test(key)) continue;
            const instead = known ? `sensitiveLabels.${known.sensitive}` : "sensitiveLabels";
            reportViolation(`notification channel "${name}" (${type}) has its ${key} in plain labels, where the state and every preview show it. Move it to ${instead} from a Pulumi secret, and rotate it: it has been stored in the clear.`);
        }
    },
});
