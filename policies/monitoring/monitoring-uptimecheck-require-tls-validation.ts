import { resourcePolicy, resourceTypes } from "../lib";
import { describeUptimeCheck } from "./uptime-checks";
import { gcpTypes } from "./resources";

/**
 * Runbook 004's synthetic monitors check what users get: HTTPS, with the certificate
 * validated (an expired or wrong certificate fails the check, as it fails browsers), on
 * a path (the service's health path) rather than a bare TCP connect.
 */
export const monitoringUptimecheckRequireTlsValidation = resourcePolicy({
    name: "monitoring-uptimecheck-require-tls-validation",
    description: "Every uptime check is an HTTPS check with certificate validation on a path.",
    severity: "high",
    runbook: ["004.monitoring.synthetic"],
    remediation: "Use httpCheck with useSsl: true, validateSsl: true, port 443 and the service's health path.",
    appliesTo: resourceTypes("Cloud Monitoring uptime checks", gcpTypes.uptimeCheck),
    validateResource: (args, reportViolation) => {
        const check = describeUptimeCheck(args.props);
        const http = args.props.httpCheck;
        if (!http) {
            reportViolation(`${check} is not an HTTP check${args.props.tcpCheck ? " (TCP only)" : ""}, so it passes while the app answers errors. Use httpCheck with useSsl: true and validateSsl: true on the health path.`);
            return;
        }
        if (http.useSsl !== true) {
            reportViolation(`${check} uses plain HTTP (httpCheck.useSsl is not true), so it does not check what users reach over HTTPS. Set httpCheck.useSsl: true and port 443.`);
        } else if (http.validateSsl !== true) {
            reportViolation(`${check} does not validate the certificate (httpCheck.validateSsl is not true), so an expired or wrong certificate passes the check while browsers refuse it. Set httpCheck.validateSsl: true.`);
        }
        if (typeof http.path !== "string" || http.path === "") {
            reportViolation(`${check} has no httpCheck.path, so it requests "/" rather than the service's health endpoint. Set httpCheck.path to the health path (e.g. /health).`);
        }
    },
});
