/* eslint-disable @typescript-eslint/no-explicit-any -- specs are Kubernetes JSON */
/**
 * The pure spec functions the Microservice and Workloads constructors compose, called
 * directly: no Pulumi engine, no mocks.
 */
import * as assert from "node:assert/strict";
import {
    autoscalerSpec, clusterServiceSpec, deploymentSpec, disruptionBudgetSpec, microserviceArgs, publicHosts, resolveMicroservice, routeBackends, trackName,
    type MicroserviceArgs,
} from "../../../components/workloads";
import { stackArgs } from "./fixtures";

function ledger(overrides: Partial<MicroserviceArgs> = {}): MicroserviceArgs {
    return { environment: "production", namespace: "teei", image: "ghcr.io/teei/ledger:v1.0.0", port: 9090, ...overrides };
}

describe("the workloads spec functions", () => {
    it("resolve a service's arguments to every launch default, environment by environment", () => {
        const prod = resolveMicroservice("ledger", ledger());
        assert.deepEqual([prod.healthPath, prod.livenessPath, prod.replicas, prod.zoneSpread], ["/health", "/health", { min: 2, max: 10 }, "DoNotSchedule"]);
        const staging = resolveMicroservice("ledger", ledger({ environment: "staging", healthPath: "/healthz", probes: { liveness: { periodSeconds: 20 } } }));
        assert.deepEqual([staging.livenessPath, staging.replicas, staging.zoneSpread], ["/healthz", { min: 2, max: 3 }, "ScheduleAnyway"]);
        assert.deepEqual(staging.probes.liveness, { periodSeconds: 20, timeoutSeconds: 3, failureThreshold: 6 });
    });

    it("build a canary's Deployment from the stable's, differing only in image, labels and selector", () => {
        const s = resolveMicroservice("ledger", ledger({ canary: { image: "ghcr.io/teei/ledger:v1.1.0", weight: 10 } }));
        const stable: any = deploymentSpec(s, "stable", s.image);
        const canary: any = deploymentSpec(s, "canary", s.canary!.image);
        assert.equal(canary.template.spec.containers[0].image, "ghcr.io/teei/ledger:v1.1.0");
        assert.deepEqual(canary.selector, { matchLabels: { "app.kubernetes.io/name": "ledger", "golive.dev/track": "canary" } });
        assert.equal(canary.template.metadata.labels["golive.dev/canary-of"], "ledger");
        const strip = (d: any) => {
            const t = structuredClone(d.template);
            delete t.metadata.labels;
            delete t.spec.containers[0].image;
            delete t.spec.topologySpreadConstraints;
            return { ...d, selector: undefined, template: t };
        };
        assert.deepEqual(strip(canary), strip(stable));
    });

    it("name a track's objects and give each track its own Service, autoscaler and budget", () => {
        assert.deepEqual([trackName("ledger", "stable"), trackName("ledger", "canary")], ["ledger", "ledger-canary"]);
        assert.deepEqual(clusterServiceSpec("ledger", "canary", 9090), {
            type: "ClusterIP",
            selector: { "app.kubernetes.io/name": "ledger", "golive.dev/track": "canary" },
            ports: [{ name: "http", port: 9090, targetPort: "http", protocol: "TCP" }],
        });
        const hpa: any = autoscalerSpec("ledger-canary", { min: 2, max: 3 }, 70);
        assert.deepEqual([hpa.scaleTargetRef.name, hpa.minReplicas, hpa.maxReplicas], ["ledger-canary", 2, 3]);
        assert.deepEqual(disruptionBudgetSpec("ledger", "stable").selector, { matchLabels: { "app.kubernetes.io/name": "ledger", "golive.dev/track": "stable" } });
    });

    it("split a route between stable and canary by the canary's weight, listing a weight-0 canary", () => {
        assert.deepEqual(routeBackends("api", 8080, undefined), [{ name: "api", port: 8080, weight: 100 }]);
        assert.deepEqual(routeBackends("api", 8080, 0), [{ name: "api", port: 8080, weight: 100 }, { name: "api-canary", port: 8080, weight: 0 }]);
        assert.deepEqual(routeBackends("api", 8080, 50).map((b) => b.weight), [50, 50]);
    });

    it("give each service of the stack the services it calls, its route and the launch phase", () => {
        const args = stackArgs("production");
        const gateway = { className: "gke-l7-global-external-managed", certificateMap: "golive", sourceRanges: ["35.191.0.0/16"] };
        const api = microserviceArgs(args, args.services.find((s) => s.name === "reporting-api")!, gateway);
        assert.deepEqual(api.calls, [{ name: "q2q-pipeline", port: 8080 }, { name: "notification-service", port: 8080 }, { name: "export-service", port: 8080 }]);
        assert.deepEqual(api.publicRoute, { host: "api", hostname: "api.teei.example.com", gatewayName: "public", sourceRanges: ["35.191.0.0/16"] });
        assert.deepEqual(api.launch, { phase: "pre-launch", rollbackTo: "v2.4.9" });
        const q2q = microserviceArgs(args, args.services.find((s) => s.name === "q2q-pipeline")!, gateway);
        assert.deepEqual(q2q.calls, [{ name: "notification-service", port: 8080 }]);
        assert.equal(q2q.publicRoute, undefined);
        assert.deepEqual(publicHosts(args).map((h) => h.hostname), ["api.teei.example.com", "cockpit.teei.example.com"]);
    });
});
