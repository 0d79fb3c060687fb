import { strict as assert } from "node:assert";
import { workloadsProbeConfigureLivenessWindow as policy } from "../../../policies/workloads";
import { messages, notApplicable, resource, UNKNOWN } from "../harness";
import { bucket, deployment } from "./fixtures";

describe("workloads-probe-configure-liveness-window", () => {
    it("passes readiness and a more tolerant liveness on the same endpoint", async () => {
        assert.deepEqual(await messages(policy, deployment()), []);
    });

    it("passes a liveness probe that checks something else than readiness", async () => {
        const d = deployment((spec) => { spec.containers[0].livenessProbe = { tcpSocket: { port: "http" }, periodSeconds: 5, failureThreshold: 3 }; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("leaves a missing probe to workloads-container-missing-probes", async () => {
        assert.deepEqual(await messages(policy, deployment((spec) => { delete spec.containers[0].readinessProbe; })), []);
        assert.deepEqual(await messages(policy, deployment((spec) => { delete spec.containers[0].livenessProbe; })), []);
    });

    it("refuses identical readiness and liveness probes", async () => {
        const d = deployment((spec) => { spec.containers[0].livenessProbe = { ...spec.containers[0].readinessProbe }; });
        assert.deepEqual(await messages(policy, d), ['container "reporting-api" readinessProbe and livenessProbe both run httpGet /health on port http, and liveness gives up after 15 s, no later than readiness (15 s), so an overloaded pod is restarted instead of taken out of service. Give liveness a longer failure window (failureThreshold x periodSeconds above 15 s) or a different check.']);
    });

    it("sees through a named port: port http and port 8080 are the same check", async () => {
        const d = deployment((spec) => { spec.containers[0].livenessProbe = { httpGet: { path: "/health", port: 8080 }, periodSeconds: 5, failureThreshold: 2 }; });
        assert.deepEqual(await messages(policy, d), ['container "reporting-api" readinessProbe and livenessProbe both run httpGet /health on port http, and liveness gives up after 10 s, no later than readiness (15 s), so an overloaded pod is restarted instead of taken out of service. Give liveness a longer failure window (failureThreshold x periodSeconds above 15 s) or a different check.']);
    });

    it("applies the kubelet's default period (10 s) to an unset periodSeconds", async () => {
        const d = deployment((spec) => { spec.containers[0].livenessProbe = { httpGet: { path: "/health", port: "http" }, failureThreshold: 1 }; });
        assert.deepEqual(await messages(policy, d), ['container "reporting-api" readinessProbe and livenessProbe both run httpGet /health on port http, and liveness gives up after 10 s, no later than readiness (15 s), so an overloaded pod is restarted instead of taken out of service. Give liveness a longer failure window (failureThreshold x periodSeconds above 15 s) or a different check.']);
    });

    it("cannot pass silently when a probe's timing is unknown during preview", async () => {
        const d = deployment((spec) => { spec.containers[0].livenessProbe.failureThreshold = UNKNOWN; });
        const [message, ...rest] = await messages(policy, d);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-probe-configure-liveness-window'.*during preview: string value at \.spec\.template\.spec\.containers\.0\.livenessProbe\.failureThreshold can't be known during preview/);
    });

    it("reports a resource that is not a serving workload as not applicable, without a violation", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await messages(policy, bucket()), []);
        const job = resource("kubernetes:batch/v1:Job", "export", { spec: { template: { spec: { containers: [{ name: "export", image: "export:v1" }] } } } });
        assert.deepEqual(await notApplicable(policy, job), [policy.name]);
        assert.deepEqual(await notApplicable(policy, deployment()), []);
    });
});
