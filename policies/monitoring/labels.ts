/**
 * How golive's monitoring resources say what they are: the user label keys on alert
 * policies, SLOs and uptime checks, the signal names, and the severity scale. The component
 * writes them and the stack policies read them back, so both import them from here.
 */

/** User label keys (Cloud Monitoring allows lowercase letters, digits, '_' and '-'). */
export const labelKeys = {
    /** The golive service an alert watches, or "platform" / "firestore" for stack-wide ones. */
    service: "service",
    /** p0..p3, the runbook's incident severity. */
    severity: "severity",
    /** The Pulumi stack (staging, production). */
    stack: "stack",
    /** What the alert measures: one of `signals`. */
    signal: "signal",
} as const;

/** The `service` label of alerts that watch the platform or Firestore rather than one service. */
export const platformService = "platform";
export const firestoreService = "firestore";

/** What an alert measures; the `signal` label's values. */
export const signals = {
    errorRate: "error-rate",
    latency: "latency",
    platformDown: "platform-down",
    requestVolume: "request-volume",
    burnRateFast: "burn-rate-fast",
    burnRateMedium: "burn-rate-medium",
    burnRateSlow: "burn-rate-slow",
    heartbeat: "heartbeat",
    uptime: "uptime",
    queueDepth: "queue-depth",
    cacheHitRatio: "cache-hit-ratio",
    connectionPool: "connection-pool",
    firestoreReads: "firestore-reads",
    firestoreRulesDenied: "firestore-rules-denied",
    firestoreNeedsIndex: "firestore-needs-index",
} as const;

export type Signal = (typeof signals)[keyof typeof signals];

/** How people name each signal in a message. */
export const signalTitles: Readonly<Record<Signal, string>> = {
    "error-rate": "error-rate",
    "latency": "P95 latency",
    "platform-down": "platform-down (5xx ratio)",
    "request-volume": "request-volume",
    "burn-rate-fast": "availability (SLO fast burn)",
    "burn-rate-medium": "availability (SLO medium burn)",
    "burn-rate-slow": "availability (SLO slow burn)",
    "heartbeat": "heartbeat (scrape target up)",
    "uptime": "uptime-check",
    "queue-depth": "queue-depth",
    "cache-hit-ratio": "cache-hit-ratio",
    "connection-pool": "connection-pool",
    "firestore-reads": "Firestore read-spike",
    "firestore-rules-denied": "Firestore rules-denied",
    "firestore-needs-index": "Firestore needs-index",
};

/** Runbook 004's incident severities. */
export const severities = ["P0", "P1", "P2", "P3"] as const;
export type Severity = (typeof severities)[number];

/**
 * Cloud Monitoring's severity field has three levels; P2 and P3 both read WARNING there and
 * differ by their `severity` label and their channels.
 */
export const providerSeverity: Readonly<Record<Severity, "CRITICAL" | "ERROR" | "WARNING">> = {
    P0: "CRITICAL",
    P1: "ERROR",
    P2: "WARNING",
    P3: "WARNING",
};

/** The provider severities that must reach the pager (runbook 004: P0 pages within 5 min, P1 within 15). */
export const pagingProviderSeverities: readonly string[] = [providerSeverity.P0, providerSeverity.P1];

/** Notification channel types (NotificationChannelDescriptor.type). */
export const channelTypes = { pagerduty: "pagerduty", slack: "slack", email: "email" } as const;

/**
 * The channel labels that carry credentials, per type, and where they belong instead: the
 * provider's `sensitiveLabels` (kept out of the plan and the state's plain text).
 */
export const credentialLabels: ReadonlyArray<{ label: string; sensitive: string; types: readonly string[] }> = [
    { label: "service_key", sensitive: "serviceKey", types: [channelTypes.pagerduty] },
    { label: "auth_token", sensitive: "authToken", types: [channelTypes.slack] },
    { label: "password", sensitive: "password", types: ["webhook_basicauth"] },
];
