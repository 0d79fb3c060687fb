import * as gcp from "./gcp";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { severities, type Severity } from "../../policies/monitoring/labels";
import type { AlertContext } from "./alert";
import { overviewDashboard } from "./dashboards";
import { FirestoreAlerts } from "./firestore-alerts";
import type { MonitoringArgs } from "./monitoring-args";
import { NotificationChannels } from "./notification-channels";
import { PlatformAlerts } from "./platform-alerts";
import { monitoringProblems, MonitoringArgsError, prometheusOf, resolveService, sloGoalOf, uptimePeriodOf, uptimeRegionsOf } from "./resolve";
import { scrapeNetworkPolicyMetadata, scrapeNetworkPolicySpec } from "./scrape";
import { ServiceMonitoring } from "./service-monitoring";

/**
 * Cloud Monitoring for one stack, so that every declared service is watched without anyone
 * writing an alert: notification channels, per service its scrape, availability SLO,
 * alerts (error rate, P95 latency, platform down, burn rates, heartbeat; for a public host
 * request volume and an uptime check) and dashboard, the platform's saturation alerts, the
 * Firestore alerts, and a launch-day overview dashboard.
 *
 * Kubernetes children (PodMonitorings, the scrape NetworkPolicy) use the Kubernetes provider
 * passed in `providers` and wait for `opts.dependsOn` (the namespace).
 */
export class Monitoring extends pulumi.ComponentResource {
    readonly channels: NotificationChannels;
    readonly services: Readonly<Record<string, ServiceMonitoring>>;
    readonly platform?: PlatformAlerts;
    readonly firestore?: FirestoreAlerts;
    readonly overview: gcp.monitoring.Dashboard;
    readonly scrapePolicy?: k8s.networking.v1.NetworkPolicy;
    /** How many alert policies the stack declares, known at preview. */
    readonly alertPolicyCount: number;

    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        const problems = monitoringProblems(args);
        if (problems.length > 0) throw new MonitoringArgsError(problems);

        super("golive:monitoring:Monitoring", name, {}, opts);
        const env = args.environment;
        const child = { parent: this };
        const scrape = args.scrape ?? true;
        const kubernetesDependsOn = opts?.dependsOn ? (Array.isArray(opts.dependsOn) ? opts.dependsOn : [opts.dependsOn]) as pulumi.Input<pulumi.Resource>[] : [];

        this.channels = new NotificationChannels(`${name}-channels`, { ...args.channels, environment: env, project: args.project }, child);
        const routes = Object.fromEntries(severities.map((s) => [s, this.channels.forSeverity(s)])) as Record<Severity, pulumi.Output<string>[]>;
        const alert: AlertContext = { environment: env, project: args.project, runbookBaseUrl: args.runbookBaseUrl };

        if (scrape) {
            this.scrapePolicy = new k8s.networking.v1.NetworkPolicy(`${name}-scrape`, {
                metadata: scrapeNetworkPolicyMetadata(args.namespace, env),
                spec: scrapeNetworkPolicySpec(args.services.map((s) => prometheusOf(args, s).metricsPort)),
            }, { ...child, dependsOn: kubernetesDependsOn });
        }

        const resolved = args.services.map((s) => resolveService(args, s));
        const services: Record<string, ServiceMonitoring> = {};
        args.services.forEach((s, i) => {
            services[s.name] = new ServiceMonitoring(s.name, {
                service: resolved[i]!,
                environment: env,
                project: args.project,
                channels: routes,
                runbookBaseUrl: args.runbookBaseUrl,
                sloGoal: sloGoalOf(args),
                uptime: { periodSeconds: uptimePeriodOf(args), regions: uptimeRegionsOf(args) },
                scrape: scrape ? prometheusOf(args, s) : undefined,
                kubernetesDependsOn,
            }, child);
        });
        this.services = services;

        if (args.platform !== false) {
            this.platform = new PlatformAlerts(`${name}-platform`, { settings: args.platform ?? {}, cluster: args.cluster, namespace: args.namespace, alert, channels: routes }, child);
        }
        if (args.firestore) {
            this.firestore = new FirestoreAlerts(`${name}-firestore`, { settings: args.firestore, project: args.project, cluster: args.cluster, namespace: args.namespace, alert, channels: routes }, child);
        }
        this.overview = new gcp.monitoring.Dashboard(`${name}-overview`, { project: args.project, dashboardJson: JSON.stringify(overviewDashboard(resolved, env)) }, child);

        this.alertPolicyCount = Object.values(services).reduce((n, s) => n + s.alerts.length, 0)
            + (this.platform?.alerts.length ?? 0) + (this.firestore?.alerts.length ?? 0);
        this.registerOutputs({ alertPolicyCount: this.alertPolicyCount });
    }
}
