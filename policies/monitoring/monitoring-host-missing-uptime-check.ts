import type { PolicyResource } from "@pulumi/policy";
import { isKind, kubernetesKinds, objectRef, stackPolicy, type Json } from "../lib";
import { signals } from "./labels";
import { alertsOf, conditionBody, conditionsOf, gcpTypes } from "./resources";

/** The uptime checks of the stack that request this host. */
function checksFor(resources: readonly PolicyResource[], host: string): PolicyResource[] {
    return resources.filter((r) => r.type === gcpTypes.uptimeCheck && r.props.monitoredResource?.labels?.host === host);
}

/** Whether a condition's filter selects this host's uptime results (`resource.label.host="<host>"`). */
function watchesHost(condition: Json, host: string): boolean {
    const { body } = conditionBody(condition);
    const filter: unknown = body?.filter;
    return typeof filter === "string" && new RegExp(`resource\\.labels?\\.host\\s*=\\s*"${host.replace(/\./g, "\\.")}"`).test(filter);
}

/**
 * Runbook 004's synthetic monitors: every public host (an HTTPRoute hostname) is checked
 * from outside, and an enabled alert policy watches that check's results for the host. How
 * often and from where each check runs is judged per check (monitoring-uptimecheck-*).
 */
export const monitoringHostMissingUptimeCheck = stackPolicy({
    name: "monitoring-host-missing-uptime-check",
    description: "Every public host has an uptime check and an enabled alert policy on its results.",
    severity: "critical",
    runbook: ["004.monitoring.synthetic"],
    remediation: "Give the service a public host under golive:services: golive's monitoring component declares its uptime check (HTTPS, health path, every 60 s from 5 regions) and the alert on it.",
    appliesTo: kubernetesKinds("gateway.networking.k8s.io/HTTPRoute"),
    validateStack: (args, reportViolation) => {
        const alerts = alertsOf(args.resources).filter((a) => a.signal === signals.uptime);
        for (const route of args.resources.filter((r) => isKind(r.type, "gateway.networking.k8s.io", "HTTPRoute"))) {
            const hostnames: unknown = route.props.spec?.hostnames;
            for (const host of Array.isArray(hostnames) ? hostnames.filter((h): h is string => typeof h === "string") : []) {
                const where = `public host ${host} (${objectRef(route.type, route.props)})`;
                if (checksFor(args.resources, host).length === 0) {
                    reportViolation(`${where} has no uptime check, so an outage seen from the internet (DNS, certificate, load balancer) is found by users first. Declare an UptimeCheckConfig for https://${host} on its health path (golive's monitoring component does this for every service with a host).`, route.urn);
                    continue;
                }
                const watching = alerts.filter((a) => conditionsOf(a.resource.props).some((c) => watchesHost(c, host)));
                if (!watching.some((a) => a.enabled)) {
                    const why = watching.length > 0 ? "its only alert policy is disabled" : "no alert policy watches its results";
                    reportViolation(`${where} has an uptime check but ${why}, so failures are recorded and nobody is told. Declare an enabled alert policy (signal=uptime) on monitoring.googleapis.com/uptime_check/check_passed with resource.label.host="${host}".`, route.urn);
                }
            }
        }
    },
});
