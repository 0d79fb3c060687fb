import { z } from "zod";

/** The Cloudflare edge in front of the public hosts. */
export const edge = z.strictObject({
    /** The Cloudflare zone id of the stack's domain. */
    zoneId: z.string().regex(/^[a-f0-9]{32}$/, { error: "must be a Cloudflare zone id (32 hex characters)" }),
    /** DNS TTL for public records; runbook 004 wants 300 s for quick rollback. */
    dnsTtl: z.number().int().min(60).max(86400).default(300),
    minTlsVersion: z.enum(["1.2", "1.3"]).default("1.2"),
    /** Requests per minute per tier (runbook 004: free 60, pilot 300, enterprise 1000). */
    rateLimits: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.number().int().positive()).default({}),
});
