/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are raw resource JSON */
import { strict as assert } from "node:assert";
import { platformServiceMissingCoverage as policy } from "../../../policies/platform/platform-service-missing-coverage";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { resource, stackMessages, stackNotApplicable } from "../harness";
import { stackPolicyWithConfig } from "../workloads/config";

const fix = "Declare the service under golive:services (with host: when it is public) so the components give it its Deployment, alerts, uptime check, DNS record and rate limit; if one is declared elsewhere, add what is missing there.";
const host = "api.teei.example.com";

/** A public API service with everything: Deployment, route, alert, uptime check, record, rate limit. */
function stack(change: (s: Record<string, any>) => void = () => {}): EngineResource[] {
    const s: Record<string, any> = {
        deployment: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "reporting-api", namespace: "teei", labels: { "app.kubernetes.io/name": "reporting-api", "app.kubernetes.io/part-of": "golive", "golive.dev/track": "stable" } } },
        route: { apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "reporting-api", namespace: "teei", labels: { "app.kubernetes.io/part-of": "golive" } }, spec: { hostnames: [host], rules: [{ backendRefs: [{ name: "reporting-api", port: 80, weight: 100 }] }] } },
        alert: { displayName: "reporting-api error rate", enabled: true, userLabels: { service: "reporting-api", signal: "error-rate" } },
        uptime: { displayName: "api", monitoredResource: { type: "uptime_url", labels: { host } } },
        record: { zoneId: "zone", name: host, type: "A", content: "203.0.113.10", proxied: true, ttl: 1 },
        limits: { zoneId: "zone", kind: "zone", phase: "http_ratelimit", rules: [{ ref: "tier-free", enabled: true, expression: `http.host eq "${host}" and true`, action: "block" }] },
    };
    change(s);
    return [
        resource("kubernetes:apps/v1:Deployment", "reporting-api", s["deployment"]),
        resource("kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", "reporting-api-httproute", s["route"]),
        resource("gcp:monitoring/alertPolicy:AlertPolicy", "reporting-api-error-rate", s["alert"]),
        resource("gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig", "uptime-api", s["uptime"]),
        resource("cloudflare:index/dnsRecord:DnsRecord", "api", s["record"]),
        resource("cloudflare:index/ruleset:Ruleset", "ratelimit", s["limits"]),
    ];
}

describe("platform-service-missing-coverage", () => {
    it("passes a public API service with its Deployment, alert, uptime check, DNS record and rate limit", async () => {
        assert.deepEqual(await stackMessages(policy, stack()), []);
    });

    it("fails a routed service without a stable Deployment", async () => {
        assert.deepEqual(await stackMessages(policy, stack((s) => (s["deployment"].metadata.labels["golive.dev/track"] = "canary"))), [`Service "reporting-api" is missing a stable Deployment. ${fix}`]);
    });

    it("fails a service whose only alert is disabled", async () => {
        assert.deepEqual(await stackMessages(policy, stack((s) => (s["alert"].enabled = false))), [`Service "reporting-api" is missing an enabled alert policy labelled with it. ${fix}`]);
    });

    it("fails a public service without an uptime check on its host", async () => {
        assert.deepEqual(await stackMessages(policy, stack((s) => (s["uptime"].monitoredResource.labels.host = "cockpit.teei.example.com"))), [`Service "reporting-api" is missing an uptime check on ${host}. ${fix}`]);
    });

    it("fails a public service without a DNS record for its host", async () => {
        assert.deepEqual(await stackMessages(policy, stack((s) => (s["record"].name = "www.teei.example.com"))), [`Service "reporting-api" is missing a DNS record for ${host}. ${fix}`]);
    });

    it("fails an API host no rate limit rule names, and passes one a zone-wide rule covers", async () => {
        assert.deepEqual(await stackMessages(policy, stack((s) => (s["limits"].rules[0].enabled = false))), [`Service "reporting-api" is missing a rate limit on ${host}. ${fix}`]);
        assert.deepEqual(await stackMessages(policy, stack((s) => (s["limits"].rules[0].expression = "true"))), []);
    });

    it("asks no rate limit of a host that is not an API host (policy config apiHostLabels)", async () => {
        assert.deepEqual(await stackMessages(stackPolicyWithConfig(policy, { apiHostLabels: ["graphql"] }), stack((s) => (s["limits"].rules = []))), []);
    });

    it("does not apply to a stack without Deployments or routes, nor to ones golive did not declare", async () => {
        assert.deepEqual(await stackNotApplicable(policy, stack().slice(2)), ["platform-service-missing-coverage"]);
        const theirs = stack((s) => {
            s["deployment"].metadata.labels = {};
            s["route"].metadata.labels = {};
        });
        assert.deepEqual(await stackNotApplicable(policy, theirs), ["platform-service-missing-coverage"]);
    });
});
