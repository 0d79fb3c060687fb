/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are raw resource JSON */
/**
 * Compliant Cloud Monitoring resources as golive declares them for production, in the
 * engine's form (channel names unknown during preview); tests change one field.
 */
import { gcpTypes, signals, type Signal } from "../../../policies/monitoring";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { resource, UNKNOWN } from "../harness";

export const urnOf = (type: string, name: string) => `urn:pulumi:test::golive::${type}::${name}`;

export const channelUrns = {
    pagerduty: urnOf(gcpTypes.notificationChannel, "monitoring-channels-pagerduty"),
    slack: urnOf(gcpTypes.notificationChannel, "monitoring-channels-slack"),
    email: urnOf(gcpTypes.notificationChannel, "monitoring-channels-email"),
};

export function pagerdutyChannel(change: (p: any) => void = () => undefined): EngineResource {
    const props: any = {
        type: "pagerduty", displayName: "[production] PagerDuty on-call", project: "teei-csr-prod",
        sensitiveLabels: { serviceKey: "pd-integration-key" }, userLabels: { stack: "production" }, enabled: true,
    };
    change(props);
    return resource(gcpTypes.notificationChannel, "monitoring-channels-pagerduty", props);
}

export function slackChannel(change: (p: any) => void = () => undefined): EngineResource {
    const props: any = {
        type: "slack", displayName: "[production] Slack #launch-war-room", project: "teei-csr-prod",
        labels: { channel_name: "#launch-war-room" }, sensitiveLabels: { authToken: "xoxb-token" }, userLabels: { stack: "production" }, enabled: true,
    };
    change(props);
    return resource(gcpTypes.notificationChannel, "monitoring-channels-slack", props);
}

export function emailChannel(): EngineResource {
    return resource(gcpTypes.notificationChannel, "monitoring-channels-email", {
        type: "email", displayName: "[production] sre-tickets@teei.example.com", labels: { email_address: "sre-tickets@teei.example.com" },
    });
}

/** The production error-rate alert of reporting-api: the load balancer's 5xx ratio above 1 % for 2 minutes. */
export function alertProps(): any {
    return {
        displayName: "[production] reporting-api: error rate > 1 % for 2 min",
        combiner: "OR",
        enabled: true,
        severity: "ERROR",
        notificationChannels: [UNKNOWN, UNKNOWN],
        userLabels: { service: "reporting-api", severity: "p1", stack: "production", signal: "error-rate" },
        conditions: [{
            displayName: "5xx ratio > 1 %",
            conditionThreshold: {
                filter: "metric.type=\"loadbalancing.googleapis.com/https/request_count\" AND resource.type=\"https_lb_rule\" AND metric.label.response_code_class=500",
                denominatorFilter: "metric.type=\"loadbalancing.googleapis.com/https/request_count\" AND resource.type=\"https_lb_rule\"",
                aggregations: [{ alignmentPeriod: "60s", perSeriesAligner: "ALIGN_RATE", crossSeriesReducer: "REDUCE_SUM" }],
                denominatorAggregations: [{ alignmentPeriod: "60s", perSeriesAligner: "ALIGN_RATE", crossSeriesReducer: "REDUCE_SUM" }],
                comparison: "COMPARISON_GT",
                thresholdValue: 0.01,
                duration: "120s",
                trigger: { count: 1 },
            },
        }],
        documentation: {
            mimeType: "text/markdown",
            subject: "[P1] [production] reporting-api: error rate > 1 % for 2 min",
            content: "## P1 reporting-api: error rate > 1 % for 2 min\n\n**What fired:** ...",
            links: [{ displayName: "Runbook", url: "https://runbooks.teei.example.com/golive/error-rate" }],
        },
    };
}

/** An alert policy notifying PagerDuty and Slack (its notificationChannels came from those channels). */
export function alertPolicy(change: (p: any) => void = () => undefined, name = "reporting-api-error-rate", channels: readonly string[] = [channelUrns.pagerduty, channelUrns.slack]): EngineResource {
    const props = alertProps();
    change(props);
    return resource(gcpTypes.alertPolicy, name, props, { dependencies: [...channels], propertyDependencies: { notificationChannels: [...channels] } });
}

/** The production P95 latency alert of q2q-pipeline, in PromQL on the app's histogram. */
export function promqlLatencyAlert(change: (p: any) => void = () => undefined): EngineResource {
    return alertPolicy((p) => {
        p.displayName = "[production] q2q-pipeline: P95 latency > 1000 ms for 5 min";
        p.severity = "WARNING";
        p.userLabels = { service: "q2q-pipeline", severity: "p2", stack: "production", signal: "latency" };
        p.conditions = [{
            displayName: "P95 > 1000 ms",
            conditionPrometheusQueryLanguage: {
                query: "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{cluster=\"teei-prod\",namespace=\"teei\",job=\"q2q-pipeline\"}[5m]))) * 1000 > 1000",
                duration: "300s",
                evaluationInterval: "30s",
                alertRule: "latency_p95",
            },
        }];
        change(p);
    }, "q2q-pipeline-latency", [channelUrns.slack]);
}

/** A minimal enabled alert with golive's labels for `service` and `signal` (coverage tests). */
export function labelledAlert(service: string, signal: Signal, change: (p: any) => void = () => undefined): EngineResource {
    return alertPolicy((p) => {
        p.displayName = `[production] ${service}: ${signal}`;
        p.userLabels = { ...p.userLabels, service, signal };
        change(p);
    }, `${service}-${signal}`);
}

/** The uptime check of api.teei.example.com: HTTPS, certificate validated, /health, every 60 s from 5 regions. */
export function uptimeCheck(change: (p: any) => void = () => undefined): EngineResource {
    const props: any = {
        displayName: "[production] https://api.teei.example.com/health",
        monitoredResource: { type: "uptime_url", labels: { project_id: "teei-csr-prod", host: "api.teei.example.com" } },
        httpCheck: { path: "/health", port: 443, useSsl: true, validateSsl: true, requestMethod: "GET" },
        period: "60s",
        timeout: "10s",
        selectedRegions: ["EUROPE", "USA_VIRGINIA", "USA_OREGON", "SOUTH_AMERICA", "ASIA_PACIFIC"],
        userLabels: { service: "reporting-api", stack: "production" },
    };
    change(props);
    return resource(gcpTypes.uptimeCheck, "reporting-api-uptime-check", props);
}

/** The alert on that uptime check's results. */
export function uptimeAlert(change: (p: any) => void = () => undefined): EngineResource {
    return labelledAlert("reporting-api", signals.uptime, (p) => {
        p.conditions = [{
            displayName: "check_passed false in 2+ regions",
            conditionThreshold: {
                filter: "metric.type=\"monitoring.googleapis.com/uptime_check/check_passed\" AND resource.type=\"uptime_url\" AND resource.label.host=\"api.teei.example.com\"",
                aggregations: [{ alignmentPeriod: "1200s", perSeriesAligner: "ALIGN_NEXT_OLDER", crossSeriesReducer: "REDUCE_COUNT_FALSE", groupByFields: ["resource.label.host"] }],
                comparison: "COMPARISON_GT", thresholdValue: 1, duration: "60s",
            },
        }];
        change(p);
    });
}

/** A stable Deployment named `name` in namespace teei. */
export function deployment(name: string, change: (p: any) => void = () => undefined): EngineResource {
    const props: any = {
        apiVersion: "apps/v1", kind: "Deployment",
        metadata: { name, namespace: "teei", labels: { "app.kubernetes.io/name": name, "golive.dev/track": "stable" } },
        spec: { selector: { matchLabels: { "app.kubernetes.io/name": name } }, template: { metadata: { labels: { "app.kubernetes.io/name": name } }, spec: { containers: [{ name, image: `ghcr.io/teei/${name}:v1.0.0` }] } } },
    };
    change(props);
    return resource("kubernetes:apps/v1:Deployment", name, props);
}

/** The HTTPRoute publishing `service` at `host`. */
export function httpRoute(service: string, host: string): EngineResource {
    return resource("kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", service, {
        apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute",
        metadata: { name: service, namespace: "teei" },
        spec: { parentRefs: [{ name: "public" }], hostnames: [host], rules: [{ backendRefs: [{ name: service, port: 8080 }] }] },
    });
}

export function firestoreDatabase(): EngineResource {
    return resource(gcpTypes.firestoreDatabase, "firestore", { name: "(default)", locationId: "eur3", type: "FIRESTORE_NATIVE" });
}

export function bucket(): EngineResource {
    return resource("gcp:storage/bucket:Bucket", "exports", { name: "teei-csr-exports", location: "EU" });
}
