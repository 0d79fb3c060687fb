import { strict as assert } from "node:assert";
import { checklistItem, type ChecklistId } from "../../policies/checklist";
import { itRunbooks } from "../corpus";
import { parseRunbook, runbookLines } from "./runbook-lines";

/**
 * Every checklist line of the runbooks, by `<runbook> § <section>` and the line's words (its
 * bold label when it has one), and the checklist item that stands for it. Written out line by
 * line because the runbooks say one thing in several places and words (the T-1 list and the
 * pre-launch list repeat each other): a line added to a runbook fails the first test until it
 * is given an item here, and a line renamed there fails it too.
 */
const lineItems: Record<string, Record<string, ChecklistId>> = {
    "000 § Infrastructure": {
        "Firebase project configured": "000.infra.project",
        "Firestore indexes deployed": "000.firestore.indexes",
        "Monitoring alerts configured": "000.monitoring.alerts-configured",
        "Backup procedures in place": "000.firestore.backups",
        "Rollback plan documented": "004.rollback.plan",
    },
    "000 § Monitoring": {
        "Telemetry verification script ready": "000.monitoring.telemetry",
        "Alert policies configured": "000.monitoring.alerts-configured",
        "Dashboard access granted": "000.monitoring.dashboard-access",
        "Log aggregation working": "004.monitoring.logs",
        "Performance monitoring active": "004.monitoring.apm",
    },
    "000 § Technical Metrics": {
        "Response time < 600ms (p95)": "000.slo.latency-errors",
        "Error rate < 1%": "000.slo.latency-errors",
        'No "needs index" errors': "000.firestore.indexes",
        "All analytics events firing": "000.monitoring.telemetry",
    },
    "001 § Individual Check Scripts": {
        "Environment & Config Sanity": "001.verify.environment",
        "Database & Migrations": "001.verify.database",
        "Redis & Queues": "001.verify.queues",
        "Security Surface": "001.verify.security",
        Webhooks: "001.verify.webhooks",
        Templates: "001.verify.templates",
        "Campaigns & Discounts": "001.verify.campaigns",
        "Reports & Cache": "001.verify.reports-cache",
        Metrics: "001.monitoring.metrics",
    },
    "002 § Deployment Process": {
        "Phase 1: Prepare PR (No Merge)": "002.release.prepare",
        "Phase 2: Merge When Green": "002.release.merge-green",
        "Phase 3: Canary Monitoring (10% rollout)": "002.canary.steps",
        "Phase 4: Scale Rollout": "002.canary.steps",
        "Phase 5: 24h Monitoring": "002.canary.monitoring-24h",
        "Phase 6: Stabilization": "002.canary.stabilization",
    },
    "003 § Three-Tier Environment Structure": { DEV: "003.pipeline.tiers", STAGING: "003.pipeline.tiers", PRODUCTION: "003.pipeline.tiers" },
    "003 § Production Deployment (Manual Approval)": {
        "Backup current production": "003.pipeline.backup-before-deploy",
        "MANUAL APPROVAL REQUIRED": "003.pipeline.manual-approval",
    },
    "003 § Rollback (Emergency)": { "FINAL APPROVAL REQUIRED": "003.pipeline.rollback-approval" },
    "004 § T-7 Days: Hardening Week / Monday (T-7)": {
        "CAB Review": "004.launch.cab-review",
        "Deployment Freeze Begins": "004.launch.deployment-freeze",
        "Security Scan": "004.security.scan",
        "Dependency Audit": "004.security.dependency-audit",
        "Legal Review": "004.launch.legal-review",
        "Insurance Verification": "004.launch.insurance",
    },
    "004 § T-7 Days: Hardening Week / Tuesday (T-6)": {
        "Load Test Execution": "004.testing.load",
        "Chaos Engineering": "004.testing.chaos",
        "Backup Validation": "004.infra.backup-restore-tested",
        "DR Runbook Test": "004.testing.dr-runbook",
    },
    "004 § T-7 Days: Hardening Week / Wednesday (T-5)": {
        "E2E Test Suite": "004.testing.e2e",
        "A11y Audit": "004.testing.a11y",
        "Browser Compatibility": "004.testing.browsers",
        "Mobile Responsiveness": "004.testing.mobile",
        "Third-Party Integrations": "004.testing.integrations",
    },
    "004 § T-7 Days: Hardening Week / Thursday (T-4)": {
        "Deployment Dry Run": "004.deploy.dry-run",
        "Runbook Walkthrough": "004.launch.incident-procedures",
        "Support Training": "004.launch.support-training",
        "Communication Templates": "004.launch.announcements",
    },
    "004 § T-7 Days: Hardening Week / Friday (T-3)": {
        "Pilot Customer Onboarding": "004.launch.pilot-onboarding",
        "Monitoring Dashboards": "004.monitoring.dashboards",
        "Alert Tuning": "004.monitoring.alert-tuning",
        "Status Page Setup": "004.launch.status-page",
    },
    "004 § T-7 Days: Hardening Week / Weekend (T-2, T-1)": {
        "On-Call Handoff": "004.monitoring.on-call",
        "Final Smoke Tests": "004.testing.smoke-rehearsed",
        "Leadership Briefing": "004.launch.leadership-approval",
        "War Room Setup": "004.launch.war-room",
    },
    "004 § T-1 Day: Launch Eve / Infrastructure Checklist (30 mins)": {
        "DNS Records": "004.infra.dns-ttl",
        "SSL Certificates": "004.infra.tls-certificates",
        "CDN Configuration": "004.infra.cdn-cache",
        Database: "004.infra.backups",
        "Redis Caches": "004.infra.redis",
        "Object Storage": "004.infra.object-storage",
        "Message Queue": "004.infra.message-queue",
    },
    "004 § T-1 Day: Launch Eve / Services Checklist (45 mins)": {
        "Backend Services Deployed": "004.services.target-versions",
        "Health Checks Green": "004.services.health-200",
        "Feature Flags": "004.services.feature-flags",
        "Environment Variables": "004.services.secrets-rotated",
        "Rate Limiting": "004.services.rate-limits",
        "CORS & CSP": "004.services.cors-csp",
    },
    "004 § T-1 Day: Launch Eve / Frontend Checklist (30 mins)": {
        "Astro 5 App Built": "004.frontend.build",
        "Static Assets": "004.frontend.sri",
        "Service Worker": "004.frontend.service-worker",
        "Analytics Tags": "004.frontend.analytics",
    },
    "004 § T-1 Day: Launch Eve / Monitoring & Observability (20 mins)": {
        "Synthetic Monitors": "004.monitoring.synthetic",
        "APM Tracing": "004.monitoring.apm",
        "Log Aggregation": "004.monitoring.logs",
        "RUM (Real User Monitoring)": "004.monitoring.rum",
        PagerDuty: "004.monitoring.paging",
    },
    "004 § T-1 Day: Launch Eve / Security & Compliance (15 mins)": {
        "Secrets Management": "004.services.secrets",
        "Audit Logging": "004.security.audit-logging",
        "GDPR Readiness": "004.security.gdpr",
        "SOC 2 Controls": "004.security.soc2",
    },
    "004 § T-1 Day: Launch Eve / Communication Prep (10 mins)": {
        "Stakeholder Email": "004.launch.announcements",
        "Customer Success": "004.launch.onboarding-emails",
        "Status Page": "004.launch.maintenance-notice",
        "Social Media": "004.launch.social",
    },
    "004 § T-1 Day: Launch Eve / Decision Criteria": {
        "All critical checklist items green": "004.golive.checklist-green",
        "Zero P0/P1 incidents in past 24 hours": "004.golive.no-incidents",
        "Load tests passed": "004.testing.load",
        "Rollback plan tested and documented": "004.rollback.plan",
        "On-call team ready": "004.monitoring.on-call",
    },
    "004 § T-1 Hour: Launch Countdown / T-60 mins: Pre-Deployment": {
        "Backup Database": "004.deploy.backup",
        "Enable Maintenance Mode": "004.launch.maintenance-mode",
        "Notify Status Page": "004.launch.status-updates",
    },
    "004 § T-1 Hour: Launch Countdown / T-45 mins: Backend Deployment": {
        "Deploy Microservices": "004.deploy.zero-downtime",
        "Run Database Migrations": "004.deploy.migrations",
        "Warm Caches": "004.deploy.warm-caches",
    },
    "004 § T-1 Hour: Launch Countdown / T-30 mins: Frontend Deployment": {
        "Upload Static Assets": "004.rollback.frontend",
        "Update HTML": "004.rollback.frontend",
    },
    "004 § T-1 Hour: Launch Countdown / T-15 mins: Health Checks": {
        "Service Health": "004.services.health-200",
        "Database Connectivity": "004.services.health-200",
        "External APIs": "004.services.webhooks",
        "Feature Flags": "004.services.feature-flags",
    },
    "004 § T-1 Hour: Launch Countdown / T-10 mins: Smoke Tests": {
        "Login Flow": "004.launch.smoke-tests",
        "Dashboard Load": "004.launch.smoke-tests",
        "Report Generation": "004.launch.smoke-tests",
        "Export Download": "004.launch.smoke-tests",
        "SSE Stream": "004.launch.smoke-tests",
    },
    "004 § T-1 Hour: Launch Countdown / T-5 mins: Final Checks": {
        "Error Rates": "004.launch.final-checks",
        Latency: "004.launch.final-checks",
        Logs: "004.launch.final-checks",
        "Synthetic Monitors": "004.launch.final-checks",
    },
    "004 § T-1 Hour: Launch Countdown / T-0 mins: GO LIVE": {
        "Disable Maintenance Mode": "004.launch.maintenance-mode",
        "Status Page Update": "004.launch.status-updates",
        "Announce in Slack": "004.launch.status-updates",
        "Start Monitoring Sprint": "004.launch.monitoring-sprint",
    },
    "004 § T+1 Hour to T+24 Hours: Stabilization / T+1 Hour: First Checkpoint": {
        "Metrics Review": "004.postlaunch.metrics-review",
        "User Feedback": "004.postlaunch.user-feedback",
        "Send Onboarding Emails": "004.launch.onboarding-emails",
    },
    "004 § T+1 Hour to T+24 Hours: Stabilization / T+4 Hours: Mid-Day Checkpoint": {
        "Pilot Customer Activation": "004.postlaunch.activation",
        "TTFV (Time to First Value)": "004.postlaunch.activation",
        "WAU (Weekly Active Users)": "004.postlaunch.activation",
        "Error Log Review": "004.postlaunch.metrics-review",
    },
    "004 § T+1 Hour to T+24 Hours: Stabilization / T+8 Hours: End-of-Day Checkpoint": {
        "Incident Summary": "004.postlaunch.incident-summary",
        "Rollback Readiness": "004.rollback.previous-images",
        "On-Call Handoff": "004.postlaunch.handoff",
    },
    "004 § T+1 Hour to T+24 Hours: Stabilization / T+24 Hours: Day 1 Retrospective": {
        "Launch Debrief": "004.postlaunch.retrospective",
        "Week 1 Priorities": "004.postlaunch.retrospective",
        "Publish Launch Report": "004.postlaunch.retrospective",
    },
    "004 § Infrastructure (12 items)": {
        "DNS records configured and verified": "004.infra.dns-ttl",
        "SSL certificates valid and auto-renewing": "004.infra.tls-certificates",
        "CDN caching rules optimized": "004.infra.cdn-cache",
        "Load balancer health checks configured": "004.infra.load-balancer-health",
        "Database replication and backups tested": "004.infra.backups",
        "Redis cache eviction policies set": "004.infra.redis",
        "Object storage lifecycle policies configured": "004.infra.object-storage",
        "Message queue exchanges and dead-letter queues created": "004.infra.message-queue",
        "Kubernetes resource limits and requests tuned": "004.infra.k8s-resources",
        "Auto-scaling policies configured (min: 2, max: 10 pods)": "004.infra.autoscaling",
        "Network policies and firewall rules applied": "004.infra.network-policies",
        "VPC peering and private subnets configured": "004.infra.vpc",
    },
    "004 § Services (15 items)": {
        "All microservices deployed at target versions": "004.services.target-versions",
        "Health check endpoints returning 200 OK": "004.services.health-200",
        "Feature flags reviewed and configured": "004.services.feature-flags",
        "Environment variables and secrets rotated": "004.services.secrets-rotated",
        "Rate limiting configured per tenant tier": "004.services.rate-limits",
        "CORS and CSP policies match production domains": "004.services.cors-csp",
        "Circuit breakers configured (failure threshold: 5, timeout: 30s)": "004.services.circuit-breakers",
        "Retry logic implemented (exponential backoff, max 3 retries)": "004.services.retries",
        "API versioning headers validated (`Accept: application/vnd.teei.v2+json`)": "004.services.api-versioning",
        "Webhook endpoints registered with third-party systems": "004.services.webhooks",
        "Service mesh (Istio/Linkerd) traffic routing rules applied": "004.services.traffic-routing",
        "Graceful shutdown handlers implemented (SIGTERM handling)": "004.services.graceful-shutdown",
        "Connection pooling tuned (DB: 50 per service, Redis: 10)": "004.services.connection-pooling",
        "Request ID propagation verified (X-Request-ID header)": "004.services.request-id",
        "Service dependencies documented (service map updated)": "004.services.dependency-map",
    },
    "004 § Frontend (8 items)": {
        "Production build completed without warnings": "004.frontend.build",
        "Bundle size optimized (‚â§ 500KB gzipped)": "004.frontend.bundle-size",
        "Lighthouse score ‚â• 90 (Performance, A11y, Best Practices, SEO)": "004.frontend.lighthouse",
        "Static assets uploaded to CDN with SRI hashes": "004.frontend.sri",
        "Service worker installed and offline cache primed": "004.frontend.service-worker",
        "Analytics tags configured (GA, Plausible, Hotjar)": "004.frontend.analytics",
        "Cookie consent banner shown (GDPR compliance)": "004.security.gdpr",
        "Browser compatibility tested (Chrome, Firefox, Safari, Edge)": "004.testing.browsers",
    },
    "004 § Data & Migrations (5 items)": {
        "Database migrations tested on staging with production-like data": "004.data.migrations-tested",
        "Migration rollback scripts tested": "004.data.migration-rollback",
        "Sample tenant data seeded (5 pilot tenants)": "004.launch.pilot-onboarding",
        "Data validation queries pass (referential integrity, no orphans)": "004.data.integrity",
        "Backup restoration tested (RTO: 1 hour, RPO: 5 minutes)": "004.infra.backup-restore-tested",
    },
    "004 § Monitoring & Observability (10 items)": {
        "Synthetic monitors configured (Pingdom, Uptime Robot, Datadog)": "004.monitoring.synthetic",
        "APM tracing enabled (New Relic, Datadog, Honeycomb)": "004.monitoring.apm",
        "Log aggregation streaming to centralized store (Loki, Elasticsearch)": "004.monitoring.logs",
        "RUM (Real User Monitoring) instrumented (Web Vitals)": "004.monitoring.rum",
        "PagerDuty escalation policies and schedules verified": "004.monitoring.paging",
        "Grafana dashboards populated with production data": "004.monitoring.dashboards",
        "Alert thresholds tuned (reduce false positives)": "004.monitoring.alert-tuning",
        "Runbooks linked in PagerDuty alerts": "004.monitoring.paging",
        "On-call rotation schedule published (2 weeks ahead)": "004.monitoring.on-call",
        "Status page configured and subscribers notified": "004.launch.status-page",
    },
    "004 § Security & Compliance (8 items)": {
        "Security scan passed (OWASP ZAP, Snyk, npm audit)": "004.security.scan",
        "Secrets rotated within past 7 days": "004.services.secrets-rotated",
        "Audit logging enabled for admin actions, exports, DSAR": "004.security.audit-logging",
        "GDPR cookie consent and privacy policy published": "004.security.gdpr",
        "Data Processing Agreement signed with pilot customers": "004.security.gdpr",
        "SOC 2 evidence collection process documented": "004.security.soc2",
        "Rate limiting and DDoS protection tested": "004.security.ddos",
        "Vulnerability disclosure policy published (security.txt)": "004.security.disclosure",
    },
    "004 § Testing (12 items)": {
        "Unit tests passing (‚â• 80% code coverage)": "004.testing.unit",
        "Integration tests passing (API contracts validated)": "004.testing.integration",
        "E2E tests passing (200+ Playwright scenarios)": "004.testing.e2e",
        "Load tests passed (2x expected pilot load for 4 hours)": "004.testing.load",
        "Chaos engineering tests completed (pod failures, DB failover)": "004.testing.chaos",
        "A11y audit passed (WCAG 2.2 AA, axe-core + manual testing)": "004.testing.a11y",
        "Browser compatibility tested (latest 2 versions of major browsers)": "004.testing.browsers",
        "Mobile responsiveness tested (iPhone, Android, iPad)": "004.testing.mobile",
        "Third-party integrations validated (Impact-In, Benevity, Goodera)": "004.testing.integrations",
        "Smoke tests documented and rehearsed": "004.testing.smoke-rehearsed",
        "Rollback procedure tested on staging": "004.rollback.drill",
        "Deployment dry run completed (measure duration: target ‚â§ 30 mins)": "004.deploy.dry-run",
    },
    "004 § Communication & Documentation (10 items)": {
        "Runbooks updated for production environment": "004.launch.runbooks-updated",
        "Incident response procedures documented": "004.launch.incident-procedures",
        "Help center articles published (getting started, FAQs)": "004.launch.help-center",
        "API documentation updated (OpenAPI spec, Redoc)": "004.launch.api-docs",
        "Customer success team trained": "004.launch.support-training",
        "Support ticket system configured (Zendesk, Intercom, Freshdesk)": "004.launch.support-tickets",
        "Launch announcement email drafted": "004.launch.announcements",
        "Status page pre-scheduled maintenance notice published": "004.launch.maintenance-notice",
        "Social media posts drafted (LinkedIn, Twitter)": "004.launch.social",
        "Leadership briefed and go-live approved (email confirmation)": "004.launch.leadership-approval",
    },
    "004 § Rollback Procedure (20 mins)": {
        "Tag Previous Version": "004.rollback.previous-images",
        "Deploy Previous Containers": "004.rollback.previous-version",
        "Wait for Rollout": "004.rollback.budget",
        "Run Revert Migration": "004.rollback.database",
        "Validate Data Integrity": "004.data.integrity",
        "Swap CDN Origin": "004.rollback.frontend",
        "Smoke Tests": "004.rollback.verify",
        "Health Checks": "004.rollback.verify",
        Metrics: "004.rollback.verify",
        "Slack Update": "004.launch.status-updates",
        "Status Page": "004.launch.status-updates",
        "Postmortem Scheduled": "004.rollback.postmortem",
    },
    "004 § Rollback Testing (Pre-Launch)": {
        "Staging Rollback Drill": "004.rollback.drill",
        "Database Revert Test": "004.data.migration-rollback",
        "Measure Rollback Duration": "004.rollback.budget",
    },
    "004 § Critical User Journeys": Object.fromEntries(
        [
            "Admin login with email/password",
            "SSO login (if enabled)",
            "Password reset flow",
            "Session timeout after 30 mins",
            "Cockpit loads within 5 seconds",
            "Metrics display (SROI, VIS, Impact Score)",
            "Charts render without errors",
            "Real-time updates via SSE",
            "Generate Q2Q report",
            "Download PDF export",
            "Download CSV export",
            "Scheduled report appears in queue",
            "Create new user",
            "Assign role (Admin, Viewer, Editor)",
            "Update tenant settings",
            "View audit log",
            "Impact-In webhook receives payload",
            "Discord bot posts message",
            "Email notification sent",
        ].map((line) => [line, "004.launch.smoke-tests"]),
    ),
};

const mapped = new Map<string, ChecklistId>(Object.entries(lineItems).flatMap(([section, lines]) => Object.entries(lines).map(([line, id]) => [`${section} § ${line}`, id] as const)));

describe("every checklist line of the runbooks has a checklist item", () => {
    const lines = runbookLines();

    itRunbooks("maps each line of the five runbooks' checklists to an item", () => {
        const missing = lines!.filter((l) => !mapped.has(l.key)).map((l) => `${l.key} (line ${l.line}: ${l.text})`);
        assert.deepEqual(missing, [], "runbook lines without a checklist item: add an item to policies/checklist.ts and the line to lineItems");
    });

    itRunbooks("maps only lines the runbooks still have, to items the catalogue has", () => {
        const keys = new Set(lines!.map((l) => l.key));
        assert.deepEqual([...mapped.keys()].filter((k) => !keys.has(k)), [], "lines no runbook has any more");
        assert.deepEqual([...mapped.values()].filter((id) => !checklistItem(id)), []);
    });

    itRunbooks("finds the lines of every runbook, so a parser that read nothing cannot pass", () => {
        const per = (n: string) => lines!.filter((l) => l.runbook === n).length;
        // 004: 209 checkboxes outside the summary template and 5 go/no-go criteria; 000: 14; 001: 9 areas; 002: 6 phases; 003: 3 tiers and 3 steps.
        assert.deepEqual(["000", "001", "002", "003", "004"].map(per), [14, 9, 6, 6, 214]);
    });
});

describe("the runbook line parser", () => {
    it("reads checkbox lines by their bold label, section by section, and skips code blocks", () => {
        const text = ["## Plan", "**Monday (T-7)**", "- [ ] **CAB Review**: approved", "```markdown", "- [ ] not a line", "```", "### Lists", "- [ ] Plain line"].join("\n");
        assert.deepEqual(
            parseRunbook("004", text).map((l) => [l.key, l.line]),
            [
                ["004 § Plan / Monday (T-7) § CAB Review", 3],
                ["004 § Lists § Plain line", 8],
            ],
        );
    });

    it("reads the go/no-go decision criteria, however the check mark is encoded", () => {
        const text = ["### Eve", "**Decision Criteria**:", "- ✅ Load tests passed", "- ‚úÖ On-call team ready", "- plain bullet"].join("\n");
        assert.deepEqual(parseRunbook("004", text).map((l) => l.key), ["004 § Eve / Decision Criteria § Load tests passed", "004 § Eve / Decision Criteria § On-call team ready"]);
    });

    it("reads 001's verification areas and 002's phases from their headings", () => {
        assert.deepEqual(parseRunbook("001", "### Individual Check Scripts\n#### 1. Environment & Config Sanity\n- bullet").map((l) => l.key), ["001 § Individual Check Scripts § Environment & Config Sanity"]);
        assert.deepEqual(parseRunbook("002", "## Deployment Process\n### Phase 1: Prepare PR (No Merge)\n").map((l) => l.key), ["002 § Deployment Process § Phase 1: Prepare PR (No Merge)"]);
    });
});
