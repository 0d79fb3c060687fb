import type { PolicyResource } from "@pulumi/policy";
import { goliveLabels, isKind, kubernetesKinds, nameOf, namespaceOf, objectRef, stackPolicy } from "../lib";
import { signals, signalTitles, type Signal } from "./labels";
import { alertsOf, listText, missingSignals } from "./resources";

/** What every service needs, whatever it serves: errors, latency, total outage, availability and a heartbeat. */
export const serviceSignals: readonly Signal[] = [
    signals.errorRate, signals.latency, signals.platformDown, signals.burnRateFast, signals.heartbeat,
];

/** What a service behind the load balancer needs besides: runbook 004's request-volume alert. */
export const publicServiceSignals: readonly Signal[] = [signals.requestVolume];

/** The Services an HTTPRoute sends traffic to, as `namespace/name`. */
function routedServices(resources: readonly PolicyResource[]): Set<string> {
    const out = new Set<string>();
    for (const route of resources.filter((r) => isKind(r.type, "gateway.networking.k8s.io", "HTTPRoute"))) {
        const ns = namespaceOf(route.props);
        for (const rule of Array.isArray(route.props.spec?.rules) ? route.props.spec.rules : []) {
            for (const ref of Array.isArray(rule?.backendRefs) ? rule.backendRefs : []) {
                if (typeof ref?.name === "string" && (ref.kind ?? "Service") === "Service") out.add(`${ref.namespace ?? ns}/${ref.name}`);
            }
        }
    }
    return out;
}

/**
 * Every production service (a Deployment's stable track) has enabled alert policies, labelled
 * with its name, for its error rate, P95 latency, total outage (5xx > 50 %), availability
 * (the SLO's fast burn) and heartbeat (its scrape target up, which is also what proves the
 * metrics are scraped), plus request volume when a route publishes it. A service added to the
 * stack without them, an alert removed or disabled, is named here.
 */
export const monitoringServiceMissingAlerts = stackPolicy({
    name: "monitoring-service-missing-alerts",
    description: "Every service has enabled error-rate, latency, platform-down, availability and heartbeat alerts (and request volume when public).",
    severity: "critical",
    runbook: ["004.monitoring.alert-error-rate", "004.monitoring.alert-latency", "004.monitoring.alert-platform-down", "004.monitoring.alert-request-volume", "001.monitoring.metrics", "000.monitoring.alerts-configured"],
    remediation: "Declare the service under golive:services: golive's monitoring component gives every declared service all of these alerts. Never disable one; snooze it in Cloud Monitoring instead.",
    appliesTo: kubernetesKinds("apps/Deployment"),
    validateStack: (args, reportViolation) => {
        const alerts = alertsOf(args.resources);
        const routed = routedServices(args.resources);
        const deployments = args.resources.filter((r) => isKind(r.type, "apps", "Deployment") && r.props.metadata?.labels?.[goliveLabels.track] !== "canary");
        for (const d of deployments) {
            const service = nameOf(d.props);
            const wanted = routed.has(`${namespaceOf(d.props)}/${service}`) ? [...serviceSignals, ...publicServiceSignals] : serviceSignals;
            const missing = missingSignals(alerts, service, wanted, (s) => signalTitles[s]);
            if (missing.length > 0) {
                reportViolation(`service "${service}" (${objectRef(d.type, d.props)}) has no enabled ${listText(missing)} alert policy labelled service=${service}, so it would launch blind to ${missing.length === 1 ? "it" : "them"}. Declare it under golive:services (the monitoring component gives it every alert) and never disable one.`, d.urn);
            }
        }
    },
});
