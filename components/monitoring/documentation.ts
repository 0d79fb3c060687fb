/**
 * What an alert tells the person it reaches (documentation.content, Markdown): what fired,
 * the likely causes, the first three steps, and the runbook link. Cloud Monitoring puts it
 * in every notification, PagerDuty and Slack included.
 */
import type * as gcp from "./gcp";
import type { Severity, Signal } from "../../policies/monitoring/labels";
import type { Environment } from "./defaults";

/** Runbook 004's incident table: how fast each severity is answered, and what to do. */
export const responses: Readonly<Record<Severity, string>> = {
    P0: "respond within 5 minutes: roll back immediately, page on-call",
    P1: "respond within 15 minutes: investigate, consider a rollback",
    P2: "respond within 30 minutes: investigate, scale if needed",
    P3: "respond within 4 hours: log an issue, fix in the next release",
};

interface Guide {
    causes: readonly string[];
    steps: readonly string[];
}

const rollback = "If it started with a release, roll back: set the service's image to its `launch.rollbackTo` version (or the canary's weight to 0) and `pulumi up`.";

/** Likely causes and first three steps, per signal. */
export const guides: Readonly<Record<Signal, Guide>> = {
    "error-rate": {
        causes: ["a bad release or canary", "a dependency failing (database, Redis, another service)", "pods restarting or out of memory"],
        steps: ["Open the service dashboard: is it one route, one pod, or all of them?", "Check the last release and the canary weight; read the errors in Logs Explorer (severity>=ERROR).", rollback],
    },
    "latency": {
        causes: ["CPU saturation (the HPA at its maximum)", "a slow dependency or query", "a cold cache after a deploy"],
        steps: ["Open the service dashboard: latency, CPU and replica count together.", "Check the HPA (`kubectl get hpa`) and raise replicas.max if it is pinned at the top.", "Check the database and cache panels for the slow dependency; " + rollback],
    },
    "platform-down": {
        causes: ["every pod failing or gone (crash loop, bad config, failed rollout)", "the database or a required dependency down", "the load balancer has no healthy backend"],
        steps: ["Declare a P0 in the war room; the launch commander decides the rollback now.", rollback, "Check `kubectl get pods` and the HealthCheckPolicy's backend health; post updates every 15 minutes."],
    },
    "request-volume": {
        causes: ["a scraper or an attack", "a client retry loop", "real launch traffic above the pilot's 10-50 req/min"],
        steps: ["Open the service dashboard and the load balancer's logs: which clients, which paths?", "If abusive, tighten the Cloudflare rate limit or block the source.", "If real, check capacity (HPA headroom) and tell the war room."],
    },
    "burn-rate-fast": {
        causes: ["an outage or partial outage eating the month's error budget in hours"],
        steps: ["Treat it as an incident: open the service dashboard and the error-rate alert.", rollback, "Record the budget spent in the incident notes."],
    },
    "burn-rate-medium": {
        causes: ["a sustained partial failure (one route, one tenant, one zone)"],
        steps: ["Open the service dashboard: which responses fail?", "Find the release or dependency change that started it.", rollback],
    },
    "burn-rate-slow": {
        causes: ["a low, steady error rate that will exhaust the month's budget"],
        steps: ["Open a ticket with the failing routes from the dashboard.", "Look for a recurring error in Logs Explorer.", "Schedule the fix for the next release; no page needed."],
    },
    "heartbeat": {
        causes: ["every pod of the service gone or failing its scrape", "the metrics endpoint broken", "Managed Service for Prometheus not collecting (the monitoring itself is blind)"],
        steps: ["`kubectl get pods -l app.kubernetes.io/name=<service>` and the PodMonitoring's status.", "curl the pod's metrics path from inside the cluster.", "Until metrics are back, the service's other alerts cannot fire: watch it by hand."],
    },
    "uptime": {
        causes: ["the host unreachable from the internet (DNS, certificate, load balancer)", "the health endpoint failing", "an edge (Cloudflare) misconfiguration"],
        steps: ["Open the uptime check: which regions fail, and with what (TLS, timeout, status)?", "curl -v https://<host>/health from outside; check DNS and the certificate.", "If the app is down, follow the platform-down steps; " + rollback],
    },
    "queue-depth": {
        causes: ["workers down or too few", "a poison message retried forever", "Redis slow or full"],
        steps: ["Check the queue health endpoint (/queue/health) and the worker pods.", "Look for failing jobs in the worker logs; move poison messages to the dead-letter queue.", "Scale the workers if the backlog is real load."],
    },
    "cache-hit-ratio": {
        causes: ["a cold cache after a deploy or flush (cache warming)", "keys evicted (memory limit, eviction policy)", "a release that changed cache keys"],
        steps: ["Check Redis memory and evictions.", "If it follows a deploy, expect warming; watch latency meanwhile.", "Check the last release for changed cache keys or TTLs."],
    },
    "connection-pool": {
        causes: ["slow queries holding connections", "a connection leak", "more replicas than the database's max_connections allows"],
        steps: ["Check the slowest queries and locks on the database.", "Compare replicas x pool size with max_connections (runbook 004: 200).", "Restart a leaking pod only after capturing its stats; " + rollback],
    },
    "firestore-reads": {
        causes: ["a runaway query or listener (a loop, a missing limit)", "a scraper on a public page", "real traffic growth"],
        steps: ["Open Firestore's usage dashboard: which collection, which client?", "Check the last release for new queries or listeners.", "Turn the feature off with its flag if the reads are runaway (kill switch)."],
    },
    "firestore-rules-denied": {
        causes: ["a security-rules release that denies legitimate reads", "a client on an old version", "someone probing the database"],
        steps: ["Open Firestore's rules monitor: which rule, which path?", "If it followed a rules deploy, roll the rules back.", "If it is probing, confirm the denials are correct and watch the source."],
    },
    "firestore-needs-index": {
        causes: ["a query shipped without its composite index", "an index still building after a deploy", "an index deleted from firestore.indexes.json"],
        steps: ["Read the error in Logs Explorer: it links the index to create.", "Add the index to firestore.indexes.json and `pulumi up` (or wait if it is building).", "Turn the feature off with its flag until the index is ready."],
    },
};

export interface DocumentationContext {
    environment: Environment;
    runbookBaseUrl?: string;
}

/** The runbook link of a signal: `<base>/<signal>`. */
export function runbookUrl(base: string, signal: Signal): string {
    return `${base.replace(/\/+$/, "")}/${signal}`;
}

/** The alert's documentation block. */
export function alertDocumentation(
    a: { signal: Signal; service: string; severity: Severity; title: string; what: string },
    ctx: DocumentationContext,
): gcp.input.monitoring.AlertPolicyDocumentation {
    const guide = guides[a.signal];
    const url = ctx.runbookBaseUrl ? runbookUrl(ctx.runbookBaseUrl, a.signal) : undefined;
    const content = [
        `## ${a.severity} ${a.service}: ${a.title}`,
        "",
        `**What fired:** ${a.what}`,
        "",
        `**Severity ${a.severity}** (${ctx.environment}): ${responses[a.severity]}.`,
        "",
        "**Likely causes**",
        ...guide.causes.map((c) => `- ${c}`),
        "",
        "**First three steps**",
        ...guide.steps.map((s, i) => `${i + 1}. ${s.replaceAll("<service>", a.service)}`),
        ...(url ? ["", `Runbook: ${url}`] : []),
    ].join("\n");
    return {
        mimeType: "text/markdown",
        subject: `[${a.severity}] [${ctx.environment}] ${a.service}: ${a.title}`,
        content,
        links: url ? [{ displayName: "Runbook", url }] : [],
    };
}
