/**
 * The runbooks' monitoring numbers, defined once. The stack schema takes its defaults from
 * here, the monitoring component builds its alerts from here, and the policies judge
 * against here (policy config may move a limit; nothing else restates it).
 */

/** Runbook 004 "Launch Hour Monitoring": alert if the error rate is > 1 % sustained for 2 minutes. */
export const errorRate = { percent: 1, durationSeconds: 120 } as const;

/** Runbook 004: alert if P95 > 1000 ms "sustained" (no figure given: 5 minutes, the longest wait the gate accepts). */
export const latencyP95 = { ms: 1000, durationSeconds: 300 } as const;

/** The P95 targets the runbooks set (004: 500 ms, 000: 600 ms, 001: 800 ms); dashboards draw them, alerts fire above latencyP95. */
export const latencyTargetsMs: readonly number[] = [500, 600, 800];

/** Runbook 004 incident table: P0 "Platform down (5xx > 50 %)", 5-minute response, so it fires after 1 minute. */
export const platformDown = { percent: 50, durationSeconds: 60 } as const;

/** Runbook 004: request volume, alert if > 500 req/min (potential attack or scraper). */
export const requestVolume = { perMinute: 500, durationSeconds: 300 } as const;

/** The bound on "sustained": no alert condition waits longer than 5 minutes before it fires. */
export const maxDurationSeconds = 300;

/**
 * Runbook 004 synthetic monitors: every minute, from 5 global locations, alert after 2
 * consecutive failures. The alert fires when more than one region fails, so one checker's
 * network hiccup does not page.
 */
export const uptime = { periodSeconds: 60, minRegions: 5, consecutiveFailures: 2, failingRegions: 2, timeoutSeconds: 10 } as const;

/** Runbook 001: queue depth should be < 100 in normal operation. */
export const queueDepth = { max: 100, durationSeconds: 300 } as const;

/** Runbook 004: cache hit ratio target >= 70 %, alert if < 50 % (cache warming issue). */
export const cacheHitRatio = { targetPercent: 70, minPercent: 50, durationSeconds: 300 } as const;

/** Runbook 004: alert if the connection pool is > 80 % utilized. */
export const connectionPool = { maxPercent: 80, durationSeconds: 300 } as const;

/** "Monitoring the monitoring": a service whose scrape target has not been up for 5 minutes pages. */
export const heartbeat = { absentSeconds: 300 } as const;

/**
 * Runbook 000 alert_rules_denied: no figure given; more than 5 % of rule evaluations denied
 * for 5 minutes is a broken rules release or someone probing.
 */
export const firestoreRulesDenied = { percent: 5, durationSeconds: 300 } as const;

/** Firestore read spike (runbook 000 alert_firestore_reads): sustained 5 minutes above the stack's own figure. */
export const firestoreReads = { durationSeconds: 300 } as const;

/**
 * The availability SLO: runbook 004 targets an error rate <= 0.1 % (99.9 % good) and
 * reported 99.95 % uptime; the SRE workbook's burn rates below assume a 30-day window.
 */
export const slo = { availabilityGoal: 0.999, rollingPeriodDays: 30 } as const;

export interface BurnRate {
    /** Which alert: fast and medium page, slow opens a ticket. */
    readonly name: "fast" | "medium" | "slow";
    /** Multiple of the budget-neutral error rate. */
    readonly rate: number;
    readonly longWindowSeconds: number;
    /** 1/12 of the long window: the alert resets soon after the burn stops. */
    readonly shortWindowSeconds: number;
    readonly severity: "P1" | "P3";
}

/**
 * The SRE workbook's multi-window, multi-burn-rate alerts for a 30-day SLO (chapter 5,
 * table 5-8): 2 % of the budget in 1 hour and 5 % in 6 hours page; 10 % in 3 days opens a ticket.
 */
export const burnRates: readonly BurnRate[] = [
    { name: "fast", rate: 14.4, longWindowSeconds: 3600, shortWindowSeconds: 300, severity: "P1" },
    { name: "medium", rate: 6, longWindowSeconds: 21600, shortWindowSeconds: 1800, severity: "P1" },
    { name: "slow", rate: 1, longWindowSeconds: 259200, shortWindowSeconds: 21600, severity: "P3" },
];
