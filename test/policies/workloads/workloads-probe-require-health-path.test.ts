import { strict as assert } from "node:assert";
import { goliveAnnotations } from "../../../policies/lib";
import { healthPathAnnotation, workloadsProbeRequireHealthPath as policy } from "../../../policies/workloads";
import { messages, notApplicable, notApplicableReasons, resource, UNKNOWN } from "../harness";
import { resourcePolicyWithConfig } from "./config";
import { bucket, deployment } from "./fixtures";

type Change = Parameters<typeof deployment>[0] & {};

/** The compliant Deployment declaring its health path on the pod template, as golive writes it, after `change`. */
function declaring(healthPath: string, change: Change = () => undefined) {
    return deployment((spec, props) => {
        props.spec.template.metadata.annotations = { [healthPathAnnotation]: healthPath };
        change(spec, props);
    });
}

const onAllProbes = (path: string): Change => (spec) => {
    for (const p of ["readinessProbe", "livenessProbe", "startupProbe"]) spec.containers[0][p].httpGet.path = path;
};

const offPath = (field: string, path: string, declared = "/health") =>
    `container "reporting-api" ${field} checks path "${path}", not the declared health path "${declared}". Probe path "${declared}" (or a sub-path such as "${declared}/ready").`;

describe("workloads-probe-require-health-path", () => {
    it("passes probes on the health path the pod template declares", async () => {
        assert.deepEqual(await messages(policy, declaring("/health")), []);
    });

    it("keys the annotation once in the pack", () => {
        assert.equal(healthPathAnnotation, "golive.dev/health-path");
        assert.equal(healthPathAnnotation, goliveAnnotations.healthPath);
    });

    it("declares healthPath in its config schema without a default, so a stack that sets none judges only declared paths", () => {
        assert.deepEqual(policy.configSchema?.properties["healthPath"], { type: "string", pattern: "^/" });
    });

    it("passes sub-paths of the health path such as /health/ready", async () => {
        const d = declaring("/health", (spec) => { spec.containers[0].readinessProbe.httpGet.path = "/health/ready"; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("passes a tcpSocket liveness probe, a legitimate process-alive check", async () => {
        const d = declaring("/health", (spec) => { spec.containers[0].livenessProbe = { tcpSocket: { port: "http" }, periodSeconds: 10, failureThreshold: 6 }; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("refuses a readiness probe on another path", async () => {
        const d = declaring("/health", (spec) => { spec.containers[0].readinessProbe.httpGet.path = "/healthz"; });
        assert.deepEqual(await messages(policy, d), [offPath("readinessProbe", "/healthz")]);
    });

    it("does not take /healthcheck for a sub-path of /health", async () => {
        const d = declaring("/health", (spec) => { spec.containers[0].livenessProbe.httpGet.path = "/healthcheck"; });
        assert.deepEqual(await messages(policy, d), [offPath("livenessProbe", "/healthcheck")]);
    });

    it("reads an unset path as /, as the kubelet does", async () => {
        const d = declaring("/health", (spec) => { delete spec.containers[0].startupProbe.httpGet.path; });
        assert.deepEqual(await messages(policy, d), [offPath("startupProbe", "/")]);
    });

    it("refuses a tcpSocket readiness probe, which passes as soon as the port opens", async () => {
        const d = declaring("/health", (spec) => { spec.containers[0].readinessProbe = { tcpSocket: { port: "http" }, periodSeconds: 5 }; });
        assert.deepEqual(await messages(policy, d), ['container "reporting-api" readinessProbe runs tcpSocket on port http, not httpGet on "/health", so the pod counts as ready without its health endpoint answering. Probe readiness with httpGet on path "/health".']);
    });

    it("refuses an exec readiness probe", async () => {
        const d = declaring("/health", (spec) => { spec.containers[0].readinessProbe = { exec: { command: ["cat", "/tmp/ready"] } }; });
        assert.deepEqual(await messages(policy, d), ['container "reporting-api" readinessProbe runs exec "cat /tmp/ready", not httpGet on "/health", so the pod counts as ready without its health endpoint answering. Probe readiness with httpGet on path "/health".']);
    });

    it("leaves a missing probe to workloads-container-missing-probes", async () => {
        const d = declaring("/health", (spec) => { delete spec.containers[0].readinessProbe; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("does not judge a workload that declares no health path, whatever its probes are", async () => {
        const probes: Change[] = [
            (spec) => { spec.containers[0].readinessProbe = { grpc: { port: 9555 } }; },
            (spec) => { spec.containers[0].readinessProbe = { tcpSocket: { port: 6379 } }; },
            (spec) => { spec.containers[0].readinessProbe = { exec: { command: ["pg_isready"] } }; },
            onAllProbes("/healthz"),
            onAllProbes("/readyz"),
            onAllProbes("/livez"),
        ];
        for (const change of probes) {
            const d = deployment(change);
            assert.deepEqual(await messages(policy, d), []);
            assert.deepEqual(await notApplicableReasons(policy, d), [{
                policy: policy.name,
                reason: "Deployment teei/reporting-api declares no health path (annotation golive.dev/health-path on its pod template, or policy config healthPath), so any probe is accepted",
            }]);
        }
    });

    it("judges every workload on the health path set in policy config", async () => {
        const configured = resourcePolicyWithConfig(policy, { healthPath: "/healthz" });
        assert.deepEqual(await messages(configured, deployment(onAllProbes("/healthz"))), []);
        assert.deepEqual(await messages(configured, deployment()), [
            offPath("readinessProbe", "/health", "/healthz"),
            offPath("livenessProbe", "/health", "/healthz"),
            offPath("startupProbe", "/health", "/healthz"),
        ]);
    });

    it("cannot pass silently when a probe path is unknown during preview", async () => {
        const d = declaring("/health", (spec) => { spec.containers[0].readinessProbe.httpGet.path = UNKNOWN; });
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
        assert.deepEqual(await notApplicable(policy, declaring("/health")), []);
    });

    it("passes probes on /healthz when the pod template declares /healthz", async () => {
        assert.deepEqual(await messages(policy, declaring("/healthz", onAllProbes("/healthz"))), []);
    });

    it("refuses probes on /health when the pod template's annotation declares /healthz", async () => {
        assert.deepEqual(await messages(policy, declaring("/healthz")), [
            offPath("readinessProbe", "/health", "/healthz"),
            offPath("livenessProbe", "/health", "/healthz"),
            offPath("startupProbe", "/health", "/healthz"),
        ]);
    });

    it("reads the annotation on the Deployment itself, where earlier golive versions wrote it", async () => {
        const d = deployment((_, props) => { props.metadata.annotations = { [healthPathAnnotation]: "/healthz" }; });
        assert.deepEqual(await messages(policy, d), [
            offPath("readinessProbe", "/health", "/healthz"),
            offPath("livenessProbe", "/health", "/healthz"),
            offPath("startupProbe", "/health", "/healthz"),
        ]);
    });

    it("prefers the workload's annotation to the policy config, and ignores one that is not a path", async () => {
        const configured = resourcePolicyWithConfig(policy, { healthPath: "/healthz" });
        assert.deepEqual(await messages(configured, declaring("/health")), []);
        assert.deepEqual(await notApplicable(policy, declaring("health")), [policy.name]);
    });

    it("names the stack config key that declares the path for a service golive planned", async () => {
        const d = declaring("/health", (spec, props) => {
            props.metadata.annotations = { [goliveAnnotations.config]: "golive:services[0]" };
            spec.containers[0].readinessProbe.httpGet.path = "/ready";
        });
        assert.deepEqual(await messages(policy, d), [
            'container "reporting-api" readinessProbe checks path "/ready", not the declared health path "/health". Probe path "/health" (declared by Pulumi.test.yaml: golive:services[0].healthPath) (or a sub-path such as "/health/ready").',
        ]);
    });
});
