import { addressRecordsFor, apiHostLabelsConfig, apiLabelsFrom, gatewayGroup, isApiHost } from "../edge/hosts";
import { cloudflareTypes, isEnabled as ruleEnabled, rulesOf } from "../edge/cloudflare";
import { hostsNamed } from "../edge/expressions";
import { alertsOf, gcpTypes, listText } from "../monitoring/resources";
import { isKind, kubernetesKinds, stackPolicy, type Json } from "../lib";
import { canarySuffix } from "../workloads/rules";
import { labelledGolive, stackServices } from "./services";

const fix = "Declare the service under golive:services (with host: when it is public) so the components give it its Deployment, alerts, uptime check, DNS record and rate limit; if one is declared elsewhere, add what is missing there.";

/** Each stable service an HTTPRoute sends traffic to, with the route's hosts. */
function routedHosts(resources: readonly { type: string; props: Json }[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const r of resources.filter((x) => isKind(x.type, gatewayGroup, "HTTPRoute") && labelledGolive(x.props))) {
        const hosts: string[] = Array.isArray(r.props?.spec?.hostnames) ? r.props.spec.hostnames.map(String) : [];
        for (const rule of Array.isArray(r.props?.spec?.rules) ? (r.props.spec.rules as Json[]) : []) {
            for (const b of Array.isArray(rule?.backendRefs) ? (rule.backendRefs as Json[]) : []) {
                if (typeof b?.name !== "string") continue;
                const service = b.name.endsWith(canarySuffix) ? b.name.slice(0, -canarySuffix.length) : b.name;
                out.set(service, [...new Set([...(out.get(service) ?? []), ...hosts])]);
            }
        }
    }
    return out;
}

/**
 * The areas each judge their own resources; this judges the stack per service, across them:
 * every service (a stable golive Deployment, or a backend a golive HTTPRoute routes to) has its
 * workload and an enabled alert policy labelled with it, and every public one, per host, an
 * uptime check, a DNS address record and, for API hosts (policy config apiHostLabels), a rate
 * limit rule naming the host. Runbook 004's T-1 lists check these one area at a time; a
 * service missing from one area is what slips through that way.
 */
export const platformServiceMissingCoverage = stackPolicy({
    name: "platform-service-missing-coverage",
    description: "Every service has its workload and alerts, and every public one its uptime check, DNS record and (API hosts) rate limit.",
    severity: "critical",
    runbook: ["004.services.target-versions", "000.monitoring.alerts-configured", "004.monitoring.synthetic", "004.infra.dns-ttl", "004.services.rate-limits"],
    remediation: fix,
    appliesTo: kubernetesKinds("apps/Deployment", "gateway.networking.k8s.io/HTTPRoute"),
    configSchema: apiHostLabelsConfig,
    validateStack: (args, reportViolation) => {
        const apiLabels = apiLabelsFrom(args.getConfig<Json>());
        const deployed = stackServices(args.resources);
        const routes = routedHosts(args.resources);
        const alerted = new Set(alertsOf(args.resources).filter((a) => a.enabled && a.service).map((a) => a.service!));
        const uptimeHosts = new Set(args.resources.filter((r) => r.type === gcpTypes.uptimeCheck).map((r) => r.props?.monitoredResource?.labels?.host).filter((h): h is string => typeof h === "string"));
        const limitedHosts = new Set<string>();
        let zoneWideLimit = false;
        for (const r of args.resources.filter((x) => x.type === cloudflareTypes.ruleset && x.props?.phase === "http_ratelimit")) {
            for (const rule of rulesOf(r.props).filter(ruleEnabled)) {
                const hosts = typeof rule?.expression === "string" ? hostsNamed(rule.expression) : [];
                if (hosts.length === 0) zoneWideLimit = true;
                for (const h of hosts) limitedHosts.add(h);
            }
        }
        const services = [...new Set([...deployed, ...routes.keys()])].sort();
        if (services.length === 0) args.notApplicable("no service golive declares (a stable Deployment or an HTTPRoute labelled app.kubernetes.io/part-of: golive)");
        for (const service of services) {
            const missing: string[] = [];
            if (!deployed.includes(service)) missing.push("a stable Deployment");
            if (!alerted.has(service)) missing.push("an enabled alert policy labelled with it");
            for (const host of routes.get(service) ?? []) {
                if (!uptimeHosts.has(host)) missing.push(`an uptime check on ${host}`);
                if (addressRecordsFor(args.resources, host).length === 0) missing.push(`a DNS record for ${host}`);
                if (isApiHost(host, apiLabels) && !zoneWideLimit && !limitedHosts.has(host)) missing.push(`a rate limit on ${host}`);
            }
            if (missing.length) reportViolation(`Service "${service}" is missing ${listText(missing)}. ${fix}`);
        }
    },
});
