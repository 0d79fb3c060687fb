/**
 * Which channels each severity reaches (runbook 004's incident table): P0 and P1 page
 * (PagerDuty) and post in the war room, P2 posts in the war room, P3 opens a ticket by
 * email. Staging never pages: every alert goes to Slack only.
 */
import type { Severity } from "../../policies/monitoring/labels";
import type { Environment } from "./defaults";

export type ChannelKind = "pagerduty" | "slack" | "email";

const production: Readonly<Record<Severity, readonly ChannelKind[]>> = {
    P0: ["pagerduty", "slack"],
    P1: ["pagerduty", "slack"],
    P2: ["slack"],
    P3: ["email"],
};

/** Where an alert goes when none of its severity's channels exists: somewhere rather than nowhere. */
const fallback: readonly ChannelKind[] = ["slack", "email"];

/** The channel kinds an alert of this severity notifies, among those the stack declares. */
export function channelKinds(severity: Severity, environment: Environment, available: ReadonlySet<ChannelKind>): ChannelKind[] {
    if (environment === "staging") return available.has("slack") ? ["slack"] : [];
    const wanted = production[severity].filter((k) => available.has(k));
    if (wanted.length > 0) return wanted;
    const first = fallback.find((k) => available.has(k));
    return first ? [first] : [];
}
