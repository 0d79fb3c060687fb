/* eslint-disable @typescript-eslint/no-explicit-any -- exported resource properties are untyped JSON */
/**
 * At least one change per policy to the production plan export, each made so that policy is
 * violated. A mutation edits a resource's inputs and outputs alike (what a real export after
 * `pulumi up` holds) or removes a resource together with every reference to it. The
 * agreement suite applies several mutations to one export (`batches`: mutations that touch
 * distinct resources), so a run of both judges covers a dozen policies.
 */
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";

interface ExportResource {
    urn: string;
    type: string;
    inputs?: Record<string, any>;
    outputs?: Record<string, any>;
    parent?: string;
    custom?: boolean;
    protect?: boolean;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

export interface StackExport {
    version: number;
    deployment: { resources: ExportResource[] } & Record<string, unknown>;
}

export interface Mutation {
    /** The policy the change violates. */
    policy: string;
    /** What changed, as a sentence fragment for the test name. */
    change: string;
    /** The resources (by name) the change edits or removes: mutations of one batch touch distinct ones. */
    touches: readonly string[];
    apply(doc: StackExport): void;
}

function find(doc: StackExport, name: string): ExportResource {
    const r = doc.deployment.resources.find((x) => x.urn.endsWith(`::${name}`));
    if (!r) throw new Error(`test setup: no resource named ${name} in the production plan export`);
    return r;
}

/** Applies `fn` to the resource's inputs and to its outputs. */
function edit(doc: StackExport, name: string, fn: (props: Record<string, any>) => void): void {
    const r = find(doc, name);
    for (const props of [r.inputs, r.outputs]) if (props) fn(props);
}

function container(props: Record<string, any>): Record<string, any> {
    return props["spec"].template.spec.containers[0];
}

/** Removes a resource and every dependency on it, so the export stays self-consistent. */
function remove(doc: StackExport, name: string): void {
    const urn = find(doc, name).urn;
    const rs = doc.deployment.resources.filter((r) => r.urn !== urn);
    for (const r of rs) {
        if (r.parent === urn) throw new Error(`test setup: ${name} has children; remove a leaf resource`);
        if (r.dependencies) r.dependencies = r.dependencies.filter((d) => d !== urn);
        for (const [k, v] of Object.entries(r.propertyDependencies ?? {})) r.propertyDependencies![k] = v.filter((d) => d !== urn);
    }
    doc.deployment.resources = rs;
}

/**
 * Edits a component's outputs only: a component registers no inputs (its export has
 * `inputs: {}`), and what it passes on is what `registerOutputs` recorded.
 */
function editOutputs(doc: StackExport, name: string, fn: (outputs: Record<string, any>) => void): void {
    const r = find(doc, name);
    if (r.custom !== false || !r.outputs) throw new Error(`test setup: ${name} is not a component resource with outputs`);
    fn(r.outputs);
}

/** A mutation that edits one resource. */
function editing(policy: string, change: string, name: string, fn: (props: Record<string, any>) => void): Mutation {
    return { policy, change, touches: [name], apply: (doc) => edit(doc, name, fn) };
}

/** A mutation that moves the launch record to `phase` with a go decision taken at `goAt`. */
function launchRecordAt(policy: string, change: string, phase: string, goAt: string): Mutation {
    return {
        policy,
        change,
        touches: ["launch"],
        apply: (doc) =>
            editOutputs(doc, "launch", (o) => {
                o["phase"] = phase;
                o["goNoGo"] = { decision: "go", by: "Go/No-Go board", at: goAt };
            }),
    };
}

/** A mutation that removes resources. */
function removing(policy: string, change: string, ...names: string[]): Mutation {
    return { policy, change, touches: names, apply: (doc) => names.forEach((n) => remove(doc, n)) };
}

/** The rule of a Cloudflare ruleset with this ref. */
function rule(props: Record<string, any>, ref: string): Record<string, any> {
    const r = (props["rules"] as Array<Record<string, any>>).find((x) => x["ref"] === ref);
    if (!r) throw new Error(`test setup: no rule ${ref}`);
    return r;
}

function withoutRule(props: Record<string, any>, ref: string): void {
    rule(props, ref);
    props["rules"] = (props["rules"] as Array<Record<string, any>>).filter((x) => x["ref"] !== ref);
}

export const mutations: readonly Mutation[] = [
    // workloads
    editing("workloads-canary-require-same-image", "reporting-api labelled a canary without naming its stable Deployment", "reporting-api-deployment", (p) => (p["metadata"].labels["golive.dev/track"] = "canary")),
    editing("workloads-container-disallow-secret-env-literal", "q2q-pipeline given a literal API_TOKEN env var", "q2q-pipeline-deployment", (p) => container(p)["env"].push({ name: "API_TOKEN", value: "tok-not-a-real-token" })),
    editing("workloads-container-disallow-unpinned-image", "export-service image set to :latest", "export-service-deployment", (p) => (container(p)["image"] = "ghcr.io/teei/export-service:latest")),
    editing("workloads-container-missing-probes", "notification-service readinessProbe removed", "notification-service-deployment", (p) => delete container(p)["readinessProbe"]),
    editing("workloads-container-missing-resources", "reporting-api memory limit removed", "reporting-api-deployment", (p) => delete container(p)["resources"].limits.memory),
    editing("workloads-deployment-enforce-rolling-update", "export-service maxUnavailable set to 1", "export-service-deployment", (p) => (p["spec"].strategy.rollingUpdate.maxUnavailable = 1)),
    removing("workloads-deployment-missing-pdb", "q2q-pipeline PodDisruptionBudget removed", "q2q-pipeline-pdb"),
    removing("workloads-deployment-require-replicas", "notification-service HPA removed (spec.replicas unset)", "notification-service-hpa"),
    editing("workloads-hpa-configure-replicas", "reporting-api HPA minReplicas set to 1", "reporting-api-hpa", (p) => (p["spec"].minReplicas = 1)),
    editing("workloads-httproute-enforce-canary-steps", "export-service route split 70/30 with a canary backend", "export-service-httproute", (p) => {
        const refs = p["spec"].rules[0].backendRefs;
        refs[0].weight = 70;
        refs.push({ ...refs[0], name: `${refs[0].name}-canary`, weight: 30 });
    }),
    editing("workloads-pod-configure-graceful-shutdown", "reporting-api grace period set to 10 s, under its 15 s preStop sleep", "reporting-api-deployment", (p) => (p["spec"].template.spec.terminationGracePeriodSeconds = 10)),
    editing("workloads-pod-enforce-security-context", "q2q-pipeline allowed privilege escalation", "q2q-pipeline-deployment", (p) => (container(p)["securityContext"].allowPrivilegeEscalation = true)),
    // The default deny and the metrics scrape policy select every golive pod: without them and its own policy, notification-service's are selected by none.
    removing("workloads-pod-missing-networkpolicy", "notification-service's NetworkPolicy, the scrape policy and the default deny removed", "notification-service-networkpolicy", "monitoring-scrape", "platform-default-deny"),
    editing("workloads-probe-require-health-path", "export-service livenessProbe pointed at /metrics", "export-service-deployment", (p) => (container(p)["livenessProbe"].httpGet.path = "/metrics")),
    editing("workloads-object-enforce-api-validation", "notification-service requesting more CPU than its limit", "notification-service-deployment", (p) => (container(p)["resources"].requests.cpu = "2")),
    editing("workloads-probe-configure-liveness-window", "q2q-pipeline's liveness probe made identical to its readiness probe", "q2q-pipeline-deployment", (p) => (container(p)["livenessProbe"] = { ...container(p)["readinessProbe"] })),
    editing("workloads-networkpolicy-disallow-allow-all", "export-service's NetworkPolicy given ingress [{}]", "export-service-networkpolicy", (p) => (p["spec"].ingress = [{}])),
    // The policy judges Deployments planned at launch-eve or later; the shipped production stack is at pre-launch.
    editing("workloads-deployment-require-rollback-version", "export-service planned at launch-eve with its rollback version set to the version it launches", "export-service-deployment", (p) => {
        p["metadata"].annotations["golive.dev/launch-phase"] = "launch-eve";
        p["metadata"].annotations["golive.dev/rollback-to"] = p["metadata"].labels["app.kubernetes.io/version"];
    }),
    removing("workloads-deployment-missing-hpa", "export-service HPA removed", "export-service-hpa"),
    editing("workloads-pod-require-zone-spread", "reporting-api's topology spread constraints removed", "reporting-api-deployment", (p) => delete p["spec"].template.spec.topologySpreadConstraints),
    editing("workloads-namespace-missing-default-deny", "the default deny given an ingress rule from its own namespace", "platform-default-deny", (p) => (p["spec"].ingress = [{ from: [{ podSelector: {} }] }])),
    // monitoring
    editing("monitoring-alertpolicy-require-notification-channels", "reporting-api's latency alert left without channels", "reporting-api-latency", (p) => (p["notificationChannels"] = [])),
    editing("monitoring-alertpolicy-require-runbook-link", "export-service's latency alert without documentation", "export-service-latency", (p) => delete p["documentation"]),
    editing("monitoring-alertpolicy-disallow-disabled", "notification-service's latency alert disabled", "notification-service-latency", (p) => (p["enabled"] = false)),
    editing("monitoring-alertpolicy-disallow-mql", "q2q-pipeline's error-rate alert written in MQL", "q2q-pipeline-error-rate", (p) => (p["conditions"] = [{ displayName: "5xx ratio > 1 %", conditionMonitoringQueryLanguage: { duration: "120s", query: "fetch https_lb_rule | metric 'loadbalancing.googleapis.com/https/request_count' | condition val() > 0.01" } }])),
    editing("monitoring-alertpolicy-configure-thresholds", "reporting-api's error-rate alert raised to 5 %", "reporting-api-error-rate", (p) => (p["conditions"][0].conditionThreshold.thresholdValue = 0.05)),
    editing("monitoring-uptimecheck-configure-schedule", "the api host's uptime check run every 5 minutes", "reporting-api-uptime-check", (p) => (p["period"] = "300s")),
    editing("monitoring-uptimecheck-require-tls-validation", "the cockpit host's uptime check no longer validating the certificate", "export-service-uptime-check", (p) => (p["httpCheck"].validateSsl = false)),
    editing("monitoring-notificationchannel-disallow-plaintext-secrets", "the Slack channel's token in plain labels", "monitoring-channels-slack", (p) => (p["labels"].auth_token = "tok-not-a-real-token")),
    editing("monitoring-alertpolicy-require-pager", "q2q-pipeline's latency alert without a severity", "q2q-pipeline-latency", (p) => delete p["severity"]),
    removing("monitoring-service-missing-alerts", "notification-service's error-rate alert removed", "notification-service-error-rate"),
    removing("monitoring-host-missing-uptime-check", "the alert on the api host's uptime check removed", "reporting-api-uptime"),
    removing("monitoring-firestore-missing-alerts", "the Firestore rules-denied alert removed", "firestore-firestore-rules-denied"),
    removing("monitoring-platform-missing-alerts", "the platform's cache-hit-ratio alert removed", "platform-cache-hit-ratio"),
    // firestore
    editing("firestore-database-enable-pitr", "point-in-time recovery disabled", "firestore-database", (p) => (p["pointInTimeRecoveryEnablement"] = "POINT_IN_TIME_RECOVERY_DISABLED")),
    editing("firestore-database-enable-delete-protection", "delete protection disabled", "firestore-database", (p) => (p["deleteProtectionState"] = "DELETE_PROTECTION_DISABLED")),
    removing("firestore-database-missing-backup-schedule", "both backup schedules removed", "firestore-backup-daily", "firestore-backup-weekly"),
    editing("firestore-index-enforce-definition", "an index field given an unknown order", "firestore-index-39508644bdc122b3", (p) => (p["fields"][0].order = "SIDEWAYS")),
    removing("firestore-query-missing-index", "the reports index on status and requestedAt removed", "firestore-index-3580a139ad7468f7"),
    // edge
    editing("edge-dnsrecord-configure-ttl", "a DNS-only CAA record given TTL 3600", "edge-caa-issuewild", (p) => (p["ttl"] = 3600)),
    editing("edge-dnsrecord-require-proxied", "the cockpit host's record made DNS-only", "edge-host-cockpit", (p) => (p["proxied"] = false)),
    editing("edge-cacherule-enforce-deception-armor", "Cache Deception Armor turned off on the versioned static files", "edge-cache", (p) => (rule(p, "static-versioned")["actionParameters"].cacheKey.cacheDeceptionArmor = false)),
    editing("edge-bucket-require-previous-release", "the frontend bucket naming no previous release", "edge-static-bucket", (p) => delete p["labels"]["golive-previous-release"]),
    editing("edge-zonesetting-enforce-ssl-strict", "SSL set to flexible", "edge-ssl", (p) => (p["value"] = "flexible")),
    editing("edge-zonesetting-enforce-min-tls", "minimum TLS set to 1.0", "edge-min-tls-version", (p) => (p["value"] = "1.0")),
    editing("edge-zonesetting-enable-tls13", "TLS 1.3 off", "edge-tls-1-3", (p) => (p["value"] = "off")),
    editing("edge-zonesetting-enable-always-https", "Always Use HTTPS off", "edge-always-use-https", (p) => (p["value"] = "off")),
    editing("edge-zonesetting-enable-https-rewrites", "Automatic HTTPS Rewrites off", "edge-automatic-https-rewrites", (p) => (p["value"] = "off")),
    editing("edge-zonesetting-enable-hsts", "HSTS max-age cut to a day", "edge-security-header", (p) => (p["value"].strict_transport_security.max_age = 86400)),
    editing("edge-zone-enable-dnssec", "DNSSEC disabled", "edge-dnssec", (p) => (p["status"] = "disabled")),
    editing("edge-zone-missing-caa", "the CAA issue record naming another authority than the certificate pack's", "edge-caa-issue", (p) => (p["data"].value = "letsencrypt.org")),
    editing("edge-certificatepack-configure-validity", "the certificate pack issuing 30-day certificates", "edge-certificates", (p) => (p["validityDays"] = 30)),
    // As a real export after `pulumi up` holds it: an issued certificate, here long expired.
    editing("edge-certificate-require-remaining-validity", "the certificate pack holding an expired certificate", "edge-certificates", (p) => (p["certificates"] = [{ hosts: p["hosts"], expiresOn: "2026-01-15T00:00:00Z", status: "active" }])),
    removing("edge-host-missing-dnsrecord", "the static frontend's host record removed", "edge-static-host"),
    {
        policy: "edge-dnsrecord-require-gateway-address",
        change: "the api host's record pointing at a fixed address, not computed from the reserved one",
        touches: ["edge-host-api"],
        apply: (doc) => {
            edit(doc, "edge-host-api", (p) => (p["content"] = "203.0.113.10"));
            const r = find(doc, "edge-host-api");
            if (r.propertyDependencies) r.propertyDependencies["content"] = [];
        },
    },
    editing("edge-cacherule-disallow-api-caching", "the API's cache bypass rule removed", "edge-cache", (p) => withoutRule(p, "api-bypass")),
    editing("edge-cacherule-configure-static-ttl", "the versioned static files cached at the edge for an hour", "edge-cache", (p) => (rule(p, "static-versioned")["actionParameters"].edgeTtl.default = 3600)),
    editing("edge-ratelimit-require-tiers", "the pilot tier's rate limit removed", "edge-rate-limits", (p) => withoutRule(p, "tier-pilot")),
    editing("edge-ratelimit-require-login-limit", "the login rate limit removed", "edge-rate-limits", (p) => withoutRule(p, "login-per-ip")),
    editing("edge-responseheaders-require-csp", "the CSP allowing inline scripts", "edge-response-headers", (p) => {
        const csp = rule(p, "csp")["actionParameters"].headers["Content-Security-Policy"];
        csp.value = String(csp.value).replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    }),
    editing("edge-responseheaders-enforce-cors-origin", "the API allowing an origin the stack does not serve", "edge-response-headers", (p) => (rule(p, "cors")["actionParameters"].headers["Access-Control-Allow-Origin"].value = "https://elsewhere.example.org")),
    editing("edge-frontend-require-active-release", "the edge rewriting / to the previous release", "edge-static-rewrite", (p) => (rule(p, "static-root")["actionParameters"].uri.path.value = "/teei-csr-prod-static/releases/v2.4.9/index.html")),
    // platform
    // reporting-api's startup allowance 30 x 5 s -> 60 x 5 s: 4 waves of 3 pods (10 at maxReplicas, maxSurge 25 %) x 345 s, over the 20 min budget.
    editing("platform-stack-enforce-rollback-budget", "reporting-api's startup probe allowed 5 minutes (failureThreshold 60)", "reporting-api-deployment", (p) => (container(p)["startupProbe"].failureThreshold = 60)),
    {
        policy: "platform-datastore-require-protect",
        change: "the static frontend's bucket no longer protected",
        touches: ["edge-static-bucket"],
        apply: (doc) => {
            const r = find(doc, "edge-static-bucket");
            if (r.protect !== true) throw new Error("test setup: edge-static-bucket is not protected in the production plan export");
            r.protect = false;
        },
    },
    editing("platform-resource-disallow-staging-dependency", "the weekly Firestore backup schedule pointed at the staging project", "firestore-backup-weekly", (p) => (p["project"] = "teei-csr-staging")),
    // stackServices reads the Deployment's own name label: the service is now one staging does not declare, and notification-service is missing.
    editing("platform-stack-require-same-services", "notification-service's Deployment labelled as a service named notification-worker", "notification-service-deployment", (p) => (p["metadata"].labels["app.kubernetes.io/name"] = "notification-worker")),
    removing("platform-service-missing-coverage", "the cockpit host's uptime check and its alert removed", "export-service-uptime", "export-service-uptime-check"),
    // launch: the Launch component's outputs are the record (policies/launch/record.ts); the clock is the suite's `now` (--now, GOLIVE_NOW).
    launchRecordAt("launch-record-require-go-decision", "the launch record at launch-eve with a go decision 39 h old", "launch-eve", "2026-11-29T18:00:00Z"),
    launchRecordAt("launch-record-require-attestations", "the launch record at launch with a fresh go decision and no attestation", "launch", "2026-11-30T18:00:00Z"),
];

/**
 * Groups mutations into batches whose mutations touch distinct resources, at most `size`
 * each, in order (first fit): one export per batch keeps the CLI runs few.
 */
export function batches(ms: readonly Mutation[], size = 16): Mutation[][] {
    const out: Array<{ ms: Mutation[]; touched: Set<string> }> = [];
    for (const m of ms) {
        let b = out.find((x) => x.ms.length < size && m.touches.every((t) => !x.touched.has(t)));
        if (!b) out.push((b = { ms: [], touched: new Set() }));
        b.ms.push(m);
        m.touches.forEach((t) => b.touched.add(t));
    }
    return out.map((b) => b.ms);
}

/** Values the engine cannot know at preview: both judges must say the check could not run. */
export const unknownMutations: readonly Mutation[] = [
    editing("workloads-hpa-configure-replicas", "reporting-api HPA minReplicas unknown", "reporting-api-hpa", (p) => (p["spec"].minReplicas = unknownValue)),
    editing("workloads-container-disallow-unpinned-image", "export-service image unknown", "export-service-deployment", (p) => (container(p)["image"] = unknownValue)),
];
