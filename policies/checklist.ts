/**
 * The go-live checklist, item by item, as the runbooks in ../shared/runbooks state it.
 * Policies name the items they enforce (their `runbook` field); an item no policy enforces
 * is a manual item and stays PENDING in the readiness report until a person signs it off.
 * Ids are stable: reports, findings files and dashboards key on them.
 */
export interface ChecklistItem {
    /** `<runbook>.<section>.<slug>`: the runbook number, its section, the line. */
    readonly id: string;
    readonly title: string;
    /** The runbook file and the heading the line sits under. */
    readonly source: string;
    /** How a person verifies it when no policy can (what the report prints for PENDING). */
    readonly manual?: string;
}

const R000 = "000_c7c82be0364b2192.txt";
const R001 = "001_294f5b2ae1abc5c4.txt";
const R002 = "002_9051382bc4f32e68.txt";
const R003 = "003_3048f456b1bdcba8.txt";
const R004 = "004_60222273e5502b97.txt";

export const checklist = [
    // 004 run-of-show: Infrastructure checklist (T-1 day) and pre-launch Infrastructure items.
    { id: "004.infra.dns-ttl", title: "DNS records point at the production load balancer with TTL 300 s for quick rollback", source: `${R004} § Infrastructure Checklist` },
    { id: "004.infra.tls-certificates", title: "TLS certificates valid for >= 30 days and auto-renewing", source: `${R004} § Infrastructure Checklist`, manual: "Check the certificate expiry of every public host (openssl s_client) until an edge policy enforces it." },
    { id: "004.infra.cdn-cache", title: "CDN cache rules and origin headers configured", source: `${R004} § Infrastructure Checklist` },
    { id: "004.infra.load-balancer-health", title: "Load balancer health checks configured", source: `${R004} § Pre-Launch Checklist / Infrastructure` },
    { id: "004.infra.backups", title: "Database backups in place: scheduled backups kept >= 7 days and point-in-time recovery (RPO 5 minutes)", source: `${R004} § Pre-Launch Checklist / Infrastructure` },
    { id: "004.infra.backup-restore-tested", title: "Backup restoration tested (RTO 1 hour, RPO 5 minutes): staging restored from a production backup", source: `${R004} § Data & Migrations; T-6 Backup Validation`, manual: "Restore a production backup into a staging database (gcloud firestore databases restore), time it against the 1-hour RTO and record the result; golive declares the backups but cannot run a restore." },
    { id: "004.infra.k8s-resources", title: "Kubernetes resource limits and requests tuned", source: `${R004} § Pre-Launch Checklist / Infrastructure` },
    { id: "004.infra.autoscaling", title: "Auto-scaling policies configured (min: 2, max: 10 pods)", source: `${R004} § Pre-Launch Checklist / Infrastructure` },
    { id: "004.infra.network-policies", title: "Network policies and firewall rules applied", source: `${R004} § Pre-Launch Checklist / Infrastructure` },
    // 004 Services.
    { id: "004.services.target-versions", title: "All microservices deployed at pinned target versions", source: `${R004} § Services Checklist` },
    { id: "004.services.health-checks", title: "Health checks configured on /health (readiness, liveness, startup, load balancer)", source: `${R004} § Services Checklist` },
    { id: "004.services.health-200", title: "Health endpoints return 200 OK, checking DB, Redis and external APIs", source: `${R004} § Services Checklist`, manual: "curl every public /health at T-15 min; golive declares the checks but cannot see their answers." },
    { id: "004.services.feature-flags", title: "Feature flags reviewed and configured for production", source: `${R004} § Services Checklist` },
    { id: "004.services.secrets", title: "Secrets fetched at runtime, never hardcoded or baked into containers", source: `${R004} § Security & Compliance` },
    { id: "004.services.secrets-rotated", title: "Secrets rotated within the past 7 days (rotation every 90 days)", source: `${R004} § Security & Compliance`, manual: "Confirm rotation dates in the secret store; golive cannot see when a value last changed." },
    { id: "004.services.rate-limits", title: "Rate limiting configured per tenant tier (60 / 300 / 1000 req/min)", source: `${R004} § Services Checklist` },
    { id: "004.services.cors-csp", title: "CORS and CSP match production domains; no unsafe-inline", source: `${R004} § Services Checklist` },
    { id: "004.services.graceful-shutdown", title: "Graceful shutdown on SIGTERM (preStop hook, termination grace period)", source: `${R004} § Pre-Launch Checklist / Services` },
    { id: "004.services.workload-security", title: "Containers run non-root, read-only, without privilege escalation", source: `${R004} § Security & Compliance` },
    // 004 Deployment and rollback.
    { id: "004.deploy.zero-downtime", title: "Rolling update with zero downtime and disruption budgets", source: `${R004} § T-45 mins: Backend Deployment` },
    { id: "004.rollback.previous-version", title: "Images pinned, so a rollback is one version change", source: `${R004} § Rollback Plan` },
    { id: "004.rollback.previous-images", title: "Previous versions (launch.rollbackTo) tagged and available in the registry", source: `${R004} § T+8 Hours: Rollback Readiness`, manual: "List the registry tags of every launch.rollbackTo version (gcloud artifacts docker tags list); golive cannot reach the registry offline." },
    { id: "004.rollback.drill", title: "Rollback procedure rehearsed on staging (<= 20 min end to end)", source: `${R004} § Rollback Testing`, manual: "Run the staging rollback drill and record its duration." },
    { id: "004.testing.load", title: "Load test at 2x pilot load for 4 hours, P95 <= 500 ms, zero errors", source: `${R004} § T-6 Load Test Execution`, manual: "Attach the load-test report." },
    // 004 Monitoring.
    { id: "004.monitoring.synthetic", title: "Synthetic monitors every 1 minute from several regions, alert after 2 failures", source: `${R004} § Monitoring & Observability` },
    { id: "004.monitoring.alert-error-rate", title: "Alert when the error rate is > 1 % for 2 minutes", source: `${R004} § Launch Hour Monitoring` },
    { id: "004.monitoring.alert-latency", title: "Alert when P95 latency is > 1000 ms sustained", source: `${R004} § Launch Hour Monitoring` },
    { id: "004.monitoring.paging", title: "PagerDuty escalation policies and schedules verified; runbooks linked in alerts", source: `${R004} § Monitoring & Observability` },
    { id: "004.monitoring.on-call", title: "On-call rotation published two weeks ahead; primary and secondary briefed", source: `${R004} § Go/No-Go Decision`, manual: "Confirm the on-call schedule in PagerDuty." },
    // 000 Share-in-Groups (Firebase).
    { id: "000.firestore.indexes", title: "Firestore indexes deployed (no \"needs index\" errors)", source: `${R000} § Step 2: Database Preparation` },
    { id: "000.firestore.backups", title: "Backup procedures in place (Firestore backups, point-in-time recovery)", source: `${R000} § Pre-Deployment Checklist / Infrastructure` },
    { id: "000.monitoring.firestore-reads", title: "Alert policy on Firestore document reads", source: `${R000} § Step 5: Monitoring Setup` },
    { id: "000.monitoring.rules-denied", title: "Alert policy on Firestore security-rules denials", source: `${R000} § Step 5: Monitoring Setup` },
    { id: "000.slo.latency-errors", title: "Response time < 600 ms (p95) and error rate < 1 %", source: `${R000} § Success Criteria` },
    // 001 SMS Blossom verification.
    { id: "001.security.webhook-secrets", title: "Webhook HMAC and JWT secrets configured as secrets", source: `${R001} § Environment Setup` },
    { id: "001.monitoring.metrics", title: "Metrics endpoint scraped; P95 < 800 ms watched", source: `${R001} § Monitoring & Alerts` },
    // 002 Fund-store canary.
    { id: "002.canary.steps", title: "Canary rollout in steps 10 % -> 50 % -> 100 %", source: `${R002} § Phase 3-4: Canary Monitoring and Scale Rollout` },
    { id: "002.canary.kill-switch", title: "Runtime kill switch available (feature flag off without a deploy)", source: `${R002} § Runtime Kill Switch` },
    // 003 Avalo pipeline.
    { id: "003.pipeline.tiers", title: "Separate staging and production tiers; production mirrors staging", source: `${R003} § Three-Tier Environment Structure` },
    { id: "003.pipeline.manual-approval", title: "Manual approval required before production deploy", source: `${R003} § Production Deployment (Manual Approval)`, manual: "Protect the production stack's CI job with a required reviewer." },
    { id: "003.pipeline.backup-before-deploy", title: "Back up production before every deploy; rollback does not touch data", source: `${R003} § Rollback Scope` },
] as const satisfies readonly ChecklistItem[];

export type ChecklistId = (typeof checklist)[number]["id"];

const byId = new Map<string, ChecklistItem>(checklist.map((item) => [item.id, item]));

export function checklistItem(id: string): ChecklistItem | undefined {
    return byId.get(id);
}
