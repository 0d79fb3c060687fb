import * as gcp from "./gcp";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { signals, type Severity, type Signal } from "../../policies/monitoring/labels";
import type { UptimeRegion } from "../../policies/monitoring/uptime";
import { alertPolicyArgs, alertResourceName, type AlertContext, type AlertSpec } from "./alert";
import { serviceDashboard } from "./dashboards";
import type { Environment, PrometheusMetrics } from "./defaults";
import { podMonitoringObject } from "./scrape";
import { serviceAlerts, uptimeAlert, type ResolvedService } from "./service-alerts";
import { availabilitySloArgs, customServiceArgs } from "./slo";
import { uptimeCheckArgs } from "./uptime-check";

const burnRateSignals: readonly Signal[] = [signals.burnRateFast, signals.burnRateMedium, signals.burnRateSlow];

export interface ServiceMonitoringArgs {
    service: ResolvedService;
    environment: Environment;
    project: string;
    /** The channel names each severity notifies. */
    channels: Readonly<Record<Severity, pulumi.Input<string>[]>>;
    runbookBaseUrl?: string;
    sloGoal: number;
    uptime: { periodSeconds: number; regions: readonly UptimeRegion[] };
    /** Declare its PodMonitoring with these metrics settings. @default undefined (none) */
    scrape?: PrometheusMetrics;
    /** What the Kubernetes objects wait for (the namespace). @default [] */
    kubernetesDependsOn?: pulumi.Input<pulumi.Resource>[];
}

/**
 * Everything that watches one service: its scrape (PodMonitoring), its availability SLO
 * (a custom service and a request-based SLO), its alert policies, for a public service
 * its uptime check, and its golden-signals dashboard.
 */
export class ServiceMonitoring extends pulumi.ComponentResource {
    readonly alerts: readonly gcp.monitoring.AlertPolicy[];
    readonly slo: gcp.monitoring.Slo;
    readonly uptimeCheck?: gcp.monitoring.UptimeCheckConfig;
    readonly dashboard: gcp.monitoring.Dashboard;
    readonly podMonitoring?: k8s.apiextensions.CustomResource;

    constructor(name: string, args: ServiceMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("golive:monitoring:ServiceMonitoring", name, {}, opts);
        const s = args.service;
        const env = args.environment;
        const child = { parent: this };
        const ctx: AlertContext = { environment: env, project: args.project, runbookBaseUrl: args.runbookBaseUrl };
        const alert = (spec: AlertSpec, dependsOn: pulumi.Resource[] = []) =>
            new gcp.monitoring.AlertPolicy(alertResourceName(spec), alertPolicyArgs(spec, ctx, args.channels[spec.severity]), { ...child, dependsOn });

        if (args.scrape) {
            this.podMonitoring = new k8s.apiextensions.CustomResource(`${s.name}-pod-monitoring`, podMonitoringObject(s.name, s.namespace, env, args.scrape), {
                ...child,
                dependsOn: args.kubernetesDependsOn ?? [],
            });
        }

        const sloService = new gcp.monitoring.CustomService(`${s.name}-slo-service`, customServiceArgs(args.project, s.name, env), child);
        this.slo = new gcp.monitoring.Slo(`${s.name}-availability`, availabilitySloArgs(args.project, s.name, env, args.sloGoal, s.metrics), { ...child, dependsOn: [sloService] });

        // Burn-rate filters name the SLO, which must exist first.
        const alerts = serviceAlerts(s, args.sloGoal).map((spec) => alert(spec, burnRateSignals.includes(spec.signal) ? [this.slo] : []));
        if (s.hostname) {
            this.uptimeCheck = new gcp.monitoring.UptimeCheckConfig(`${s.name}-uptime-check`, uptimeCheckArgs({
                service: s.name, hostname: s.hostname, healthPath: s.healthPath, project: args.project, environment: env,
                periodSeconds: args.uptime.periodSeconds, regions: args.uptime.regions,
            }), child);
            alerts.push(alert(uptimeAlert({ ...s, hostname: s.hostname }, args.uptime.periodSeconds), [this.uptimeCheck]));
        }
        this.alerts = alerts;

        this.dashboard = new gcp.monitoring.Dashboard(`${s.name}-dashboard`, {
            project: args.project,
            dashboardJson: JSON.stringify(serviceDashboard(s, env)),
        }, child);
        this.registerOutputs({ alertPolicies: alerts.length });
    }
}
