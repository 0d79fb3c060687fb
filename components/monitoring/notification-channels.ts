import * as gcp from "./gcp";
import * as pulumi from "@pulumi/pulumi";
import { channelTypes, labelKeys, type Severity } from "../../policies/monitoring/labels";
import type { Environment } from "./defaults";
import type { NotificationChannelsArgs } from "./monitoring-args";
import { channelKinds, type ChannelKind } from "./routing";

export function pagerdutyChannelArgs(project: string, environment: Environment, serviceKey: pulumi.Input<string>): gcp.monitoring.NotificationChannelArgs {
    return {
        project,
        type: channelTypes.pagerduty,
        displayName: `[${environment}] PagerDuty on-call`,
        // The integration key only ever travels as a sensitive label, never in `labels`.
        sensitiveLabels: { serviceKey },
        userLabels: { [labelKeys.stack]: environment },
        enabled: true,
    };
}

export function slackChannelArgs(project: string, environment: Environment, channel: string, authToken: pulumi.Input<string>): gcp.monitoring.NotificationChannelArgs {
    return {
        project,
        type: channelTypes.slack,
        displayName: `[${environment}] Slack ${channel}`,
        labels: { channel_name: channel },
        sensitiveLabels: { authToken },
        userLabels: { [labelKeys.stack]: environment },
        enabled: true,
    };
}

export function emailChannelArgs(project: string, environment: Environment, address: string): gcp.monitoring.NotificationChannelArgs {
    return {
        project,
        type: channelTypes.email,
        displayName: `[${environment}] ${address}`,
        labels: { email_address: address },
        userLabels: { [labelKeys.stack]: environment },
        enabled: true,
    };
}

/** A stable resource-name suffix for an email address. */
export function emailKey(address: string): string {
    return address.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export interface NotificationChannelsComponentArgs extends NotificationChannelsArgs {
    environment: Environment;
    project: string;
}

/**
 * The stack's notification channels: PagerDuty, the Slack war room and email, credentials
 * from Pulumi secrets in sensitive labels. Staging declares only Slack: it never pages and
 * mails nobody, so every staging alert lands in its Slack channel.
 */
export class NotificationChannels extends pulumi.ComponentResource {
    readonly pagerduty?: gcp.monitoring.NotificationChannel;
    readonly slack?: gcp.monitoring.NotificationChannel;
    readonly email: readonly gcp.monitoring.NotificationChannel[];
    private readonly environment: Environment;

    constructor(name: string, args: NotificationChannelsComponentArgs, opts?: pulumi.ComponentResourceOptions) {
        super("golive:monitoring:NotificationChannels", name, {}, opts);
        this.environment = args.environment;
        const child = { parent: this };
        const production = args.environment === "production";
        if (args.pagerduty && production) {
            this.pagerduty = new gcp.monitoring.NotificationChannel(`${name}-pagerduty`, pagerdutyChannelArgs(args.project, args.environment, args.pagerduty.serviceKey), child);
        }
        if (args.slack) {
            this.slack = new gcp.monitoring.NotificationChannel(`${name}-slack`, slackChannelArgs(args.project, args.environment, args.slack.channel, args.slack.authToken), child);
        }
        this.email = production
            ? (args.email ?? []).map((address) => new gcp.monitoring.NotificationChannel(`${name}-email-${emailKey(address)}`, emailChannelArgs(args.project, args.environment, address), child))
            : [];
        this.registerOutputs({});
    }

    /** The channel names an alert of this severity notifies. */
    forSeverity(severity: Severity): pulumi.Output<string>[] {
        const byKind: Record<ChannelKind, readonly gcp.monitoring.NotificationChannel[]> = {
            pagerduty: this.pagerduty ? [this.pagerduty] : [],
            slack: this.slack ? [this.slack] : [],
            email: this.email,
        };
        const available = new Set((Object.keys(byKind) as ChannelKind[]).filter((k) => byKind[k].length > 0));
        return channelKinds(severity, this.environment, available).flatMap((k) => byKind[k].map((c) => c.name));
    }
}
