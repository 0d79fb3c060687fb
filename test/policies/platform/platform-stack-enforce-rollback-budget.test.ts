/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are raw resource JSON */
import { strict as assert } from "node:assert";
import { platformStackEnforceRollbackBudget as policy } from "../../../policies/platform/platform-stack-enforce-rollback-budget";
import { budgetDefaults, formatDuration, rollbackBudget } from "../../../policies/platform/rollback-budget";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { resource, stackMessages, stackNotApplicable } from "../harness";
import { stackPolicyWithConfig } from "../workloads/config";

/**
 * A production-shaped stack, small enough to compute by hand: one Deployment (25 % surge,
 * nothing unavailable) scaled by an HPA to at most 10 pods, startup probe 30 x 5 s, readiness
 * every 5 s, minReadySeconds 10, grace 45 s; a proxied record (automatic TTL); the frontend's
 * entry points cached 60 s and its versioned files a year.
 */
function stack(change: (s: { deployment: any; hpa: any; record: any; cache: any }) => void = () => {}): EngineResource[] {
    const deployment: any = {
        apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "reporting-api", namespace: "teei", labels: { "app.kubernetes.io/part-of": "golive" } },
        spec: {
            strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: "25%" } },
            minReadySeconds: 10,
            template: { spec: { terminationGracePeriodSeconds: 45, containers: [{
                name: "reporting-api",
                startupProbe: { httpGet: { path: "/health", port: "http" }, periodSeconds: 5, failureThreshold: 30 },
                readinessProbe: { httpGet: { path: "/health", port: "http" }, periodSeconds: 5, failureThreshold: 3 },
            }] } },
        },
    };
    const hpa: any = { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "reporting-api", namespace: "teei" }, spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "reporting-api" }, minReplicas: 2, maxReplicas: 10 } };
    const record: any = { zoneId: "zone", name: "api.teei.example.com", type: "A", content: "203.0.113.10", proxied: true, ttl: 1 };
    const cache: any = { zoneId: "zone", kind: "zone", phase: "http_request_cache_settings", name: "cache", rules: [
        { ref: "static-versioned", action: "set_cache_settings", enabled: true, actionParameters: { cache: true, edgeTtl: { mode: "override_origin", default: 31_536_000 }, browserTtl: { mode: "override_origin", default: 31_536_000 } } },
        { ref: "static-entry-points", action: "set_cache_settings", enabled: true, actionParameters: { cache: true, edgeTtl: { mode: "override_origin", default: 60 }, browserTtl: { mode: "override_origin", default: 60 } } },
    ] };
    change({ deployment, hpa, record, cache });
    return [
        resource("kubernetes:apps/v1:Deployment", "reporting-api", deployment),
        resource("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "reporting-api", hpa),
        resource("cloudflare:index/dnsRecord:DnsRecord", "api", record),
        resource("cloudflare:index/ruleset:Ruleset", "cache", cache),
    ];
}

const props = (rs: EngineResource[]) => rs.map((r) => ({ type: r.type, props: r.inputs as any }));
const fix = "Raise that Deployment's maxSurge, lower its maxReplicas or its startup probe's allowance, or shorten the TTL, until it fits; or set budgetMinutes in policies/config/<stack>.json if the team accepts a longer rollback.";
const rolloutHow = (waves: number, perWave: number, surge: number, wave: number, startup: number) =>
    `${waves} waves of ${perWave} pods (10 replicas at the HPA's maxReplicas, maxSurge ${surge}, maxUnavailable 0) x ${wave} s (image pull 30 + startup probe ${startup} + readiness 5 + minReadySeconds 10) + 45 s termination grace of the last old pods`;

describe("the rollback budget, computed by hand", () => {
    it("counts 4 waves of 3 pods at 195 s plus 45 s of grace, after a 120 s release switch: 945 s", () => {
        // 25 % of 10 replicas rounds up to 3 pods a wave; ceil(10 / 3) = 4 waves;
        // a wave = pull 30 + startup 0 + 30 x 5 + readiness 0 + 1 x 5 + minReady 10 = 195 s.
        const b = rollbackBudget(props(stack()));
        assert.equal(b.rollbackSeconds, 120 + 4 * 195 + 45);
        assert.equal(b.deploySeconds, 945);
        assert.equal(b.budgetSeconds, 1200);
        assert.deepEqual(b.slowestRollback, { step: "rollout of Deployment teei/reporting-api", seconds: 825, how: rolloutHow(4, 3, 3, 195, 150) });
        assert.deepEqual(b.rollback.map((s) => [s.step, s.seconds]), [["release switch", 120], ["rollout of Deployment teei/reporting-api", 825], ["frontend release switch", 60], ["DNS", 300]]);
    });

    it("lets DNS decide the rollback, not the deploy, when a record's TTL outlasts the rollout", () => {
        const b = rollbackBudget(props(stack((s) => Object.assign(s.record, { proxied: false, ttl: 3600 }))));
        assert.equal(b.rollbackSeconds, 120 + 3600);
        assert.equal(b.deploySeconds, 120 + 825);
        assert.equal(b.slowestRollback!.how, "resolvers keep a moved record up to its TTL: 3600 s (A api.teei.example.com)");
    });

    it("counts the replicas a Deployment without an HPA declares, and the API's 25 % defaults when no strategy is given", () => {
        // 4 replicas: surge ceil(1) = 1, unavailable floor(1) = 1, 2 pods a wave, 2 waves.
        const rs = stack((s) => {
            s.deployment.spec.replicas = 4;
            delete s.deployment.spec.strategy;
        }).filter((r) => !r.type.includes("HorizontalPodAutoscaler"));
        const b = rollbackBudget(props(rs));
        assert.equal(b.slowestRollback!.seconds, 2 * 195 + 45);
    });

    it("ignores cache rules for versioned files and takes the longer of edge and browser lifetimes", () => {
        const b = rollbackBudget(props(stack((s) => (s.cache.rules[1].actionParameters.browserTtl.default = 600))));
        assert.deepEqual(b.rollback.find((x) => x.step === "frontend release switch")!.seconds, 600);
    });

    it("formats durations as people read them", () => {
        assert.deepEqual([formatDuration(45), formatDuration(960), formatDuration(945)], ["45 s", "16 min", "15 min 45 s"]);
    });
});

describe("platform-stack-enforce-rollback-budget", () => {
    it("passes a stack that rolls back in 15 min 45 s, within 20 minutes", async () => {
        assert.deepEqual(await stackMessages(policy, stack()), []);
    });

    it("fails a Deployment that surges one pod at a time: 10 waves, 35 min 15 s", async () => {
        assert.deepEqual(await stackMessages(policy, stack((s) => (s.deployment.spec.strategy.rollingUpdate.maxSurge = 1))), [
            `A rollback takes up to 35 min 15 s, over the 20 min budget: release switch 120 s + the slowest step, rollout of Deployment teei/reporting-api, 1995 s: 10 waves of 1 pod (10 replicas at the HPA's maxReplicas, maxSurge 1, maxUnavailable 0) x 195 s (image pull 30 + startup probe 150 + readiness 5 + minReadySeconds 10) + 45 s termination grace of the last old pods. ${fix}`,
        ]);
    });

    it("fails a startup probe allowed 5 minutes: 4 waves of 345 s, 25 min 45 s", async () => {
        assert.deepEqual(await stackMessages(policy, stack((s) => (s.deployment.spec.template.spec.containers[0].startupProbe.failureThreshold = 60))), [
            `A rollback takes up to 25 min 45 s, over the 20 min budget: release switch 120 s + the slowest step, rollout of Deployment teei/reporting-api, 1425 s: ${rolloutHow(4, 3, 3, 345, 300)}. ${fix}`,
        ]);
    });

    it("fails a DNS record whose TTL is an hour", async () => {
        assert.deepEqual(await stackMessages(policy, stack((s) => Object.assign(s.record, { proxied: false, ttl: 3600 }))), [
            `A rollback takes up to 62 min, over the 20 min budget: release switch 120 s + the slowest step, DNS, 3600 s: resolvers keep a moved record up to its TTL: 3600 s (A api.teei.example.com). ${fix}`,
        ]);
    });

    it("takes the budget and the timings from policy config", async () => {
        const slow = stack((s) => (s.deployment.spec.strategy.rollingUpdate.maxSurge = 1));
        assert.deepEqual(await stackMessages(stackPolicyWithConfig(policy, { budgetMinutes: 40 }), slow), []);
        assert.deepEqual(await stackMessages(stackPolicyWithConfig(policy, { releaseSwitchSeconds: 400 }), stack()), [
            `A rollback takes up to 20 min 25 s, over the 20 min budget: release switch 400 s + the slowest step, rollout of Deployment teei/reporting-api, 825 s: ${rolloutHow(4, 3, 3, 195, 150)}. ${fix}`,
        ]);
        assert.equal(budgetDefaults.budgetMinutes, 20);
    });

    it("does not apply to a stack without Deployments, nor to Deployments golive did not declare", async () => {
        assert.deepEqual(await stackNotApplicable(policy, stack().filter((r) => !r.type.includes("Deployment"))), ["platform-stack-enforce-rollback-budget"]);
        assert.deepEqual(await stackNotApplicable(policy, stack((s) => (s.deployment.metadata.labels = {}))), ["platform-stack-enforce-rollback-budget"]);
    });
});
