/**
 * One alert policy from what it watches: the pure spec every golive alert goes through, so
 * each carries the same labels, severity, documentation and routing.
 */
import type * as gcp from "./gcp";
import type * as pulumi from "@pulumi/pulumi";
import { labelKeys, providerSeverity, type Severity, type Signal } from "../../policies/monitoring/labels";
import { defaults } from "./defaults";
import { alertDocumentation, type DocumentationContext } from "./documentation";

export type Condition = gcp.input.monitoring.AlertPolicyCondition;

/** What one alert watches and how bad it is when it fires. */
export interface AlertSpec {
    signal: Signal;
    /** The service it watches, or "platform" / "firestore". */
    service: string;
    severity: Severity;
    /** Short, for the display name and subject: "error rate > 1 % for 2 min". */
    title: string;
    /** A sentence for the documentation: what being in this state means. */
    what: string;
    conditions: Condition[];
    /** @default "OR" */
    combiner?: "OR" | "AND";
}

/** The Pulumi resource name of an alert: stable, from the service and the signal. */
export function alertResourceName(spec: Pick<AlertSpec, "service" | "signal">): string {
    return `${spec.service}-${spec.signal}`;
}

/** The user labels of every golive alert: service, severity, stack, signal. */
export function alertLabels(spec: Pick<AlertSpec, "service" | "severity" | "signal">, environment: string): Record<string, string> {
    return {
        [labelKeys.service]: spec.service,
        [labelKeys.severity]: spec.severity.toLowerCase(),
        [labelKeys.stack]: environment,
        [labelKeys.signal]: spec.signal,
    };
}

/** Where an alert lives and what its documentation says about the stack. */
export interface AlertContext extends DocumentationContext {
    project: string;
}

/** The AlertPolicy inputs of a spec, notifying `channels`. */
export function alertPolicyArgs(spec: AlertSpec, ctx: AlertContext, channels: pulumi.Input<string>[]): gcp.monitoring.AlertPolicyArgs {
    return {
        project: ctx.project,
        displayName: `[${ctx.environment}] ${spec.service}: ${spec.title}`,
        combiner: spec.combiner ?? "OR",
        conditions: spec.conditions,
        enabled: true,
        severity: providerSeverity[spec.severity],
        notificationChannels: channels,
        userLabels: alertLabels(spec, ctx.environment),
        documentation: alertDocumentation(spec, ctx),
        alertStrategy: { autoClose: defaults.autoClose },
    };
}

/** "120s" */
export function seconds(n: number): string {
    return `${n}s`;
}

/** "2 min", "90 s" */
export function humanDuration(n: number): string {
    if (n === 0) return "immediately";
    if (n % 86400 === 0) return `${n / 86400} d`;
    if (n % 3600 === 0) return `${n / 3600} h`;
    if (n % 60 === 0) return `${n / 60} min`;
    return `${n} s`;
}
