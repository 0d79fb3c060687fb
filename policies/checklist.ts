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
    /** The runbook's title and the heading the line sits under. */
    readonly source: string;
    /**
     * What a person checks and how, when no policy can (what the report prints for a PENDING
     * item no policy enforces). Every item no policy enforces has one.
     */
    readonly manual?: string;
}

/**
 * The runbooks, by number: the file in ../shared/runbooks and its title (the file's first
 * heading; 002's starts with an emoji, left out). Reports show the title, which people know.
 */
export const runbooks = {
    "000": { file: "000_c7c82be0364b2192.txt", title: "Share-in-Groups Final Go-Live Runbook" },
    "001": { file: "001_294f5b2ae1abc5c4.txt", title: "Go-Live Runbook" },
    "002": { file: "002_9051382bc4f32e68.txt", title: "Production Deployment Runbook" },
    "003": { file: "003_3048f456b1bdcba8.txt", title: "PACK 334 - Production Deployment Pipeline Guide" },
    "004": { file: "004_60222273e5502b97.txt", title: "Production Launch Run-of-Show" },
} as const;

const R000 = runbooks["000"].title;
const R001 = runbooks["001"].title;
const R002 = runbooks["002"].title;
const R003 = runbooks["003"].title;
const R004 = runbooks["004"].title;

export const checklist = [
    // 004 run-of-show: Infrastructure checklist (T-1 day) and pre-launch Infrastructure items.
    { id: "004.infra.dns-ttl", title: "DNS records point at the production load balancer with TTL 300 s for quick rollback", source: `${R004} § Infrastructure Checklist`, manual: "Run `dig +noall +answer <host>` for every public host: the answer is the production load balancer's address (the Gateway's static IP) and the TTL column is 300 or less." },
    { id: "004.infra.tls-certificates", title: "TLS certificates valid for >= 30 days and auto-renewing", source: `${R004} § Infrastructure Checklist`, manual: "For every public host run `echo | openssl s_client -connect <host>:443 -servername <host> 2>/dev/null | openssl x509 -noout -enddate -issuer`: notAfter is at least 30 days away and the chain includes the intermediate; in Certificate Manager the host's managed certificate is ACTIVE (it renews itself)." },
    { id: "004.infra.tls-expiry", title: "Certificate expiry checked: every issued certificate has >= 30 days left", source: `${R004} § Infrastructure Checklist`, manual: "Expiry is known once Cloudflare has issued the certificates: after `pulumi up`, run `npm run analyze -- --file <(pulumi stack export) --stack production --now <launch time>`." },
    { id: "004.infra.cdn-cache", title: "CDN cache rules and origin headers configured", source: `${R004} § Infrastructure Checklist`, manual: "In Cloudflare, review the cache rules and origin headers of every public host, confirm a cache hit ratio of at least 70 % on staging (Analytics > Caching), and purge all caches before go-live." },
    { id: "004.infra.load-balancer-health", title: "Load balancer health checks configured", source: `${R004} § Pre-Launch Checklist / Infrastructure` },
    { id: "004.infra.backups", title: "Database replication and backups tested", source: `${R004} § Pre-Launch Checklist / Infrastructure`, manual: "Check production PostgreSQL: replication lag <= 5 s, disk >= 50 % free, max_connections = 200; and that the T-6 backup validation (restore the staging database from a production backup) succeeded, with its date." },
    { id: "004.infra.backup-restore-tested", title: "Backup restoration tested (RTO 1 hour, RPO 5 minutes): staging restored from a production backup", source: `${R004} § Data & Migrations; T-6 Backup Validation`, manual: "Restore a production backup into a staging database (gcloud firestore databases restore), time it against the 1-hour RTO and record the result; golive declares the backups but cannot run a restore." },
    { id: "004.infra.k8s-resources", title: "Kubernetes resource limits and requests tuned", source: `${R004} § Pre-Launch Checklist / Infrastructure` },
    { id: "004.infra.autoscaling", title: "Auto-scaling policies configured (min: 2, max: 10 pods)", source: `${R004} § Pre-Launch Checklist / Infrastructure` },
    { id: "004.infra.network-policies", title: "Network policies and firewall rules applied", source: `${R004} § Pre-Launch Checklist / Infrastructure` },
    // 004 Services.
    { id: "004.services.target-versions", title: "All microservices deployed at pinned target versions", source: `${R004} § Services Checklist` },
    { id: "004.services.health-checks", title: "Health checks configured on /health (readiness, liveness, startup, load balancer)", source: `${R004} § Services Checklist` },
    { id: "004.services.health-200", title: "Health endpoints return 200 OK, checking DB, Redis and external APIs", source: `${R004} § Services Checklist`, manual: "At T-15 min run `curl -fsS https://<host>/health` for every public service and the same through `kubectl exec` for internal ones: 200 OK, dependencies (database, Redis, external APIs) reported up, circuit breakers closed." },
    { id: "004.services.feature-flags", title: "Feature flags reviewed and configured for production", source: `${R004} § Services Checklist`, manual: "Compare golive:featureFlags in the production stack file with the run-of-show (cockpit-approvals: pilot tenants only; gen-reports-beta: off until T+7 days; audit-mode: on for all), and at T-15 min confirm in the app that the pilot tenants see their flags on." },
    { id: "004.services.secrets", title: "Secrets fetched at runtime, never hardcoded or baked into containers", source: `${R004} § Security & Compliance` },
    { id: "004.services.secrets-rotated", title: "Secrets rotated within the past 7 days (rotation every 90 days)", source: `${R004} § Security & Compliance`, manual: "In the secret store, check that every secret the stack names (database passwords, the Impact-In, OpenAI and Anthropic API keys) was rotated within the past 7 days and has a 90-day rotation policy; golive cannot see when a value last changed." },
    { id: "004.services.rate-limits", title: "Rate limiting configured per tenant tier (60 / 300 / 1000 req/min)", source: `${R004} § Services Checklist`, manual: "From a test tenant of each tier, send more requests in one minute than its limit (free 60, pilot 300, enterprise 1000 req/min): the requests beyond the limit get HTTP 429." },
    { id: "004.services.cors-csp", title: "CORS and CSP match production domains; no unsafe-inline", source: `${R004} § Services Checklist`, manual: "`curl -sI -H 'Origin: https://cockpit.<domain>' https://api.<domain>/health` returns Access-Control-Allow-Origin for exactly the production cockpit origin (never *), and the cockpit's Content-Security-Policy header uses nonces and has no 'unsafe-inline'." },
    { id: "004.services.graceful-shutdown", title: "Graceful shutdown on SIGTERM (preStop hook, termination grace period)", source: `${R004} § Pre-Launch Checklist / Services` },
    { id: "004.services.workload-security", title: "Containers run non-root, read-only, without privilege escalation", source: `${R004} § Security & Compliance` },
    // 004 Deployment and rollback.
    { id: "004.deploy.valid-manifests", title: "Deployment dry run: every Kubernetes object passes the API server's validation", source: `${R004} § Thursday (T-4): Deployment Dry Run` },
    { id: "004.deploy.zero-downtime", title: "Rolling update with zero downtime and disruption budgets", source: `${R004} § T-45 mins: Backend Deployment` },
    { id: "004.rollback.previous-version", title: "Images pinned, so a rollback is one version change", source: `${R004} § Rollback Plan` },
    { id: "004.rollback.previous-images", title: "Previous versions (launch.rollbackTo) tagged and available in the registry", source: `${R004} § T+8 Hours: Rollback Readiness`, manual: "For every service, list the registry tags (`gcloud artifacts docker tags list <repository>`) and find its launch.rollbackTo version there; golive cannot reach the registry offline." },
    { id: "004.rollback.frontend", title: "Frontend releases under versioned prefixes; the previous release kept, so rollback points the CDN at it", source: `${R004} § Rollback Procedure / Step 4: Revert Frontend` },
    { id: "004.rollback.drill", title: "Rollback procedure rehearsed on staging (<= 20 min end to end)", source: `${R004} § Rollback Testing`, manual: "On staging (T-4 days), deploy the new versions, then roll back: set each image to its launch.rollbackTo version, `pulumi up`, wait for `kubectl rollout status`, run the smoke tests; record the duration end to end (target <= 20 min)." },
    { id: "004.testing.load", title: "Load test at 2x pilot load for 4 hours, P95 <= 500 ms, zero errors", source: `${R004} § T-6 Load Test Execution`, manual: "Run the T-6 load test at 2x pilot load (50 concurrent users, 500 API req/min) for 4 hours against staging and attach its report: P95 <= 500 ms and zero errors." },
    { id: "004.rollback.plan", title: "Rollback plan documented: every service names its rollback version (launch.rollbackTo), older than the version launched", source: `${R004} § Go/No-Go Decision` },
    // 004 Monitoring.
    { id: "004.monitoring.synthetic", title: "Synthetic monitors every 1 minute from several regions, alert after 2 failures", source: `${R004} § Monitoring & Observability`, manual: "In the uptime tool (Cloud Monitoring uptime checks, Pingdom, Datadog synthetics), check that every public host is probed every 1 minute from 5 locations and alerts after 2 consecutive failures; golive does not declare these yet." },
    { id: "004.monitoring.alert-error-rate", title: "Alert when the error rate is > 1 % for 2 minutes", source: `${R004} § Launch Hour Monitoring`, manual: "In Cloud Monitoring, check that an alert policy fires when the 5xx error rate is above 1 % for 2 minutes and notifies PagerDuty (`gcloud monitoring policies list` shows it enabled, with a notification channel)." },
    { id: "004.monitoring.alert-latency", title: "Alert when P95 latency is > 1000 ms sustained", source: `${R004} § Launch Hour Monitoring`, manual: "In Cloud Monitoring, check that an alert policy fires when P95 latency is above 1000 ms sustained and notifies PagerDuty (`gcloud monitoring policies list` shows it enabled, with a notification channel)." },
    { id: "004.monitoring.paging", title: "PagerDuty escalation policies and schedules verified; runbooks linked in alerts", source: `${R004} § Monitoring & Observability`, manual: "In PagerDuty, check the launch service's escalation policy and schedule (response 5 min for P0, 15 min for P1, 1 hour for P2), and open one alert of each kind to see that it links its runbook." },
    { id: "004.monitoring.alert-platform-down", title: "Page when the platform is down (5xx > 50 %): P0, 5-minute response", source: `${R004} § Incident Response Thresholds` },
    { id: "004.monitoring.alert-request-volume", title: "Alert when request volume is > 500 req/min (potential attack or scraper)", source: `${R004} § Launch Hour Monitoring` },
    { id: "004.monitoring.alert-connection-pool", title: "Alert when the database connection pool is > 80 % utilized", source: `${R004} § Launch Hour Monitoring` },
    { id: "004.monitoring.alert-cache-hit-ratio", title: "Alert when the cache hit ratio is < 50 % (target >= 70 %)", source: `${R004} § Launch Hour Monitoring` },
    { id: "004.monitoring.on-call", title: "On-call rotation published two weeks ahead; primary and secondary briefed", source: `${R004} § Go/No-Go Decision`, manual: "In PagerDuty, the on-call schedule is published two weeks ahead with a primary and a secondary for launch day, and both were briefed at the T-2 handoff." },
    // 000 Share-in-Groups (Firebase).
    { id: "000.firestore.indexes", title: "Firestore indexes deployed (no \"needs index\" errors)", source: `${R000} § Step 2: Database Preparation`, manual: "Run `firebase deploy --only firestore:indexes --project production`, then `firebase firestore:indexes --project production` until every index is READY; after the deploy, search the logs for \"needs index\" errors (there must be none)." },
    { id: "000.firestore.backups", title: "Backup procedures in place (Firestore backups, point-in-time recovery)", source: `${R000} § Pre-Deployment Checklist / Infrastructure`, manual: "Check that point-in-time recovery is on (`gcloud firestore databases describe`) and a backup schedule exists (`gcloud firestore backups schedules list`), and that one restore (`firebase firestore:backups:restore <backup-id>`) was rehearsed on staging." },
    { id: "000.monitoring.firestore-reads", title: "Alert policy on Firestore document reads", source: `${R000} § Step 5: Monitoring Setup`, manual: "`gcloud monitoring policies list` shows the alert policy on Firestore document reads (ops/monitoring/alert_firestore_reads.json) enabled, with a notification channel." },
    { id: "000.monitoring.rules-denied", title: "Alert policy on Firestore security-rules denials", source: `${R000} § Step 5: Monitoring Setup`, manual: "`gcloud monitoring policies list` shows the alert policy on Firestore security-rules denials (ops/monitoring/alert_rules_denied.json) enabled, with a notification channel." },
    { id: "000.monitoring.alerts-configured", title: "Monitoring alerts configured and active (none disabled)", source: `${R000} § Pre-Deployment Checklist / Monitoring` },
    { id: "000.slo.latency-errors", title: "Response time < 600 ms (p95) and error rate < 1 %", source: `${R000} § Success Criteria`, manual: "Every 30 minutes in the first 24 hours, read the dashboards: p95 response time < 600 ms and error rate < 1 %; note each reading in the launch channel." },
    // 001 SMS Blossom verification.
    { id: "001.security.webhook-secrets", title: "Webhook HMAC and JWT secrets configured as secrets", source: `${R001} § Environment Setup` },
    { id: "001.monitoring.metrics", title: "Metrics endpoint scraped; P95 < 800 ms watched", source: `${R001} § Monitoring & Alerts`, manual: "`curl $BASE_URL/metrics` returns the Prometheus counters and histograms, the scraper shows the target up, and a dashboard or alert watches P95 < 800 ms." },
    { id: "001.monitoring.queue-depth", title: "Queue depth watched: alert when it reaches 100", source: `${R001} § Monitoring & Alerts` },
    // 002 Fund-store canary.
    { id: "002.canary.steps", title: "Canary rollout in steps 10 % -> 50 % -> 100 %", source: `${R002} § Phase 3-4: Canary Monitoring and Scale Rollout` },
    { id: "002.canary.kill-switch", title: "Runtime kill switch available (feature flag off without a deploy)", source: `${R002} § Runtime Kill Switch`, manual: "Rehearse the kill switch on staging: set the feature's flag to `enabled: false` under golive:featureFlags, `pulumi up`, and check that the feature is off for users within minutes with no new image (`curl -s https://<host>/health` shows the legacy path)." },
    // 003 Avalo pipeline.
    { id: "003.pipeline.tiers", title: "Separate staging and production tiers; production mirrors staging", source: `${R003} § Three-Tier Environment Structure`, manual: "Check that staging and production are separate (their own GCP project and cluster in Pulumi.staging.yaml and Pulumi.production.yaml) and that the versions about to ship ran on staging first." },
    { id: "003.pipeline.manual-approval", title: "Manual approval required before production deploy", source: `${R003} § Production Deployment (Manual Approval)`, manual: "In CI, the production deploy job runs in a protected environment with a required reviewer (GitHub: Settings > Environments > production > Required reviewers); check that the last production run waited for an approval." },
    { id: "003.pipeline.backup-before-deploy", title: "Back up production before every deploy; rollback does not touch data", source: `${R003} § Rollback Scope`, manual: "Check that the production deploy job takes a backup before it applies (database snapshot or `pg_dump`, Firestore export) and that the latest one is less than 24 hours old; a rollback does not restore data." },
] as const satisfies readonly ChecklistItem[];

export type ChecklistId = (typeof checklist)[number]["id"];

const byId = new Map<string, ChecklistItem>(checklist.map((item) => [item.id, item]));

export function checklistItem(id: string): ChecklistItem | undefined {
    return byId.get(id);
}
