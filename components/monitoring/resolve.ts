/**
 * Monitoring's arguments with every default filled in, and every problem with them found
 * before anything is registered (reported all at once, like config errors).
 */
import * as pulumi from "@pulumi/pulumi";
import { firestoreService, platformService } from "../../policies/monitoring/labels";
import { errorRate, latencyP95, requestVolume, slo, uptime } from "../../policies/monitoring/thresholds";
import { distinctRegions, type UptimeRegion } from "../../policies/monitoring/uptime";
import { defaults as workloadDefaults } from "../workloads/defaults";
import { defaults, type PrometheusMetrics } from "./defaults";
import { loadBalancerMetrics, prometheusMetrics } from "./metrics";
import type { MonitoredService, MonitoringArgs } from "./monitoring-args";
import type { ResolvedService } from "./service-alerts";
import { sloName } from "./slo";

/** A RunError, so the Pulumi CLI prints the problems without a stack trace. */
export class MonitoringArgsError extends pulumi.RunError {
    constructor(readonly problems: readonly string[]) {
        super(problems.join("\n"));
        this.name = "MonitoringArgsError";
    }
}

const dnsLabel = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const metricName = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const periods = [60, 300, 600, 900];
/** GKE caps resource names at 63 characters and shortens longer ones, which the backend pattern would no longer match. */
const gatewayNameLimit = 63;

export function prometheusOf(args: MonitoringArgs, s: MonitoredService): PrometheusMetrics {
    return { ...defaults.prometheus, ...args.prometheus, ...s.prometheus };
}

function sourceOf(s: MonitoredService) {
    return s.metricsSource ?? (s.host !== undefined ? "load-balancer" : "prometheus");
}

function prometheusProblems(at: string, m: PrometheusMetrics): string[] {
    const out: string[] = [];
    for (const key of ["requestsMetric", "durationMetric"] as const) {
        if (!metricName.test(m[key])) out.push(`${at}prometheus.${key}: "${m[key]}" must be a Prometheus metric name such as http_requests_total`);
    }
    if (!labelName.test(m.statusLabel)) out.push(`${at}prometheus.statusLabel: "${m.statusLabel}" must be a Prometheus label name such as code`);
    return out;
}

function percentProblem(at: string, v: number | undefined): string[] {
    return v === undefined || (v > 0 && v <= 100) ? [] : [`${at}: must be a percentage above 0 and at most 100 (got ${v})`];
}

function positiveProblem(at: string, v: number | undefined): string[] {
    return v === undefined || (Number.isFinite(v) && v > 0) ? [] : [`${at}: must be a positive number (got ${v})`];
}

/** Every problem with the arguments, each naming the field. */
export function monitoringProblems(args: MonitoringArgs): string[] {
    const problems: string[] = [];
    for (const [key, value] of [["namespace", args.namespace], ["cluster", args.cluster]] as const) {
        if (!dnsLabel.test(value)) problems.push(`${key}: "${value}" must be a DNS label`);
    }
    if (args.runbookBaseUrl !== undefined && !/^https:\/\/[^\s]+$/.test(args.runbookBaseUrl)) {
        problems.push(`runbookBaseUrl: "${args.runbookBaseUrl}" must be an https URL`);
    }
    problems.push(...percentProblem("errorRatePercent", args.errorRatePercent), ...positiveProblem("latencyP95Ms", args.latencyP95Ms), ...positiveProblem("requestsPerMinute", args.requestsPerMinute));
    if (args.uptimePeriodSeconds !== undefined && !periods.includes(args.uptimePeriodSeconds)) {
        problems.push(`uptimePeriodSeconds: must be one of ${periods.join(", ")} (got ${args.uptimePeriodSeconds})`);
    }
    if (args.uptimeRegions !== undefined) {
        const unknown = args.uptimeRegions.filter((r) => r !== "USA" && !(distinctRegions as readonly string[]).includes(r));
        if (unknown.length > 0) problems.push(`uptimeRegions: unknown region ${unknown.join(", ")}; expected USA or ${distinctRegions.join(", ")}`);
        else if (args.uptimeRegions.length < 3) problems.push(`uptimeRegions: Cloud Monitoring needs at least 3 regions (got ${args.uptimeRegions.length})`);
    }
    if (args.sloGoal !== undefined && !(args.sloGoal > 0 && args.sloGoal <= 0.999)) problems.push(`sloGoal: must be above 0 and at most 0.999 (got ${args.sloGoal})`);
    if (args.firestore) problems.push(...positiveProblem("firestore.readOpsPerSecond", args.firestore.readOpsPerSecond), ...percentProblem("firestore.rulesDeniedPercent", args.firestore.rulesDeniedPercent));
    if (args.platform) {
        for (const key of ["queueDepthMetric", "cacheHitsMetric", "cacheMissesMetric", "poolInUseMetric", "poolSizeMetric"] as const) {
            const v = args.platform[key];
            if (v !== undefined && !metricName.test(v)) problems.push(`platform.${key}: "${v}" must be a Prometheus metric name`);
        }
        problems.push(...positiveProblem("platform.queueDepthMax", args.platform.queueDepthMax), ...percentProblem("platform.cacheHitMinPercent", args.platform.cacheHitMinPercent), ...percentProblem("platform.connectionPoolMaxPercent", args.platform.connectionPoolMaxPercent));
    }
    const seen = new Set<string>();
    for (const s of args.services) {
        const at = `service "${s.name}": `;
        if (!dnsLabel.test(s.name)) problems.push(`${at}name: must be a DNS label`);
        if (seen.has(s.name)) problems.push(`${at}name: is declared twice; service names must be unique`);
        seen.add(s.name);
        if (s.name === platformService || s.name === firestoreService) {
            problems.push(`${at}name: "${s.name}" is the service label of golive's ${s.name} alerts; rename the service`);
        }
        problems.push(...percentProblem(`${at}errorRatePercent`, s.errorRatePercent), ...positiveProblem(`${at}latencyP95Ms`, s.latencyP95Ms), ...positiveProblem(`${at}requestsPerMinute`, s.requestsPerMinute));
        problems.push(...prometheusProblems(at, prometheusOf(args, s)));
        if (sourceOf(s) === "load-balancer") {
            if (s.host === undefined) {
                problems.push(`${at}metricsSource: "load-balancer" needs a public host: an internal service has no load balancer; use "prometheus"`);
            }
            const longest = `gkegw1-xxxx-${args.namespace}-${s.name}-canary-${s.port}-xxxxxxxxxxxx`;
            if (longest.length > gatewayNameLimit) {
                problems.push(`${at}metricsSource: the load balancer's backend name for it would exceed ${gatewayNameLimit} characters and be shortened, so its metrics could not be selected; use "prometheus" or a shorter name`);
            }
        }
    }
    return problems;
}

/** One service with every default applied. */
export function resolveService(args: MonitoringArgs, s: MonitoredService): ResolvedService {
    const source = sourceOf(s);
    return {
        name: s.name,
        hostname: s.host !== undefined ? `${s.host}.${args.domain}` : undefined,
        healthPath: s.healthPath ?? workloadDefaults.healthPath,
        metrics: source === "load-balancer"
            ? loadBalancerMetrics(args.namespace, s.name, s.port)
            : prometheusMetrics(args.cluster, args.namespace, s.name, prometheusOf(args, s)),
        errorRate: (s.errorRatePercent ?? args.errorRatePercent ?? errorRate.percent) / 100,
        latencyP95Ms: s.latencyP95Ms ?? args.latencyP95Ms ?? latencyP95.ms,
        requestsPerMinute: s.requestsPerMinute ?? args.requestsPerMinute ?? requestVolume.perMinute,
        sloName: sloName(args.project, s.name),
        cluster: args.cluster,
        namespace: args.namespace,
    };
}

export function uptimePeriodOf(args: MonitoringArgs): number {
    return args.uptimePeriodSeconds ?? uptime.periodSeconds;
}

export function uptimeRegionsOf(args: MonitoringArgs): readonly UptimeRegion[] {
    return args.uptimeRegions ?? defaults.uptimeRegions;
}

export function sloGoalOf(args: MonitoringArgs): number {
    return args.sloGoal ?? slo.availabilityGoal;
}
