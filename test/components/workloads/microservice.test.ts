/* eslint-disable @typescript-eslint/no-explicit-any -- recorded inputs are untyped JSON */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { Microservice, WorkloadArgsError, Workloads, googleFrontEndRanges, nonPublicRanges, type MicroserviceArgs } from "../../../components/workloads";
import { secretValue, stackArgs, withService } from "./fixtures";
import { find, installMocks, record, types, type Registered } from "./harness";

function container(deployment: Registered): any {
    return deployment.inputs.spec.template.spec.containers[0];
}

function podSpec(deployment: Registered): any {
    return deployment.inputs.spec.template.spec;
}

function standalone(overrides: Partial<MicroserviceArgs> = {}): MicroserviceArgs {
    return { environment: "production", namespace: "teei", image: "ghcr.io/teei/ledger:v1.0.0", port: 9090, ...overrides };
}

describe("Microservice", () => {
    let production: Registered[];
    let staging: Registered[];

    before(async () => {
        await installMocks();
        production = await record(() => new Workloads("platform", stackArgs("production")));
        staging = await record(() => new Workloads("platform", stackArgs("staging")));
    });

    it("probes readiness, liveness and startup with httpGet on the health path, liveness far more tolerant than readiness", () => {
        const c = container(find(production, types.deployment, "reporting-api-deployment"));
        const http = { path: "/health", port: "http", scheme: "HTTP" };
        assert.deepEqual(c.readinessProbe, { httpGet: http, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3, successThreshold: 1 });
        assert.deepEqual(c.livenessProbe, { httpGet: http, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 6, successThreshold: 1 });
        assert.deepEqual(c.startupProbe, { httpGet: http, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 30, successThreshold: 1 });
        assert.notDeepEqual(c.readinessProbe, c.livenessProbe);
        assert.deepEqual(c.ports, [{ name: "http", containerPort: 8080, protocol: "TCP" }]);
    });

    it("probes the liveness sub-path a service asks for and merges probe timing overrides", async () => {
        const rs = await record(() => new Microservice("ledger", standalone({
            healthPath: "/healthz", livenessPath: "/healthz/live", probes: { readiness: { periodSeconds: 2 } },
        })));
        const c = container(find(rs, types.deployment, "ledger-deployment"));
        assert.equal(c.readinessProbe.httpGet.path, "/healthz");
        assert.equal(c.readinessProbe.periodSeconds, 2);
        assert.equal(c.readinessProbe.failureThreshold, 3);
        assert.equal(c.startupProbe.httpGet.path, "/healthz");
        assert.equal(c.livenessProbe.httpGet.path, "/healthz/live");
        assert.equal(find(rs, types.deployment, "ledger-deployment").inputs.spec.template.metadata.annotations["golive.dev/health-path"], "/healthz");
    });

    it("declares the health path on the pod template, where the gate reads it", () => {
        const d = find(production, types.deployment, "reporting-api-deployment");
        assert.equal(d.inputs.spec.template.metadata.annotations["golive.dev/health-path"], "/health");
        assert.equal(d.inputs.metadata.annotations["golive.dev/health-path"], undefined);
    });

    it("annotates every object with the stack config key it comes from", () => {
        const source = (type: string, name: string) => find(production, type, name).inputs.metadata.annotations?.["golive.dev/config"];
        // reporting-api is services[0] of Pulumi.production.yaml, export-service services[3].
        for (const [type, name] of [
            [types.serviceAccount, "reporting-api-serviceaccount"], [types.deployment, "reporting-api-deployment"], [types.service, "reporting-api-service"],
            [types.hpa, "reporting-api-hpa"], [types.pdb, "reporting-api-pdb"], [types.networkPolicy, "reporting-api-networkpolicy"],
            [types.httpRoute, "reporting-api-httproute"], [types.healthCheckPolicy, "reporting-api-healthcheck"],
        ] as const) {
            assert.equal(source(type, name), "golive:services[0]", name);
        }
        assert.equal(source(types.configMap, "reporting-api-config"), "golive:services[0].env");
        assert.equal(source(types.secret, "reporting-api-secrets"), "golive:services[0].secretEnv");
        assert.equal(source(types.hpa, "export-service-hpa"), "golive:services[3]");
        assert.equal(source(types.namespace, "platform-namespace"), "golive:cluster.namespace");
        assert.equal(source(types.networkPolicy, "platform-default-deny"), "golive:cluster.namespace");
        assert.equal(source(types.configMap, "platform-feature-flags"), "golive:featureFlags");
    });

    it("writes no config annotation when the caller gives no config path", async () => {
        const rs = await record(() => new Microservice("ledger", standalone()));
        for (const r of rs.filter((x) => x.type.startsWith("kubernetes:"))) {
            assert.equal(r.inputs.metadata.annotations?.["golive.dev/config"], undefined, r.name);
        }
    });

    it("drains before stopping: a preStop sleep, then a grace period that outlasts it", () => {
        const d = find(production, types.deployment, "q2q-pipeline-deployment");
        assert.deepEqual(container(d).lifecycle, { preStop: { sleep: { seconds: 15 } } });
        assert.equal(podSpec(d).terminationGracePeriodSeconds, 45);
    });

    it("refuses a grace period that does not outlast the preStop sleep", () => {
        assert.throws(
            () => new Microservice("ledger", standalone({ preStopSleepSeconds: 30, terminationGracePeriodSeconds: 30 })),
            (e: unknown) => e instanceof WorkloadArgsError && e.problems.length === 1
                && e.problems[0] === 'service "ledger": terminationGracePeriodSeconds: must be greater than preStopSleepSeconds 30, or the container is killed before it drains (got 30)',
        );
    });

    it("rolls out with maxUnavailable 0 and a 25 % surge, and leaves the replica count to the HPA", () => {
        for (const d of production.filter((r) => r.type === types.deployment)) {
            const spec = d.inputs.spec;
            assert.deepEqual(spec.strategy, { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: "25%" } }, d.name);
            assert.equal(spec.replicas, undefined, `${d.name} must not declare replicas: the HPA owns them`);
            assert.equal(spec.minReadySeconds, 10);
            assert.equal(spec.revisionHistoryLimit, 10);
        }
    });

    it("runs non-root with a read-only root filesystem, no privilege escalation, no capabilities and seccomp RuntimeDefault", () => {
        const d = find(production, types.deployment, "notification-service-deployment");
        assert.deepEqual(podSpec(d).securityContext, {
            runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, seccompProfile: { type: "RuntimeDefault" },
        });
        assert.deepEqual(container(d).securityContext, {
            runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, allowPrivilegeEscalation: false, privileged: false,
            readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" },
        });
        assert.equal(podSpec(d).hostNetwork, undefined);
    });

    it("gives the read-only container a bounded emptyDir at /tmp", () => {
        const d = find(production, types.deployment, "export-service-deployment");
        assert.deepEqual(podSpec(d).volumes[0], { name: "tmp", emptyDir: { sizeLimit: "64Mi" } });
        assert.deepEqual(container(d).volumeMounts[0], { name: "tmp", mountPath: "/tmp" });
    });

    it("spreads pods across zones strictly in production and best-effort in staging, and across nodes best-effort", () => {
        const spread = (rs: Registered[]) => podSpec(find(rs, types.deployment, "reporting-api-deployment")).topologySpreadConstraints;
        const selector = { matchLabels: { "app.kubernetes.io/name": "reporting-api", "golive.dev/track": "stable" } };
        const constraint = (topologyKey: string, whenUnsatisfiable: string) => ({
            maxSkew: 1, topologyKey, whenUnsatisfiable, labelSelector: selector, matchLabelKeys: ["pod-template-hash"],
        });
        assert.deepEqual(spread(production), [
            constraint("topology.kubernetes.io/zone", "DoNotSchedule"),
            constraint("kubernetes.io/hostname", "ScheduleAnyway"),
        ]);
        assert.deepEqual(spread(staging), [
            constraint("topology.kubernetes.io/zone", "ScheduleAnyway"),
            constraint("kubernetes.io/hostname", "ScheduleAnyway"),
        ]);
    });

    it("labels the Deployment and its pods with name, version, part-of and track, and selects on name and track only", () => {
        const d = find(production, types.deployment, "reporting-api-deployment");
        const expected = {
            "app.kubernetes.io/name": "reporting-api",
            "app.kubernetes.io/version": "v2.5.0",
            "app.kubernetes.io/part-of": "golive",
            "app.kubernetes.io/managed-by": "pulumi",
            "golive.dev/environment": "production",
            "golive.dev/track": "stable",
        };
        assert.deepEqual(d.inputs.metadata.labels, expected);
        assert.deepEqual(d.inputs.spec.template.metadata.labels, expected);
        assert.deepEqual(d.inputs.spec.selector, { matchLabels: { "app.kubernetes.io/name": "reporting-api", "golive.dev/track": "stable" } });
        assert.equal(d.inputs.metadata.name, "reporting-api");
        assert.equal(d.inputs.metadata.namespace, "teei");
    });

    it("reads secret env only through secretKeyRef, so no secret value is in the Deployment", () => {
        const d = find(production, types.deployment, "reporting-api-deployment");
        const env: any[] = container(d).env;
        assert.deepEqual(env.find((e) => e.name === "DATABASE_URL"), {
            name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: "reporting-api-secrets", key: "DATABASE_URL" } },
        });
        assert.ok(!JSON.stringify(d.inputs).includes("s3cr3t"), "a secret value leaked into the Deployment");
    });

    it("keeps every secret value in the service's Secret, marked secret, and nowhere else", () => {
        const secret = find(production, types.secret, "reporting-api-secrets");
        assert.equal(secret.inputs.metadata.name, "reporting-api-secrets");
        assert.equal(secret.inputs.type, "Opaque");
        const stringData = secret.inputs.stringData;
        assert.equal(stringData[specialSigKey], specialSecretSig, "stringData must reach the engine as a secret");
        assert.deepEqual(stringData.value, { DATABASE_URL: secretValue("reportingApiDatabaseUrl") });
        for (const r of production.filter((x) => x.type !== types.secret)) {
            assert.ok(!JSON.stringify(r.inputs ?? {}).includes("s3cr3t"), `a secret value leaked into ${r.type} ${r.name}`);
        }
    });

    it("declares no Secret for a service without secret env", () => {
        assert.equal(production.filter((r) => r.type === types.secret && r.name.startsWith("export-service")).length, 0);
        const env: any[] = container(find(production, types.deployment, "export-service-deployment")).env;
        assert.ok(env.every((e) => !e.valueFrom?.secretKeyRef));
    });

    it("reads non-secret env from the service's ConfigMap by key, in name order", () => {
        const cm = find(production, types.configMap, "reporting-api-config");
        assert.deepEqual(cm.inputs.data, { LOG_LEVEL: "info", CORS_ALLOWED_ORIGIN: "https://cockpit.teei.example.com" });
        const env: any[] = container(find(production, types.deployment, "reporting-api-deployment")).env;
        assert.deepEqual(env.map((e) => e.name), ["CORS_ALLOWED_ORIGIN", "LOG_LEVEL", "DATABASE_URL", "GOLIVE_FEATURE_FLAGS_FILE"]);
        assert.deepEqual(env[0], { name: "CORS_ALLOWED_ORIGIN", valueFrom: { configMapKeyRef: { name: "reporting-api-config", key: "CORS_ALLOWED_ORIGIN" } } });
        assert.ok(env.filter((e) => e.value !== undefined).every((e) => e.name === "GOLIVE_FEATURE_FLAGS_FILE"), "only the flags file path is a literal");
    });

    it("rolls the pods when a non-secret setting changes", async () => {
        const before = find(production, types.deployment, "q2q-pipeline-deployment").inputs.spec.template.metadata.annotations;
        const changed = await record(() => new Workloads("platform", withService(stackArgs("production"), "q2q-pipeline", (s) => ({ ...s, env: { LOG_LEVEL: "debug" } }))));
        const after = find(changed, types.deployment, "q2q-pipeline-deployment").inputs.spec.template.metadata.annotations;
        assert.match(before["golive.dev/config-hash"], /^[0-9a-f]{16}$/);
        assert.notEqual(after["golive.dev/config-hash"], before["golive.dev/config-hash"]);
        assert.equal(after["golive.dev/feature-flags-hash"], before["golive.dev/feature-flags-hash"]);
    });

    it("does not mount the service account token, and annotates Workload Identity only when asked", async () => {
        const sa = find(production, types.serviceAccount, "reporting-api-serviceaccount");
        assert.equal(sa.inputs.automountServiceAccountToken, false);
        assert.deepEqual(sa.inputs.metadata.annotations, { "golive.dev/config": "golive:services[0]" });
        assert.equal(podSpec(find(production, types.deployment, "reporting-api-deployment")).automountServiceAccountToken, false);
        assert.equal(podSpec(find(production, types.deployment, "reporting-api-deployment")).serviceAccountName, "reporting-api");
        const rs = await record(() => new Microservice("ledger", standalone({ automountServiceAccountToken: true, gcpServiceAccount: "ledger@teei-csr-prod.iam.gserviceaccount.com" })));
        const ledger = find(rs, types.serviceAccount, "ledger-serviceaccount");
        assert.equal(ledger.inputs.automountServiceAccountToken, true);
        assert.deepEqual(ledger.inputs.metadata.annotations, { "iam.gke.io/gcp-service-account": "ledger@teei-csr-prod.iam.gserviceaccount.com" });
        assert.equal(podSpec(find(rs, types.deployment, "ledger-deployment")).automountServiceAccountToken, true);
    });

    it("autoscales on CPU utilisation, by default from 2 to 10 in production and 2 to 3 in staging", async () => {
        const hpa = find(production, types.hpa, "q2q-pipeline-hpa");
        assert.deepEqual(hpa.inputs.spec.scaleTargetRef, { apiVersion: "apps/v1", kind: "Deployment", name: "q2q-pipeline" });
        assert.deepEqual(hpa.inputs.spec.metrics, [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }]);
        assert.deepEqual(hpa.inputs.spec.behavior, { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: "Percent", value: 50, periodSeconds: 60 }] } });
        const prod = await record(() => new Microservice("ledger", standalone()));
        const stag = await record(() => new Microservice("ledger", standalone({ environment: "staging" })));
        const range = (rs: Registered[]) => { const s = find(rs, types.hpa, "ledger-hpa").inputs.spec; return [s.minReplicas, s.maxReplicas]; };
        assert.deepEqual(range(prod), [2, 10]);
        assert.deepEqual(range(stag), [2, 3]);
    });

    it("covers each Deployment with one disruption budget that always allows one eviction", () => {
        const pdb = find(production, types.pdb, "export-service-pdb");
        assert.deepEqual(pdb.inputs.spec, {
            maxUnavailable: 1,
            selector: { matchLabels: { "app.kubernetes.io/name": "export-service", "golive.dev/track": "stable" } },
            unhealthyPodEvictionPolicy: "AlwaysAllow",
        });
        assert.equal(pdb.inputs.spec.minAvailable, undefined);
    });

    it("requests and limits resources by default, and sets no cpu limit when the config leaves it out", async () => {
        const defaults = await record(() => new Microservice("ledger", standalone()));
        assert.deepEqual(container(find(defaults, types.deployment, "ledger-deployment")).resources, {
            requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" },
        });
        const noCpuLimit = await record(() => new Microservice("ledger", standalone({ resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "512Mi" } } })));
        assert.deepEqual(container(find(noCpuLimit, types.deployment, "ledger-deployment")).resources, {
            requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "512Mi" },
        });
        assert.deepEqual(container(find(production, types.deployment, "q2q-pipeline-deployment")).resources, {
            requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "2", memory: "1Gi" },
        });
    });

    it("serves the container port through a ClusterIP Service that selects the stable track", () => {
        const svc = find(production, types.service, "q2q-pipeline-service");
        assert.deepEqual(svc.inputs.spec, {
            type: "ClusterIP",
            selector: { "app.kubernetes.io/name": "q2q-pipeline", "golive.dev/track": "stable" },
            ports: [{ name: "http", port: 8080, targetPort: "http", protocol: "TCP" }],
        });
    });

    it("lets traffic in only from the load balancer (public services) and from declared callers, on the service port", () => {
        const ingress = (name: string) => find(production, types.networkPolicy, `${name}-networkpolicy`).inputs.spec.ingress;
        const port = [{ protocol: "TCP", port: 8080 }];
        const pods = (...names: string[]) => names.map((n) => ({ podSelector: { matchLabels: { "app.kubernetes.io/name": n } } }));
        assert.deepEqual(ingress("reporting-api"), [{ from: googleFrontEndRanges.map((cidr) => ({ ipBlock: { cidr } })), ports: port }]);
        assert.deepEqual(ingress("q2q-pipeline"), [{ from: pods("reporting-api"), ports: port }]);
        assert.deepEqual(ingress("notification-service"), [{ from: pods("q2q-pipeline", "reporting-api"), ports: port }]);
        assert.deepEqual(ingress("export-service"), [
            { from: googleFrontEndRanges.map((cidr) => ({ ipBlock: { cidr } })), ports: port },
            { from: pods("reporting-api"), ports: port },
        ]);
        const np = find(production, types.networkPolicy, "q2q-pipeline-networkpolicy").inputs;
        assert.deepEqual(np.spec.podSelector, { matchLabels: { "app.kubernetes.io/name": "q2q-pipeline" } });
        assert.deepEqual(np.spec.policyTypes, ["Ingress", "Egress"]);
    });

    it("lets traffic out only to cluster DNS, the services it calls, public HTTPS, the metadata server and its declared database", () => {
        const egress: any[] = find(production, types.networkPolicy, "reporting-api-networkpolicy").inputs.spec.egress;
        const to = (n: string) => ({ to: [{ podSelector: { matchLabels: { "app.kubernetes.io/name": n } } }], ports: [{ protocol: "TCP", port: 8080 }] });
        assert.deepEqual(egress, [
            {
                to: [{
                    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
                    podSelector: { matchExpressions: [{ key: "k8s-app", operator: "In", values: ["kube-dns", "node-local-dns"] }] },
                }],
                ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }],
            },
            to("export-service"),
            to("notification-service"),
            to("q2q-pipeline"),
            { to: [{ ipBlock: { cidr: "0.0.0.0/0", except: [...nonPublicRanges] } }], ports: [{ protocol: "TCP", port: 443 }] },
            { to: [{ ipBlock: { cidr: "169.254.169.254/32" } }], ports: [{ protocol: "TCP", port: 80 }] },
            { to: [{ ipBlock: { cidr: "169.254.169.252/32" } }], ports: [{ protocol: "TCP", port: 988 }] },
            { to: [{ ipBlock: { cidr: "10.20.0.5/32" } }], ports: [{ protocol: "TCP", port: 5432 }] },
        ]);
        const leaf: any[] = find(production, types.networkPolicy, "notification-service-networkpolicy").inputs.spec.egress;
        assert.equal(leaf.filter((r) => r.to[0].podSelector?.matchLabels).length, 0, "notification-service calls no service");
    });

    it("closes public HTTPS and metadata egress and adds declared extra egress when asked", async () => {
        const db = { to: [{ ipBlock: { cidr: "10.20.0.5/32" } }], ports: [{ protocol: "TCP", port: 5432 }] };
        const rs = await record(() => new Microservice("ledger", standalone({ externalHttps: false, metadataServer: false, extraEgress: [db] })));
        const np = find(rs, types.networkPolicy, "ledger-networkpolicy").inputs.spec;
        assert.equal(np.egress.length, 2);
        assert.deepEqual(np.egress[1], db);
        assert.deepEqual(np.ingress, [], "nobody calls it and it is not public: no ingress at all");
    });

    it("checks a public service's health at the load balancer on its health path", () => {
        const hc = find(production, types.healthCheckPolicy, "reporting-api-healthcheck");
        assert.equal(hc.inputs.apiVersion, "networking.gke.io/v1");
        assert.deepEqual(hc.inputs.spec.targetRef, { group: "", kind: "Service", name: "reporting-api" });
        assert.deepEqual(hc.inputs.spec.default.config, { type: "HTTP", httpHealthCheck: { portSpecification: "USE_SERVING_PORT", requestPath: "/health" } });
        assert.equal(production.filter((r) => r.type === types.healthCheckPolicy && r.name.startsWith("q2q-pipeline")).length, 0);
    });

    it("states every problem of a standalone service at once", () => {
        assert.throws(
            () => new Microservice("Ledger", standalone({ image: "ghcr.io/teei/ledger:latest", port: 0, replicas: { min: 3, max: 2 }, env: { A: "1" }, secretEnv: { A: pulumi.secret("x") } })),
            (e: unknown) => e instanceof WorkloadArgsError && JSON.stringify(e.problems) === JSON.stringify([
                `service "Ledger": name: must be a DNS label: lowercase letters, digits and '-', starting with a letter, at most 63 characters (got "Ledger")`,
                `service "Ledger": image: tag "latest" is not allowed; pin a version or digest (got "ghcr.io/teei/ledger:latest")`,
                `service "Ledger": port: must be an integer from 1 to 65535 (got 0)`,
                `service "Ledger": replicas.max: must be a whole number of at least replicas.min 3 (got 2)`,
                `service "Ledger": secretEnv.A: is also in env; keep A in one place`,
            ]),
        );
    });
});
