import { strict as assert } from "node:assert";
import { preStopSeconds, workloadsPodConfigureGracefulShutdown as policy } from "../../../policies/workloads";
import { messages, notApplicable, resource, UNKNOWN } from "../harness";
import { bucket, deployment } from "./fixtures";

const missing = 'container "reporting-api" has no lifecycle.preStop hook, so it gets SIGTERM while endpoints still send it traffic. Add a preStop hook (e.g. sleep: {seconds: 10}) and a terminationGracePeriodSeconds above it.';

describe("workloads-pod-configure-graceful-shutdown", () => {
    it("passes a preStop sleep of 10 s under a 45 s grace period", async () => {
        assert.deepEqual(await messages(policy, deployment()), []);
    });

    it("passes an httpGet preStop hook", async () => {
        const d = deployment((spec) => { spec.containers[0].lifecycle.preStop = { httpGet: { path: "/shutdown", port: "http" } }; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("refuses a container without a preStop hook", async () => {
        const d = deployment((spec) => { delete spec.containers[0].lifecycle; });
        assert.deepEqual(await messages(policy, d), [missing]);
    });

    it("refuses a tcpSocket preStop hook, which the kubelet does not run", async () => {
        const d = deployment((spec) => { spec.containers[0].lifecycle.preStop = { tcpSocket: { port: 8080 } }; });
        assert.deepEqual(await messages(policy, d), ['container "reporting-api" has only a tcpSocket lifecycle.preStop, which the kubelet does not run, so it gets SIGTERM while endpoints still send it traffic. Add a preStop hook (e.g. sleep: {seconds: 10}) and a terminationGracePeriodSeconds above it.']);
    });

    it("refuses a grace period no longer than the preStop sleep", async () => {
        const d = deployment((spec) => { spec.terminationGracePeriodSeconds = 10; });
        assert.deepEqual(await messages(policy, d), ['Deployment teei/reporting-api terminationGracePeriodSeconds is 10, not more than container "reporting-api"\'s preStop sleep of 10 s, so the container is killed before it can drain. Set terminationGracePeriodSeconds above 10 (e.g. 40).']);
    });

    it("reads the sleep of an exec preStop hook", async () => {
        const d = deployment((spec) => { spec.containers[0].lifecycle.preStop = { exec: { command: ["/bin/sh", "-c", "sleep 45 && kill -TERM 1"] } }; });
        assert.deepEqual(await messages(policy, d), ['Deployment teei/reporting-api terminationGracePeriodSeconds is 45, not more than container "reporting-api"\'s preStop sleep of 45 s, so the container is killed before it can drain. Set terminationGracePeriodSeconds above 45 (e.g. 75).']);
    });

    it("passes an unset grace period, 30 s by default, above a 10 s sleep", async () => {
        const d = deployment((spec) => { delete spec.terminationGracePeriodSeconds; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("refuses a zero grace period", async () => {
        const d = deployment((spec) => { spec.terminationGracePeriodSeconds = 0; });
        assert.deepEqual(await messages(policy, d), ['Deployment teei/reporting-api terminationGracePeriodSeconds is 0, not more than container "reporting-api"\'s preStop sleep of 10 s, so the container is killed before it can drain. Set terminationGracePeriodSeconds above 10 (e.g. 40).']);
    });

    it("reads sleep lengths from the shapes preStop commands take", () => {
        assert.equal(preStopSeconds({ sleep: { seconds: 5 } }), 5);
        assert.equal(preStopSeconds({ exec: { command: ["sleep", "15"] } }), 15);
        assert.equal(preStopSeconds({ exec: { command: ["/bin/sleep", "7"] } }), 7);
        assert.equal(preStopSeconds({ exec: { command: ["sh", "-c", "nginx -s quit; sleep 2.5"] } }), 3);
        assert.equal(preStopSeconds({ exec: { command: ["/app/drain"] } }), 0);
        assert.equal(preStopSeconds({ httpGet: { path: "/drain", port: 8080 } }), 0);
    });

    it("judges a bare Pod and leaves Jobs alone", async () => {
        const pod = resource("kubernetes:core/v1:Pod", "debug", { metadata: { name: "debug" }, spec: { containers: [{ name: "reporting-api", image: "x:v1" }] } });
        assert.deepEqual(await messages(policy, pod), [missing]);
        const cron = resource("kubernetes:batch/v1:CronJob", "nightly", { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: "export", image: "export:v1" }] } } } } } });
        assert.deepEqual(await messages(policy, cron), []);
        assert.deepEqual(await notApplicable(policy, pod), []);
        assert.deepEqual(await notApplicable(policy, cron), [policy.name]);
    });

    it("cannot pass silently when the grace period is unknown during preview", async () => {
        const d = deployment((spec) => { spec.terminationGracePeriodSeconds = UNKNOWN; });
        const [message, ...rest] = await messages(policy, d);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-pod-configure-graceful-shutdown'.*during preview: string value at \.spec\.template\.spec\.terminationGracePeriodSeconds can't be known during preview/);
    });

    it("reports a resource that is not a workload as not applicable, without a violation", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await messages(policy, bucket()), []);
        assert.deepEqual(await notApplicable(policy, deployment()), []);
    });
});
