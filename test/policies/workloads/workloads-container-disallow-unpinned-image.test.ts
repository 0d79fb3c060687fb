import { strict as assert } from "node:assert";
import { workloadsContainerDisallowUnpinnedImage as policy } from "../../../policies/workloads";
import { messages, resource, UNKNOWN } from "../harness";
import { deployment } from "./fixtures";

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
});
