import { strict as assert } from "node:assert";
import { preStopSeconds, workloadsPodConfigureGracefulShutdown as policy } from "../../../policies/workloads";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { resource, stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { bucket, compliantStack, deployment, service, stackWith, stackWithout } from "./fixtures";

const missing = 'Deployment teei/reporting-api container "reporting-api" has no lifecycle.preStop hook, so it gets SIGTERM while the endpoints of Service teei/reporting-api still send it traffic. Add a preStop hook (e.g. sleep: {seconds: 10}) and a terminationGracePeriodSeconds above it.';
const tooShort = (grace: string, sleep: number) =>
    `Deployment teei/reporting-api terminationGracePeriodSeconds is ${grace}, not more than container "reporting-api"'s preStop sleep of ${sleep} s, so the container is killed before it can drain. Set terminationGracePeriodSeconds above ${sleep} (e.g. ${sleep + 30}).`;

/** The compliant stack with its Deployment changed. */
const withDeployment = (d: EngineResource) => stackWith(d);
/** The same stack without the Service: a worker nothing sends traffic to. */
const withoutService = (d: EngineResource) => stackWithout("Service").map((r) => (r.urn === d.urn ? d : r));

describe("workloads-pod-configure-graceful-shutdown", () => {
    it("passes a preStop sleep of 10 s under a 45 s grace period", async () => {
        assert.deepEqual(await stackMessages(policy, compliantStack()), []);
    });

    it("passes an httpGet preStop hook", async () => {
        const d = deployment((spec) => { spec.containers[0].lifecycle.preStop = { httpGet: { path: "/shutdown", port: "http" } }; });
        assert.deepEqual(await stackMessages(policy, withDeployment(d)), []);
    });

    it("refuses a container a Service sends traffic to without a preStop hook, naming the Service", async () => {
        const d = deployment((spec) => { delete spec.containers[0].lifecycle; });
        assert.deepEqual(await stackMessages(policy, withDeployment(d)), [missing]);
    });

    it("asks no preStop hook of a workload no Service selects: there are no endpoints to leave", async () => {
        const d = deployment((spec) => { delete spec.containers[0].lifecycle; });
        assert.deepEqual(await stackMessages(policy, withoutService(d)), []);
        const elsewhere = service((props) => { props.metadata.namespace = "other"; });
        assert.deepEqual(await stackMessages(policy, stackWith(d, elsewhere)), []);
    });

    it("still refuses a grace period no longer than the preStop sleep of a workload no Service selects", async () => {
        const d = deployment((spec) => { spec.terminationGracePeriodSeconds = 10; });
        assert.deepEqual(await stackMessages(policy, withoutService(d)), [tooShort("10", 10)]);
    });

    it("refuses a tcpSocket preStop hook, which the kubelet does not run", async () => {
        const d = deployment((spec) => { spec.containers[0].lifecycle.preStop = { tcpSocket: { port: 8080 } }; });
        assert.deepEqual(await stackMessages(policy, withDeployment(d)), ['Deployment teei/reporting-api container "reporting-api" has only a tcpSocket lifecycle.preStop, which the kubelet does not run, so it gets SIGTERM while the endpoints of Service teei/reporting-api still send it traffic. Add a preStop hook (e.g. sleep: {seconds: 10}) and a terminationGracePeriodSeconds above it.']);
    });

    it("refuses a grace period no longer than the preStop sleep", async () => {
        const d = deployment((spec) => { spec.terminationGracePeriodSeconds = 10; });
        assert.deepEqual(await stackMessages(policy, withDeployment(d)), [tooShort("10", 10)]);
    });

    it("reads the sleep of an exec preStop hook", async () => {
        const d = deployment((spec) => { spec.containers[0].lifecycle.preStop = { exec: { command: ["/bin/sh", "-c", "sleep 45 && kill -TERM 1"] } }; });
        assert.deepEqual(await stackMessages(policy, withDeployment(d)), [tooShort("45", 45)]);
    });

    it("passes an unset grace period, 30 s by default, above a 10 s sleep", async () => {
        const d = deployment((spec) => { delete spec.terminationGracePeriodSeconds; });
        assert.deepEqual(await stackMessages(policy, withDeployment(d)), []);
    });

    it("refuses a zero grace period", async () => {
        const d = deployment((spec) => { spec.terminationGracePeriodSeconds = 0; });
        assert.deepEqual(await stackMessages(policy, withDeployment(d)), [tooShort("0", 10)]);
    });

    it("reads sleep lengths from the shapes preStop commands take", () => {
        assert.equal(preStopSeconds({ sleep: { seconds: 5 } }), 5);
        assert.equal(preStopSeconds({ exec: { command: ["sleep", "15"] } }), 15);
        assert.equal(preStopSeconds({ exec: { command: ["/bin/sleep", "7"] } }), 7);
        assert.equal(preStopSeconds({ exec: { command: ["sh", "-c", "nginx -s quit; sleep 2.5"] } }), 3);
        assert.equal(preStopSeconds({ exec: { command: ["/app/drain"] } }), 0);
        assert.equal(preStopSeconds({ httpGet: { path: "/drain", port: 8080 } }), 0);
    });

    it("judges a bare Pod a Service selects and leaves Jobs alone", async () => {
        const pod = resource("kubernetes:core/v1:Pod", "debug", { metadata: { name: "debug", namespace: "teei", labels: { "app.kubernetes.io/name": "reporting-api" } }, spec: { containers: [{ name: "reporting-api", image: "x:v1" }] } });
        assert.deepEqual(await stackMessages(policy, stackWith(pod)), ['Pod teei/debug container "reporting-api" has no lifecycle.preStop hook, so it gets SIGTERM while the endpoints of Service teei/reporting-api still send it traffic. Add a preStop hook (e.g. sleep: {seconds: 10}) and a terminationGracePeriodSeconds above it.']);
        const cron = resource("kubernetes:batch/v1:CronJob", "nightly", { metadata: { name: "nightly", namespace: "teei", labels: { "app.kubernetes.io/name": "reporting-api" } }, spec: { jobTemplate: { spec: { template: { metadata: { labels: { "app.kubernetes.io/name": "reporting-api" } }, spec: { containers: [{ name: "export", image: "export:v1" }] } } } } } });
        assert.deepEqual(await stackMessages(policy, stackWith(cron)), []);
        assert.deepEqual(await stackNotApplicable(policy, [cron]), [policy.name]);
    });

    it("cannot pass silently when the grace period is unknown during preview", async () => {
        const d = deployment((spec) => { spec.terminationGracePeriodSeconds = UNKNOWN; });
        const [message, ...rest] = await stackMessages(policy, withDeployment(d));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-pod-configure-graceful-shutdown'.*during preview: string value at \.spec\.template\.spec\.terminationGracePeriodSeconds can't be known during preview/);
    });

    it("is not applicable to a stack without serving workloads, and gives no violation", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket()]), [policy.name]);
        assert.deepEqual(await stackMessages(policy, [bucket()]), []);
        assert.deepEqual(await stackNotApplicable(policy, compliantStack()), []);
    });
});
