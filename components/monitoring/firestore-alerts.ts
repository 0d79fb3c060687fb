import * as gcp from "./gcp";
import * as pulumi from "@pulumi/pulumi";
import { signals, type Severity } from "../../policies/monitoring/labels";
import { alertPolicyArgs, alertResourceName, type AlertContext } from "./alert";
import { firestoreAlerts, needsIndexMetricArgs } from "./firestore";
import type { FirestoreAlertsArgs } from "./monitoring-args";

export interface FirestoreAlertsComponentArgs {
    settings: FirestoreAlertsArgs;
    project: string;
    cluster: string;
    namespace: string;
    alert: AlertContext;
    channels: Readonly<Record<Severity, pulumi.Input<string>[]>>;
}

/** Runbook 000's Firestore alerts and the log-based metric behind the needs-index one. */
export class FirestoreAlerts extends pulumi.ComponentResource {
    readonly needsIndexMetric: gcp.logging.Metric;
    readonly alerts: readonly gcp.monitoring.AlertPolicy[];

    constructor(name: string, args: FirestoreAlertsComponentArgs, opts?: pulumi.ComponentResourceOptions) {
        super("golive:monitoring:FirestoreAlerts", name, {}, opts);
        this.needsIndexMetric = new gcp.logging.Metric(`${name}-needs-index`, needsIndexMetricArgs(args.project, args.cluster, args.namespace), { parent: this });
        this.alerts = firestoreAlerts(args.settings).map((spec) =>
            new gcp.monitoring.AlertPolicy(alertResourceName(spec), alertPolicyArgs(spec, args.alert, args.channels[spec.severity]), {
                parent: this,
                // The alert's filter names the log-based metric, which must exist first.
                dependsOn: spec.signal === signals.firestoreNeedsIndex ? [this.needsIndexMetric] : [],
            }));
        this.registerOutputs({ alertPolicies: this.alerts.length });
    }
}
