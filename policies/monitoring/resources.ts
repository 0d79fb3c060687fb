/**
 * Reading Cloud Monitoring resources as the engine hands them to policies: type tokens,
 * user labels, alert conditions, durations and thresholds. Not a policy.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { Json } from "../lib";
import { labelKeys, signals, type Signal } from "./labels";

/** The @pulumi/gcp type tokens the monitoring policies judge. */
export const gcpTypes = {
    alertPolicy: "gcp:monitoring/alertPolicy:AlertPolicy",
    notificationChannel: "gcp:monitoring/notificationChannel:NotificationChannel",
    uptimeCheck: "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig",
    slo: "gcp:monitoring/slo:Slo",
    customService: "gcp:monitoring/customService:CustomService",
    dashboard: "gcp:monitoring/dashboard:Dashboard",
    logMetric: "gcp:logging/metric:Metric",
    firestoreDatabase: "gcp:firestore/database:Database",
} as const;

/** A user label's value, or undefined. */
export function userLabel(props: Json, key: string): string | undefined {
    const v: unknown = props?.userLabels?.[key];
    return typeof v === "string" ? v : undefined;
}

const knownSignals = new Set<string>(Object.values(signals));

/** The signal an alert measures, from its `signal` label. */
export function signalOf(props: Json): Signal | undefined {
    const s = userLabel(props, labelKeys.signal);
    return s !== undefined && knownSignals.has(s) ? (s as Signal) : undefined;
}

/** `alert policy "<display name>" (service reporting-api)`: how messages name an alert. */
export function describeAlert(props: Json): string {
    const name = typeof props?.displayName === "string" ? props.displayName : "(unnamed)";
    const service = userLabel(props, labelKeys.service);
    return `alert policy "${name}"${service ? ` (service ${service})` : ""}`;
}

/** Alert policies are enabled unless `enabled` is false (the API's default is true). */
export function isEnabled(props: Json): boolean {
    return props?.enabled !== false;
}

/** The conditions of an alert policy, each with its position. */
export function conditionsOf(props: Json): Json[] {
    return Array.isArray(props?.conditions) ? props.conditions : [];
}

/** The body of a condition that has a duration and maybe a threshold, and what kind it is. */
export function conditionBody(condition: Json): { kind: "threshold" | "absent" | "promql" | "mql" | "other"; body: Json } {
    if (condition?.conditionThreshold) return { kind: "threshold", body: condition.conditionThreshold };
    if (condition?.conditionAbsent) return { kind: "absent", body: condition.conditionAbsent };
    if (condition?.conditionPrometheusQueryLanguage) return { kind: "promql", body: condition.conditionPrometheusQueryLanguage };
    if (condition?.conditionMonitoringQueryLanguage) return { kind: "mql", body: condition.conditionMonitoringQueryLanguage };
    return { kind: "other", body: undefined };
}

/** Seconds of a protobuf Duration string ("120s", "1.5s"), or undefined when it is not one. */
export function durationSeconds(value: unknown): number | undefined {
    if (typeof value !== "string") return undefined;
    const m = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
    return m ? Number(m[1]) : undefined;
}

export type Comparison = ">" | ">=" | "<" | "<=";

/** What a condition compares its value to. */
export interface Threshold {
    comparison: Comparison;
    value: number;
}

const comparisons: Readonly<Record<string, Comparison>> = {
    COMPARISON_GT: ">", COMPARISON_GE: ">=", COMPARISON_LT: "<", COMPARISON_LE: "<=",
};

/**
 * The threshold of a condition: a metric threshold's `comparison` and `thresholdValue`
 * (0 when unset, as the API reads it), or the comparison that ends a PromQL query
 * (`... > 0.01`, how alerting rules are written). Undefined when the condition has none.
 */
export function thresholdOf(condition: Json): Threshold | undefined {
    const { kind, body } = conditionBody(condition);
    if (kind === "threshold") {
        const comparison = comparisons[String(body.comparison)];
        if (!comparison) return undefined;
        const value: unknown = body.thresholdValue;
        return { comparison, value: typeof value === "number" ? value : 0 };
    }
    if (kind === "promql" && typeof body.query === "string") {
        const m = /(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*$/.exec(body.query);
        if (m) return { comparison: m[1] as Comparison, value: Number(m[2]) };
    }
    return undefined;
}

/** Whether a comparison fires when the value rises above the threshold. */
export function firesAbove(c: Comparison): boolean {
    return c === ">" || c === ">=";
}

/** An alert policy of the stack with what golive's labels say about it. */
export interface StackAlert {
    resource: PolicyResource;
    service?: string;
    signal?: Signal;
    enabled: boolean;
}

export function alertsOf(resources: readonly PolicyResource[]): StackAlert[] {
    return resources
        .filter((r) => r.type === gcpTypes.alertPolicy)
        .map((r) => ({ resource: r, service: userLabel(r.props, labelKeys.service), signal: signalOf(r.props), enabled: isEnabled(r.props) }));
}

/**
 * Which of `wanted` signals a service lacks: absent altogether, or present only disabled.
 * Returns one phrase per missing signal, e.g. `latency (its only alert policy is disabled)`.
 */
export function missingSignals(alerts: readonly StackAlert[], service: string, wanted: readonly Signal[], title: (s: Signal) => string): string[] {
    const out: string[] = [];
    for (const signal of wanted) {
        const matching = alerts.filter((a) => a.service === service && a.signal === signal);
        if (matching.some((a) => a.enabled)) continue;
        out.push(matching.length > 0 ? `${title(signal)} (its alert policy is disabled)` : title(signal));
    }
    return out;
}

/** A number from policy config, or the fallback when it is unset (getConfig() is {} without config). */
export function configNumber(config: Record<string, unknown>, key: string, fallback: number): number {
    const v = config[key];
    return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

/** "a, b and c" */
export function listText(items: readonly string[]): string {
    return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]!}`;
}
