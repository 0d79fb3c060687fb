import { strict as assert } from "node:assert";
import { workloadsContainerMissingResources as policy } from "../../../policies/workloads";
import { messages, notApplicable, resource, UNKNOWN } from "../harness";
import { bucket, deployment, plannedFrom } from "./fixtures";

const fix = "Set resources.requests.cpu, resources.requests.memory and resources.limits.memory (e.g. requests {cpu: 250m, memory: 256Mi}, limits {memory: 512Mi}).";

describe("workloads-container-missing-resources", () => {
    it("passes a Deployment with cpu and memory requests and limits", async () => {
        assert.deepEqual(await messages(policy, deployment()), []);
    });

    it("passes a container without a cpu limit, which is not required", async () => {
        const d = deployment((spec) => { delete spec.containers[0].resources.limits.cpu; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("refuses a missing cpu request", async () => {
        const d = deployment((spec) => { delete spec.containers[0].resources.requests.cpu; });
        assert.deepEqual(await messages(policy, d), [`container "reporting-api" resources are incomplete: resources.requests.cpu is not set. ${fix}`]);
    });

    it("refuses a missing memory request", async () => {
        const d = deployment((spec) => { delete spec.containers[0].resources.requests.memory; });
        assert.deepEqual(await messages(policy, d), [`container "reporting-api" resources are incomplete: resources.requests.memory is not set. ${fix}`]);
    });

    it("refuses a missing memory limit", async () => {
        const d = deployment((spec) => { delete spec.containers[0].resources.limits.memory; });
        assert.deepEqual(await messages(policy, d), [`container "reporting-api" resources are incomplete: resources.limits.memory is not set. ${fix}`]);
    });

    it("refuses a zero request, which reserves nothing", async () => {
        const d = deployment((spec) => { spec.containers[0].resources.requests.cpu = "0m"; });
        assert.deepEqual(await messages(policy, d), [`container "reporting-api" resources are incomplete: resources.requests.cpu is "0m". ${fix}`]);
    });

    it("names the stack config key of the resources for a Deployment golive planned", async () => {
        const d = deployment((spec, props) => { plannedFrom(props, "golive:services[1]"); spec.containers[0].resources.requests.cpu = "0m"; });
        assert.deepEqual(await messages(policy, d), ['container "reporting-api" resources are incomplete: resources.requests.cpu is "0m". Set Pulumi.test.yaml: golive:services[1].resources to non-zero requests {cpu, memory} and limits {memory} (e.g. requests {cpu: 250m, memory: 256Mi}, limits {memory: 512Mi}).']);
    });

    it("lists everything a container without resources lacks, init containers included", async () => {
        const d = deployment((spec) => { spec.initContainers = [{ name: "migrate", image: "ghcr.io/teei/migrate:v1.0.0" }]; });
        assert.deepEqual(await messages(policy, d), [`init container "migrate" resources are incomplete: resources.requests.cpu is not set, resources.requests.memory is not set, resources.limits.memory is not set. ${fix}`]);
    });

    it("judges a StatefulSet's pod template like a Deployment's", async () => {
        const sts = resource("kubernetes:apps/v1:StatefulSet", "redis", {
            spec: { template: { spec: { containers: [{ name: "redis", image: "redis:7.2", resources: { requests: { cpu: "100m" } } }] } } },
        });
        assert.deepEqual(await messages(policy, sts), [`container "redis" resources are incomplete: resources.requests.memory is not set, resources.limits.memory is not set. ${fix}`]);
    });

    it("cannot pass silently when a request is unknown during preview", async () => {
        const d = deployment((spec) => { spec.containers[0].resources.requests.memory = UNKNOWN; });
        const [message, ...rest] = await messages(policy, d);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-container-missing-resources'.*during preview: string value at \.spec\.template\.spec\.containers\.0\.resources\.requests\.memory can't be known during preview/);
    });

    it("reports a resource that is not a workload as not applicable, without a violation", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await messages(policy, bucket()), []);
        assert.deepEqual(await notApplicable(policy, deployment()), []);
    });
});
