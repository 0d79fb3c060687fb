import { strict as assert } from "node:assert";
import { annotationKeys } from "../../../components/workloads/defaults";
import { healthPathAnnotation, workloadsProbeRequireHealthPath as policy } from "../../../policies/workloads";
import { messages, notApplicable, resource, UNKNOWN } from "../harness";
import { resourcePolicyWithConfig } from "./config";
import { bucket, deployment } from "./fixtures";

describe("workloads-probe-require-health-path", () => {
    it("passes probes on /health, the default health path", async () => {
        assert.deepEqual(await messages(policy, deployment()), []);
    });

    it("declares healthPath in its config schema with the default it applies", () => {
        assert.deepEqual(policy.configSchema?.properties["healthPath"], { type: "string", default: "/health", pattern: "^/" });
    });

    it("passes sub-paths of the health path such as /health/ready", async () => {
        const d = deployment((spec) => { spec.containers[0].readinessProbe.httpGet.path = "/health/ready"; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("passes a tcpSocket liveness probe, a legitimate process-alive check", async () => {
        const d = deployment((spec) => { spec.containers[0].livenessProbe = { tcpSocket: { port: "http" }, periodSeconds: 10, failureThreshold: 6 }; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("refuses a readiness probe on another path", async () => {
        const d = deployment((spec) => { spec.containers[0].readinessProbe.httpGet.path = "/healthz"; });
        assert.deepEqual(await messages(policy, d), ['container "reporting-api" readinessProbe checks path "/healthz", not the declared health path "/health". Probe path "/health" (or a sub-path such as "/health/ready").']);
    });

    it("does not take /healthcheck for a sub-path of /health", async () => {
        const d = deployment((spec) => { spec.containers[0].livenessProbe.httpGet.path = "/healthcheck"; });
        assert.deepEqual(await messages(policy, d), ['container "reporting-api" livenessProbe checks path "/healthcheck", not the declared health path "/health". Probe path "/health" (or a sub-path such as "/health/ready").']);
    });

    it("reads an unset path as /, as the kubelet does", async () => {
        const d = deployment((spec) => { delete spec.containers[0].startupProbe.httpGet.path; });
        assert.deepEqual(await messages(policy, d), ['container "reporting-api" startupProbe checks path "/", not the declared health path "/health". Probe path "/health" (or a sub-path such as "/health/ready").']);
    });

    it("refuses a tcpSocket readiness probe, which passes as soon as the port opens", async () => {
        const d = deployment((spec) => { spec.containers[0].readinessProbe = { tcpSocket: { port: "http" }, periodSeconds: 5 }; });
        assert.deepEqual(await messages(policy, d), ['container "reporting-api" readinessProbe runs tcpSocket on port http, not httpGet on "/health", so the pod counts as ready without its health endpoint answering. Probe readiness with httpGet on path "/health".']);
    });

    it("refuses an exec readiness probe", async () => {
        const d = deployment((spec) => { spec.containers[0].readinessProbe = { exec: { command: ["cat", "/tmp/ready"] } }; });
        assert.deepEqual(await messages(policy, d), ['container "reporting-api" readinessProbe runs exec "cat /tmp/ready", not httpGet on "/health", so the pod counts as ready without its health endpoint answering. Probe readiness with httpGet on path "/health".']);
    });

    it("leaves a missing probe to workloads-container-missing-probes", async () => {
        const d = deployment((spec) => { delete spec.containers[0].readinessProbe; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("checks the health path set in policy config", async () => {
        const configured = resourcePolicyWithConfig(policy, { healthPath: "/healthz" });
        assert.deepEqual(await messages(configured, deployment((spec) => {
            for (const p of ["readinessProbe", "livenessProbe", "startupProbe"]) spec.containers[0][p].httpGet.path = "/healthz";
        })), []);
        assert.deepEqual(await messages(configured, deployment()), [
            'container "reporting-api" readinessProbe checks path "/health", not the declared health path "/healthz". Probe path "/healthz" (or a sub-path such as "/healthz/ready").',
            'container "reporting-api" livenessProbe checks path "/health", not the declared health path "/healthz". Probe path "/healthz" (or a sub-path such as "/healthz/ready").',
            'container "reporting-api" startupProbe checks path "/health", not the declared health path "/healthz". Probe path "/healthz" (or a sub-path such as "/healthz/ready").',
        ]);
    });

    it("cannot pass silently when a probe path is unknown during preview", async () => {
        const d = deployment((spec) => { spec.containers[0].readinessProbe.httpGet.path = UNKNOWN; });
        const [message, ...rest] = await messages(policy, d);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-probe-require-health-path'.*during preview: string value at \.spec\.template\.spec\.containers\.0\.readinessProbe\.httpGet\.path can't be known during preview/);
    });

    it("reports a resource that is not a serving workload as not applicable, without a violation", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await messages(policy, bucket()), []);
        const cron = resource("kubernetes:batch/v1:CronJob", "nightly", { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: "export", image: "export:v1", readinessProbe: { tcpSocket: { port: 80 } } }] } } } } } });
        assert.deepEqual(await notApplicable(policy, cron), [policy.name]);
        assert.deepEqual(await messages(policy, cron), []);
        assert.deepEqual(await notApplicable(policy, deployment()), []);
    });

    it("passes probes on the path the pod template's golive.dev/health-path annotation declares", async () => {
        const d = deployment((spec, props) => {
            props.spec.template.metadata.annotations = { "golive.dev/health-path": "/healthz" };
            for (const p of ["readinessProbe", "livenessProbe", "startupProbe"]) spec.containers[0][p].httpGet.path = "/healthz";
        });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("refuses probes on /health when the pod template's annotation declares /healthz", async () => {
        const d = deployment((_, props) => { props.spec.template.metadata.annotations = { "golive.dev/health-path": "/healthz" }; });
        assert.deepEqual(await messages(policy, d), [
            'container "reporting-api" readinessProbe checks path "/health", not the declared health path "/healthz". Probe path "/healthz" (or a sub-path such as "/healthz/ready").',
            'container "reporting-api" livenessProbe checks path "/health", not the declared health path "/healthz". Probe path "/healthz" (or a sub-path such as "/healthz/ready").',
            'container "reporting-api" startupProbe checks path "/health", not the declared health path "/healthz". Probe path "/healthz" (or a sub-path such as "/healthz/ready").',
        ]);
    });

    it("reads the annotation on the Deployment itself, where the workloads component writes it", async () => {
        const d = deployment((spec, props) => {
            props.metadata.annotations = { [healthPathAnnotation]: "/healthz" };
            spec.containers[0].readinessProbe.httpGet.path = "/health";
        });
        assert.equal(healthPathAnnotation, annotationKeys.healthPath);
        assert.deepEqual(await messages(policy, d), [
            'container "reporting-api" readinessProbe checks path "/health", not the declared health path "/healthz". Probe path "/healthz" (or a sub-path such as "/healthz/ready").',
            'container "reporting-api" livenessProbe checks path "/health", not the declared health path "/healthz". Probe path "/healthz" (or a sub-path such as "/healthz/ready").',
            'container "reporting-api" startupProbe checks path "/health", not the declared health path "/healthz". Probe path "/healthz" (or a sub-path such as "/healthz/ready").',
        ]);
    });

    it("prefers the service's annotation to the policy config, and ignores one that is not a path", async () => {
        const configured = resourcePolicyWithConfig(policy, { healthPath: "/healthz" });
        const annotated = deployment((_, props) => { props.spec.template.metadata.annotations = { "golive.dev/health-path": "/health" }; });
        assert.deepEqual(await messages(configured, annotated), []);
        const notAPath = deployment((_, props) => { props.spec.template.metadata.annotations = { "golive.dev/health-path": "health" }; });
        assert.deepEqual(await messages(policy, notAPath), []);
    });
});
