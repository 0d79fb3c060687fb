/**
 * What makes the Prometheus source exist: a PodMonitoring per service (Managed Service for
 * Prometheus scrapes its pods; the job label is the PodMonitoring's name) and a
 * NetworkPolicy letting the GMP collectors in, which the namespace's default deny blocks.
 */
import type * as k8s from "@pulumi/kubernetes";
import { appLabels, goliveApp as partOf, goliveLabels } from "../../policies/lib/keys";
import { defaults, type Environment, type PrometheusMetrics } from "./defaults";

export const podMonitoringApiVersion = "monitoring.googleapis.com/v1";
export const scrapePolicyName = "allow-metrics-scrape";

function labels(environment: Environment, name?: string): Record<string, string> {
    return {
        ...(name ? { [appLabels.name]: name } : {}),
        [appLabels.partOf]: partOf,
        [appLabels.component]: "monitoring",
        [appLabels.managedBy]: "pulumi",
        [goliveLabels.environment]: environment,
    };
}

export function podMonitoringObject(service: string, namespace: string, environment: Environment, m: PrometheusMetrics) {
    return {
        apiVersion: podMonitoringApiVersion,
        kind: "PodMonitoring",
        metadata: { name: service, namespace, labels: labels(environment, service) },
        spec: {
            selector: { matchLabels: { [appLabels.name]: service } },
            endpoints: [{ port: m.metricsPort, path: m.metricsPath, interval: defaults.scrapeInterval }],
        },
    };
}

/** Ingress to every golive pod from the GMP collectors, on the metrics ports only. */
export function scrapeNetworkPolicySpec(ports: ReadonlyArray<string | number>): k8s.types.input.networking.v1.NetworkPolicySpec {
    return {
        podSelector: { matchLabels: { [appLabels.partOf]: partOf } },
        policyTypes: ["Ingress"],
        ingress: [{
            from: [{
                namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": defaults.collector.namespace } },
                podSelector: { matchLabels: { ...defaults.collector.podLabels } },
            }],
            ports: [...new Set(ports)].map((port) => ({ port, protocol: "TCP" })),
        }],
    };
}

export function scrapeNetworkPolicyMetadata(namespace: string, environment: Environment) {
    return { name: scrapePolicyName, namespace, labels: labels(environment) };
}
