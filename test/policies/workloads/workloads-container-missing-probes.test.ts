import { strict as assert } from "node:assert";
import { workloadsContainerMissingProbes as policy } from "../../../policies/workloads";
import { resource, stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { bucket, compliantStack, deployment, service, stackWith, stackWithout } from "./fixtures";

const noReadiness = 'Deployment teei/reporting-api container "reporting-api" has no readinessProbe, so Service teei/reporting-api sends it traffic before it is ready, and a rolling update counts it available at once. Add a readinessProbe that passes only when it can serve (httpGet on its health endpoint; grpc, tcpSocket or exec for other protocols).';
const noLiveness = (ref = "Deployment teei/reporting-api", label = 'container "reporting-api"') =>
    `${ref} ${label} has no livenessProbe, so a hung process keeps its pod forever. Add a livenessProbe with a longer failure window (failureThreshold x periodSeconds) than the readinessProbe.`;
const withoutReadiness = deployment((spec) => { delete spec.containers[0].readinessProbe; });

/** A bare Pod with the Deployment's labels and container, after `change`. */
function pod(change: (spec: any) => void = () => undefined) { // eslint-disable-line @typescript-eslint/no-explicit-any
    const template = deployment().inputs["spec"] as { template: { metadata: unknown; spec: { containers: unknown[] } } };
    const spec = structuredClone(template.template.spec);
    change(spec);
    return resource("kubernetes:core/v1:Pod", "debug", { apiVersion: "v1", kind: "Pod", metadata: { name: "debug", namespace: "teei", ...structuredClone(template.template.metadata as object) }, spec });
}

describe("workloads-container-missing-probes", () => {
    it("passes readiness and liveness probes on a container a Service sends traffic to", async () => {
        assert.deepEqual(await stackMessages(policy, compliantStack()), []);
    });

    it("refuses a container without a readinessProbe, naming the Service that sends it traffic", async () => {
        assert.deepEqual(await stackMessages(policy, stackWith(withoutReadiness)), [noReadiness]);
    });

    it("names every Service that selects the pods", async () => {
        const second = service((props) => { props.metadata.name = "reporting-api-v2"; });
        const stack = [...stackWith(withoutReadiness), { ...second, urn: `${second.urn}-v2` }];
        assert.deepEqual(await stackMessages(policy, stack), [
            'Deployment teei/reporting-api container "reporting-api" has no readinessProbe, so Services teei/reporting-api and teei/reporting-api-v2 send it traffic before it is ready, and a rolling update counts it available at once. Add a readinessProbe that passes only when it can serve (httpGet on its health endpoint; grpc, tcpSocket or exec for other protocols).',
        ]);
    });

    it("tells a Deployment no Service selects what is true for it: only its rollout is at stake", async () => {
        assert.deepEqual(await stackMessages(policy, stackWithout("Service").map((r) => (r.urn === withoutReadiness.urn ? withoutReadiness : r))), [
            'Deployment teei/reporting-api container "reporting-api" has no readinessProbe, so a rolling update counts each new pod available as soon as it starts, even one that cannot do its work (no Service selects its pods, so no traffic is at stake). Add a readinessProbe that succeeds only once it can do its work (exec, grpc, tcpSocket or httpGet).',
        ]);
    });

    it("does not count a Service whose selector misses a pod label, or that lives in another namespace", async () => {
        const expected = [
            'Deployment teei/reporting-api container "reporting-api" has no readinessProbe, so a rolling update counts each new pod available as soon as it starts, even one that cannot do its work (no Service selects its pods, so no traffic is at stake). Add a readinessProbe that succeeds only once it can do its work (exec, grpc, tcpSocket or httpGet).',
        ];
        const otherLabel = service((props) => { props.spec.selector = { "app.kubernetes.io/name": "reporting-api", tier: "web" }; });
        assert.deepEqual(await stackMessages(policy, stackWith(withoutReadiness, otherLabel)), expected);
        const otherNamespace = service((props) => { props.metadata.namespace = "other"; });
        assert.deepEqual(await stackMessages(policy, stackWith(withoutReadiness, otherNamespace)), expected);
        const noSelector = service((props) => { delete props.spec.selector; });
        assert.deepEqual(await stackMessages(policy, stackWith(withoutReadiness, noSelector)), expected);
    });

    it("asks no readinessProbe of a bare Pod no Service selects, which has neither traffic nor a rollout", async () => {
        const bare = pod((spec) => { delete spec.containers[0].readinessProbe; });
        assert.deepEqual(await stackMessages(policy, [...stackWithout("Service"), bare]), []);
    });

    it("refuses a bare Pod without a readinessProbe that a Service selects, without speaking of a rollout", async () => {
        const bare = pod((spec) => { delete spec.containers[0].readinessProbe; });
        assert.deepEqual(await stackMessages(policy, [...compliantStack(), bare]), [
            'Pod teei/debug container "reporting-api" has no readinessProbe, so Service teei/reporting-api sends it traffic before it is ready. Add a readinessProbe that passes only when it can serve (httpGet on its health endpoint; grpc, tcpSocket or exec for other protocols).',
        ]);
    });

    it("refuses a container without a livenessProbe, whether or not a Service selects it", async () => {
        const d = deployment((spec) => { delete spec.containers[0].livenessProbe; });
        assert.deepEqual(await stackMessages(policy, stackWith(d)), [noLiveness()]);
        assert.deepEqual(await stackMessages(policy, stackWithout("Service").map((r) => (r.urn === d.urn ? d : r))), [noLiveness()]);
    });

    it("does not ask probes of init containers or of Jobs", async () => {
        const d = deployment((spec) => { spec.initContainers = [{ name: "migrate", image: "ghcr.io/teei/migrate:v1.0.0" }]; });
        assert.deepEqual(await stackMessages(policy, stackWith(d)), []);
        const job = resource("kubernetes:batch/v1:Job", "export", { metadata: { name: "export", namespace: "teei" }, spec: { template: { spec: { containers: [{ name: "export", image: "export:v1" }] } } } });
        assert.deepEqual(await stackMessages(policy, stackWith(job)), []);
        assert.deepEqual(await stackNotApplicable(policy, [job]), [policy.name]);
    });

    it("judges a DaemonSet's containers like a Deployment's", async () => {
        const ds = resource("kubernetes:apps/v1:DaemonSet", "agent", { metadata: { name: "agent", namespace: "teei" }, spec: { template: { spec: { containers: [{ name: "agent", image: "agent:v1", readinessProbe: { tcpSocket: { port: 9000 } } }] } } } });
        assert.deepEqual(await stackMessages(policy, [ds]), [noLiveness("DaemonSet teei/agent", 'container "agent"')]);
    });

    it("cannot pass silently when a probe is unknown during preview", async () => {
        const d = deployment((spec) => { spec.containers[0].livenessProbe = UNKNOWN; });
        const [message, ...rest] = await stackMessages(policy, stackWith(d));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-container-missing-probes'.*during preview: string value at \.spec\.template\.spec\.containers\.0\.livenessProbe can't be known during preview/);
    });

    it("is not applicable to a stack without serving workloads, and gives no violation", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket()]), [policy.name]);
        assert.deepEqual(await stackMessages(policy, [bucket()]), []);
        assert.deepEqual(await stackNotApplicable(policy, compliantStack()), []);
    });
});
