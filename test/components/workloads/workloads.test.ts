/* eslint-disable @typescript-eslint/no-explicit-any -- recorded inputs are untyped JSON */
import * as assert from "node:assert/strict";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { WorkloadArgsError, Workloads, type WorkloadsArgs } from "../../../components/workloads";
import { stackArgs, withService } from "./fixtures";
import { find, installMocks, kubernetesObjects, record, types, type Registered } from "./harness";

/** An Output's value; only for values known at preview. */
function value<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => o.apply((v) => resolve(v)));
}

/** `Kind/name` of every Kubernetes object of a service, sorted. */
function objectsOf(rs: readonly Registered[], service: string): string[] {
    return kubernetesObjects(rs)
        .filter((r) => r.inputs.metadata?.labels?.["app.kubernetes.io/name"] === service)
        .map((r) => `${r.inputs.kind}/${r.inputs.metadata.name}`)
        .sort();
}

function podTemplates(rs: readonly Registered[]): Registered[] {
    return rs.filter((r) => r.type === types.deployment);
}

describe("Workloads", () => {
    let production: Registered[];

    before(async () => {
        await installMocks();
        production = await record(() => new Workloads("platform", stackArgs("production")));
    });

    it("declares the stack's namespace with the restricted Pod Security Standard enforced", () => {
        const ns = find(production, types.namespace, "platform-namespace");
        assert.equal(ns.inputs.metadata.name, "teei");
        assert.equal(ns.inputs.metadata.labels["pod-security.kubernetes.io/enforce"], "restricted");
        assert.equal(ns.inputs.metadata.labels["pod-security.kubernetes.io/enforce-version"], "latest");
        assert.equal(ns.inputs.metadata.labels["pod-security.kubernetes.io/warn"], "restricted");
        for (const r of kubernetesObjects(production).filter((x) => x.type !== types.namespace)) {
            assert.equal(r.inputs.metadata.namespace, "teei", `${r.type} ${r.name} is not in the stack's namespace`);
        }
    });

    it("denies all ingress and egress in the namespace unless a service's policy allows it", () => {
        const deny = find(production, types.networkPolicy, "platform-default-deny");
        assert.deepEqual(deny.inputs.metadata.name, "default-deny");
        assert.deepEqual(deny.inputs.spec, { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    });

    it("gives each of the four services exactly its set of objects", () => {
        const base = (n: string) => [`ConfigMap/${n}-config`, `Deployment/${n}`, `HorizontalPodAutoscaler/${n}`, `NetworkPolicy/${n}`, `PodDisruptionBudget/${n}`, `Service/${n}`, `ServiceAccount/${n}`];
        const publicObjects = (n: string) => [`HTTPRoute/${n}`, `HealthCheckPolicy/${n}`];
        const secret = (n: string) => [`Secret/${n}-secrets`];
        assert.deepEqual(objectsOf(production, "reporting-api"), [...base("reporting-api"), ...publicObjects("reporting-api"), ...secret("reporting-api")].sort());
        assert.deepEqual(objectsOf(production, "q2q-pipeline"), [...base("q2q-pipeline"), ...secret("q2q-pipeline")].sort());
        assert.deepEqual(objectsOf(production, "notification-service"), [...base("notification-service"), ...secret("notification-service")].sort());
        assert.deepEqual(objectsOf(production, "export-service"), [...base("export-service"), ...publicObjects("export-service")].sort());
        const platform = kubernetesObjects(production).filter((r) => r.inputs.metadata?.labels?.["app.kubernetes.io/component"] === "platform");
        assert.deepEqual(platform.map((r) => `${r.inputs.kind}/${r.inputs.metadata.name}`).sort(), ["ConfigMap/feature-flags", "Gateway/public", "Namespace/teei", "NetworkPolicy/default-deny"]);
        assert.equal(production.filter((r) => r.type === types.microservice).length, 4);
    });

    it("names Pulumi resources from service names, so reordering services changes nothing", async () => {
        const args = stackArgs("production");
        const reversed = await record(() => new Workloads("platform", { ...args, services: [...args.services].reverse() }));
        const byKey = (rs: Registered[]) => new Map(rs.map((r) => [`${r.type}::${r.name}`, JSON.stringify(r.inputs)]));
        const a = byKey(production);
        const b = byKey(reversed);
        assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
        for (const [key, inputs] of a) assert.equal(b.get(key), inputs, `${key} changed when the services were reordered`);
    });

    it("writes the launch phase and each service's rollback version on its stable Deployment, for the rollback gate", () => {
        const annotations = podTemplates(production).map((d) => [d.inputs.metadata.name, d.inputs.metadata.annotations["golive.dev/launch-phase"], d.inputs.metadata.annotations["golive.dev/rollback-to"]]);
        assert.deepEqual(annotations.sort(), [
            ["export-service", "pre-launch", "v2.0.3"],
            ["notification-service", "pre-launch", "v1.3.0"],
            ["q2q-pipeline", "pre-launch", "v1.8.1"],
            ["reporting-api", "pre-launch", "v2.4.9"],
        ]);
    });

    it("leaves a canary's Deployment without a rollback version (weight 0 rolls a canary back) and a service without one unannotated", async () => {
        const args = withService(stackArgs("production"), "export-service", (s) => ({ ...s, rollbackTo: undefined, canary: { image: "ghcr.io/teei/export-service:v2.2.0", weight: 10 } }));
        const rs = await record(() => new Workloads("platform", args));
        const canary = find(rs, types.deployment, "export-service-canary-deployment");
        assert.deepEqual(canary.inputs.metadata.annotations, { "golive.dev/config": "golive:services[3]" });
        const stable = find(rs, types.deployment, "export-service-deployment");
        assert.deepEqual(stable.inputs.metadata.annotations, { "golive.dev/config": "golive:services[3]", "golive.dev/launch-phase": "pre-launch" });
    });

    it("publishes the feature flags as a ConfigMap that every pod mounts read-only", () => {
        const flags = find(production, types.configMap, "platform-feature-flags");
        assert.equal(flags.inputs.metadata.name, "feature-flags");
        assert.deepEqual(JSON.parse(flags.inputs.data["flags.json"]), {
            "audit-mode": { enabled: true, audience: "all" },
            "cockpit-approvals": { enabled: true, audience: "pilot", note: "pilot tenants only" },
            "gen-reports-beta": { enabled: false, audience: "all", note: "enable at T+7 days" },
        });
        for (const d of podTemplates(production)) {
            const spec = d.inputs.spec.template.spec;
            assert.deepEqual(spec.volumes.find((v: any) => v.name === "feature-flags"), { name: "feature-flags", configMap: { name: "feature-flags", defaultMode: 0o444 } });
            assert.deepEqual(spec.containers[0].volumeMounts.find((m: any) => m.name === "feature-flags"), { name: "feature-flags", mountPath: "/etc/golive/feature-flags", readOnly: true });
            assert.deepEqual(spec.containers[0].env.at(-1), { name: "GOLIVE_FEATURE_FLAGS_FILE", value: "/etc/golive/feature-flags/flags.json" });
        }
    });

    it("rolls every service's pods when a flag is switched off (the kill switch), and only the flags' hash changes", async () => {
        const args = stackArgs("production");
        const killed = await record(() => new Workloads("platform", {
            ...args, featureFlags: { ...args.featureFlags, "cockpit-approvals": { enabled: false, audience: "pilot", note: "pilot tenants only" } },
        }));
        assert.equal(JSON.parse(find(killed, types.configMap, "platform-feature-flags").inputs.data["flags.json"])["cockpit-approvals"].enabled, false);
        for (const d of podTemplates(production)) {
            const before = d.inputs.spec.template.metadata.annotations;
            const after = find(killed, types.deployment, d.name).inputs.spec.template.metadata.annotations;
            assert.match(before["golive.dev/feature-flags-hash"], /^[0-9a-f]{16}$/);
            assert.notEqual(after["golive.dev/feature-flags-hash"], before["golive.dev/feature-flags-hash"], d.name);
            assert.equal(after["golive.dev/config-hash"], before["golive.dev/config-hash"], d.name);
        }
    });

    it("leaves the pods alone on a flag change when rolling is turned off", async () => {
        const rs = await record(() => new Workloads("platform", { ...stackArgs("production"), rollOnFeatureFlagChange: false }));
        for (const d of podTemplates(rs)) assert.equal(d.inputs.spec.template.metadata.annotations["golive.dev/feature-flags-hash"], undefined);
    });

    it("declares one HTTPS listener per public host on a GKE Gateway using a Certificate Manager map", () => {
        const gw = find(production, types.gateway, "platform-gateway");
        assert.equal(gw.inputs.apiVersion, "gateway.networking.k8s.io/v1");
        assert.equal(gw.inputs.metadata.name, "public");
        assert.deepEqual(gw.inputs.metadata.annotations, { "networking.gke.io/certmap": "golive", "golive.dev/config": "golive:domain" });
        const allowedRoutes = { namespaces: { from: "Same" }, kinds: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute" }] };
        assert.deepEqual(gw.inputs.spec, {
            gatewayClassName: "gke-l7-global-external-managed",
            listeners: [
                { name: "https-api", hostname: "api.teei.example.com", port: 443, protocol: "HTTPS", allowedRoutes },
                { name: "https-cockpit", hostname: "cockpit.teei.example.com", port: 443, protocol: "HTTPS", allowedRoutes },
            ],
        });
    });

    it("routes each public host to its service through its own listener", () => {
        const route = find(production, types.httpRoute, "reporting-api-httproute");
        assert.equal(route.inputs.apiVersion, "gateway.networking.k8s.io/v1");
        assert.deepEqual(route.inputs.spec, {
            parentRefs: [{ group: "gateway.networking.k8s.io", kind: "Gateway", name: "public", sectionName: "https-api" }],
            hostnames: ["api.teei.example.com"],
            rules: [{
                matches: [{ path: { type: "PathPrefix", value: "/" } }],
                backendRefs: [{ group: "", kind: "Service", name: "reporting-api", port: 8080, weight: 100 }],
            }],
        });
    });

    it("uses a reserved address and another class's source ranges when the gateway arguments say so", async () => {
        const rs = await record(() => new Workloads("platform", {
            ...stackArgs("production"),
            gateway: { className: "gke-l7-regional-external-managed", certificateMap: "teei-prod", addressName: "teei-prod-ip", sourceRanges: ["10.129.0.0/23"] },
        }));
        const gw = find(rs, types.gateway, "platform-gateway").inputs;
        assert.equal(gw.spec.gatewayClassName, "gke-l7-regional-external-managed");
        assert.deepEqual(gw.spec.addresses, [{ type: "NamedAddress", value: "teei-prod-ip" }]);
        assert.deepEqual(gw.metadata.annotations, { "networking.gke.io/certmap": "teei-prod", "golive.dev/config": "golive:domain" });
        assert.deepEqual(find(rs, types.networkPolicy, "reporting-api-networkpolicy").inputs.spec.ingress[0].from, [{ ipBlock: { cidr: "10.129.0.0/23" } }]);
    });

    it("declares no Gateway, route or load balancer ingress when no service has a host", async () => {
        const args = stackArgs("production");
        const rs = await record(() => new Workloads("platform", { ...args, services: args.services.map(({ host: _host, ...s }) => s) }));
        assert.equal(rs.filter((r) => r.type === types.gateway || r.type === types.httpRoute || r.type === types.healthCheckPolicy).length, 0);
        for (const np of rs.filter((r) => r.type === types.networkPolicy)) {
            assert.ok(!JSON.stringify(np.inputs.spec.ingress ?? []).includes("ipBlock"), np.name);
        }
    });

    it("exports the namespace and the sorted public hosts, known at preview", async () => {
        let w: Workloads | undefined;
        await record(() => (w = new Workloads("platform", stackArgs("production"))));
        assert.equal(await value(w!.namespace), "teei");
        assert.deepEqual(await value(w!.publicHosts), ["api.teei.example.com", "cockpit.teei.example.com"]);
        assert.deepEqual(Object.keys(w!.services).sort(), ["export-service", "notification-service", "q2q-pipeline", "reporting-api"]);
        assert.equal(w!.services["reporting-api"]!.url, "http://reporting-api.teei.svc.cluster.local:8080");
        assert.equal(w!.services["export-service"]!.publicUrl, "https://cockpit.teei.example.com");
    });

    it("sends every Kubernetes object to the cluster provider it was given", async () => {
        const rs = await record(() => {
            const provider = new k8s.Provider("gke", { context: "gke_teei-csr-prod_europe-west1_teei-prod" });
            return new Workloads("platform", stackArgs("production"), { provider });
        });
        const objects = kubernetesObjects(rs);
        assert.ok(objects.length > 30);
        for (const r of objects) {
            assert.match(r.provider ?? "", /^urn:pulumi:test::golive::pulumi:providers:kubernetes::gke::/, `${r.type} ${r.name}`);
        }
    });

    it("parents every object to its component", async () => {
        let w: Workloads | undefined;
        await record(() => (w = new Workloads("platform", stackArgs("production"))));
        const ms = w!.services["reporting-api"]!;
        // The mock monitor qualifies a child's type with its parent's own type only.
        assert.equal(await value(ms.urn), "urn:pulumi:test::golive::golive:workloads:Workloads$golive:workloads:Microservice::reporting-api");
        assert.equal(await value(ms.stable.deployment.urn), "urn:pulumi:test::golive::golive:workloads:Microservice$kubernetes:apps/v1:Deployment::reporting-api-deployment");
        assert.equal(await value(ms.route!.urn), "urn:pulumi:test::golive::golive:workloads:Microservice$kubernetes:gateway.networking.k8s.io/v1:HTTPRoute::reporting-api-httproute");
        assert.equal(await value(w!.defaultDeny.urn), "urn:pulumi:test::golive::golive:workloads:Workloads$kubernetes:networking.k8s.io/v1:NetworkPolicy::platform-default-deny");
    });

    it("lists every argument problem at once and registers nothing", async () => {
        const args = stackArgs("production");
        let bad: WorkloadsArgs = withService(args, "q2q-pipeline", (s) => ({ ...s, calledBy: ["reporting-api", "reporting-ui"], canary: { image: "ghcr.io/teei/q2q-pipeline:v1.9.0", weight: 10 } }));
        bad = withService(bad, "export-service", (s) => ({ ...s, host: "api", canary: { image: "ghcr.io/other/export-service:v2.2.0", weight: 25 as 10 } }));
        let error: unknown;
        const rs = await record(() => {
            try {
                new Workloads("platform", bad);
            } catch (e) {
                error = e;
            }
        });
        assert.equal(rs.length, 0);
        assert.ok(error instanceof WorkloadArgsError);
        assert.deepEqual(error.problems, [
            `service "export-service": host: "api" is already served by "reporting-api"; one service per host (got "api")`,
            `service "q2q-pipeline": calledBy[1]: names no service "reporting-ui"; expected one of reporting-api, q2q-pipeline, notification-service, export-service (got "reporting-ui")`,
            `service "q2q-pipeline": canary: needs a public host: traffic is split by the Gateway route's weights; set host or remove canary`,
            `service "export-service": canary.weight: must be one of the rollout steps 0, 10, 50, 100 (got 25)`,
            `service "export-service": canary.image: must be a version of ghcr.io/teei/export-service (got repository ghcr.io/other/export-service); a canary changes the version only (got "ghcr.io/other/export-service:v2.2.0")`,
        ]);
        assert.match(error.message, /^service "export-service": host:/);
    });

    it("refuses a canary whose objects would take another service's name", () => {
        const args = stackArgs("staging");
        const clash = { ...args, services: [...args.services, { name: "export-service-canary", image: "ghcr.io/teei/x:v1.0.0", port: 8080 }] };
        assert.throws(() => new Workloads("platform", clash), (e: unknown) => e instanceof WorkloadArgsError
            && e.problems.includes(`service "export-service": canary: its objects would be named "export-service-canary", which is another service's name; rename that service`));
    });

    it("requires the load balancer's source ranges for a GatewayClass whose ranges are not known", () => {
        assert.throws(() => new Workloads("platform", { ...stackArgs("production"), gateway: { className: "gke-l7-rilb" } }), (e: unknown) => e instanceof WorkloadArgsError
            && e.problems.length === 1 && e.problems[0]!.startsWith(`gateway.sourceRanges: GatewayClass "gke-l7-rilb" has no known source ranges`));
    });
});
