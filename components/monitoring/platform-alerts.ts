import * as gcp from "./gcp";
import * as pulumi from "@pulumi/pulumi";
import type { Severity } from "../../policies/monitoring/labels";
import { alertPolicyArgs, alertResourceName, type AlertContext } from "./alert";
import type { PlatformAlertsArgs } from "./monitoring-args";
import { platformAlerts } from "./platform";

export interface PlatformAlertsComponentArgs {
    settings: PlatformAlertsArgs;
    cluster: string;
    namespace: string;
    alert: AlertContext;
    channels: Readonly<Record<Severity, pulumi.Input<string>[]>>;
}

/** The shared platform's saturation alerts: queue depth, cache hit ratio, connection pool. */
export class PlatformAlerts extends pulumi.ComponentResource {
    readonly alerts: readonly gcp.monitoring.AlertPolicy[];

    constructor(name: string, args: PlatformAlertsComponentArgs, opts?: pulumi.ComponentResourceOptions) {
        super("golive:monitoring:PlatformAlerts", name, {}, opts);
        this.alerts = platformAlerts(args.settings, args.cluster, args.namespace).map((spec) =>
            new gcp.monitoring.AlertPolicy(alertResourceName(spec), alertPolicyArgs(spec, args.alert, args.channels[spec.severity]), { parent: this }));
        this.registerOutputs({ alertPolicies: this.alerts.length });
    }
}
