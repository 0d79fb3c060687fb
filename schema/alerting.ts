import { z } from "zod";
import { secretRef } from "./common";

/** Where alerts go. Keys and tokens are named secrets, never values. */
export const alerting = z.strictObject({
    pagerduty: z.strictObject({ integrationKeySecret: secretRef }).optional(),
    slack: z.strictObject({ channel: z.string().regex(/^#[a-z0-9_-]+$/, { error: "must be a Slack channel such as #launch-war-room" }), tokenSecret: secretRef }).optional(),
    email: z.array(z.email()).default([]),
    /** Page when the 5xx ratio exceeds this percent for 2 minutes (runbook 004: 1 %). */
    errorRatePercent: z.number().positive().max(100).default(1),
    /** Page when P95 latency exceeds this many ms (runbook 004: 1000 ms). */
    latencyP95Ms: z.number().int().positive().default(1000),
    /** Uptime checks run this often (runbook 004: every minute). */
    uptimePeriod: z.enum(["60s", "300s", "600s", "900s"]).default("60s"),
});
