import { strict as assert } from "node:assert";
import { workloadsContainerDisallowUnpinnedImage as policy } from "../../../policies/workloads";
import { messages, notApplicable, resource, UNKNOWN } from "../harness";
import { bucket, canaryDeployment, deployment, deploymentAt, plannedFrom } from "./fixtures";

const fix = "Pin a version tag (registry/app:v2.5.0) or a digest (registry/app@sha256:...).";

describe("workloads-container-disallow-unpinned-image", () => {
    it("passes a Deployment whose image has a version tag", async () => {
        assert.deepEqual(await messages(policy, deployment()), []);
    });

    it("passes an image pinned by digest", async () => {
        const d = deployment((spec) => { spec.containers[0].image = `ghcr.io/teei/reporting-api@sha256:${"a".repeat(64)}`; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("does not mistake a registry port for a tag", async () => {
        const d = deployment((spec) => { spec.containers[0].image = "registry.local:5000/reporting-api"; });
        assert.deepEqual(await messages(policy, d), [`container "reporting-api" image "registry.local:5000/reporting-api" is not pinned: it has no tag, so it means latest. ${fix}`]);
    });

    it("refuses the latest tag", async () => {
        const d = deployment((spec) => { spec.containers[0].image = "ghcr.io/teei/reporting-api:latest"; });
        assert.deepEqual(await messages(policy, d), [`container "reporting-api" image "ghcr.io/teei/reporting-api:latest" is not pinned: tag "latest" moves with every push. ${fix}`]);
    });

    it("refuses an init container without a tag", async () => {
        const d = deployment((spec) => { spec.initContainers = [{ name: "migrate", image: "busybox" }]; });
        assert.deepEqual(await messages(policy, d), [`init container "migrate" image "busybox" is not pinned: it has no tag, so it means latest. ${fix}`]);
    });

    it("names the stack config key of the image for a Deployment golive planned, and of the canary's image for its canary", async () => {
        const d = deployment((spec, props) => { plannedFrom(props); spec.containers[0].image = "ghcr.io/teei/reporting-api:latest"; });
        assert.deepEqual(await messages(policy, d), ['container "reporting-api" image "ghcr.io/teei/reporting-api:latest" is not pinned: tag "latest" moves with every push. Pin Pulumi.test.yaml: golive:services[0].image to a version tag (registry/app:v2.5.0) or a digest (registry/app@sha256:...).']);
        const c = canaryDeployment((spec, props) => { plannedFrom(props); spec.containers[0].image = "ghcr.io/teei/reporting-api"; });
        assert.deepEqual(await messages(policy, c), ['container "reporting-api" image "ghcr.io/teei/reporting-api" is not pinned: it has no tag, so it means latest. Pin Pulumi.test.yaml: golive:services[0].canary.image to a version tag (registry/app:v2.5.0) or a digest (registry/app@sha256:...).']);
    });

    it("refuses a malformed digest", async () => {
        const d = deployment((spec) => { spec.containers[0].image = "app@sha256:abc"; });
        assert.deepEqual(await messages(policy, d), [`container "reporting-api" image "app@sha256:abc" is not pinned: digest "sha256:abc" is not a sha256 digest. ${fix}`]);
    });

    it("judges a CronJob's pod template like a Deployment's", async () => {
        const cron = resource("kubernetes:batch/v1:CronJob", "nightly", {
            spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template: { spec: { containers: [{ name: "export", image: "export:latest" }] } } } } },
        });
        assert.deepEqual(await messages(policy, cron), [`container "export" image "export:latest" is not pinned: tag "latest" moves with every push. ${fix}`]);
    });

    it("cannot pass silently when the image is unknown during preview", async () => {
        const d = deployment((spec) => { spec.containers[0].image = UNKNOWN; });
        const [message] = await messages(policy, d);
        assert.match(message ?? "", /can't run policy 'workloads-container-disallow-unpinned-image'.*during preview: string value at \.spec\.template\.spec\.containers\.0\.image can't be known during preview/);
    });

    it("reports a resource that is not a workload as not applicable, without a violation", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await messages(policy, bucket()), []);
        assert.deepEqual(await notApplicable(policy, deployment()), []);
    });

    it("judges an apps/v1beta2 or extensions/v1beta1 Deployment like an apps/v1 one", async () => {
        for (const apiVersion of ["apps/v1beta2", "apps/v1beta1", "extensions/v1beta1"]) {
            const d = deploymentAt(apiVersion, (spec) => { spec.containers[0].image = "nginx:latest"; });
            assert.deepEqual(await notApplicable(policy, d), [], apiVersion);
            assert.deepEqual(await messages(policy, d), [`container "reporting-api" image "nginx:latest" is not pinned: tag "latest" moves with every push. ${fix}`], apiVersion);
        }
    });

    it("judges a batch/v1beta1 CronJob like a batch/v1 one, and leaves a DeploymentPatch alone", async () => {
        const cron = resource("kubernetes:batch/v1beta1:CronJob", "nightly", {
            spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template: { spec: { containers: [{ name: "export", image: "export:latest" }] } } } } },
        });
        assert.deepEqual(await messages(policy, cron), [`container "export" image "export:latest" is not pinned: tag "latest" moves with every push. ${fix}`]);
        // A patch is partial: it is not the Deployment, and its missing fields are not findings.
        const patch = resource("kubernetes:apps/v1:DeploymentPatch", "reporting-api", { spec: { template: { spec: { containers: [{ name: "x", image: "x:latest" }] } } } });
        assert.deepEqual(await notApplicable(policy, patch), [policy.name]);
    });
});
