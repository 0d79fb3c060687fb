import { strict as assert } from "node:assert";
import { workloadsCanaryRequireSameImage as policy } from "../../../policies/workloads";
import { imageRepository } from "../../../policies/lib";
import { stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { bucket, canaryDeployment, compliantStack, deployment, plannedFrom, stackWith } from "./fixtures";

const canary = "Deployment teei/reporting-api-canary";
const stable = "Deployment teei/reporting-api";

describe("workloads-canary-require-same-image", () => {
    it("passes a canary of the same repository at the next version", async () => {
        assert.deepEqual(await stackMessages(policy, stackWith(canaryDeployment())), []);
    });

    it("passes a stack without canaries", async () => {
        assert.deepEqual(await stackMessages(policy, compliantStack()), []);
    });

    it("passes a canary pinned by digest", async () => {
        const c = canaryDeployment((spec) => { spec.containers[0].image = `ghcr.io/teei/reporting-api@sha256:${"b".repeat(64)}`; });
        assert.deepEqual(await stackMessages(policy, stackWith(c)), []);
    });

    it("refuses a canary image from another repository", async () => {
        const c = canaryDeployment((spec) => { spec.containers[0].image = "ghcr.io/teei/reporting-worker:v2.6.0"; });
        assert.deepEqual(await stackMessages(policy, stackWith(c)), [
            `${canary} container "reporting-api" image "ghcr.io/teei/reporting-worker:v2.6.0" is from repository ghcr.io/teei/reporting-worker, not ghcr.io/teei/reporting-api like stable ${stable} ("ghcr.io/teei/reporting-api:v2.5.0"), so it is another artifact, not another version. Use ghcr.io/teei/reporting-api with the new tag or digest.`,
        ]);
    });

    it("names the stack config key of the canary image for a canary golive planned", async () => {
        const c = canaryDeployment((spec, props) => { plannedFrom(props); spec.containers[0].image = "ghcr.io/teei/reporting-worker:v2.6.0"; });
        assert.deepEqual(await stackMessages(policy, stackWith(c)), [
            `${canary} container "reporting-api" image "ghcr.io/teei/reporting-worker:v2.6.0" is from repository ghcr.io/teei/reporting-worker, not ghcr.io/teei/reporting-api like stable ${stable} ("ghcr.io/teei/reporting-api:v2.5.0"), so it is another artifact, not another version. Use ghcr.io/teei/reporting-api with the new tag or digest in Pulumi.test.yaml: golive:services[0].canary.image.`,
        ]);
    });

    it("refuses the same name from another registry", async () => {
        const c = canaryDeployment((spec) => { spec.containers[0].image = "docker.io/teei/reporting-api:v2.6.0"; });
        assert.deepEqual(await stackMessages(policy, stackWith(c)), [
            `${canary} container "reporting-api" image "docker.io/teei/reporting-api:v2.6.0" is from repository docker.io/teei/reporting-api, not ghcr.io/teei/reporting-api like stable ${stable} ("ghcr.io/teei/reporting-api:v2.5.0"), so it is another artifact, not another version. Use ghcr.io/teei/reporting-api with the new tag or digest.`,
        ]);
    });

    it("refuses a canary with a container the stable Deployment lacks", async () => {
        const c = canaryDeployment((spec) => { spec.containers.push({ name: "debug", image: "busybox:1.36" }); });
        assert.deepEqual(await stackMessages(policy, stackWith(c)), [
            `${canary} container "debug" has no counterpart in stable ${stable}, so the canary is not the same service. Give the canary exactly the stable Deployment's containers.`,
        ]);
    });

    it("refuses a canary that lacks a container of the stable Deployment", async () => {
        const s = deployment((spec) => { spec.initContainers = [{ name: "migrate", image: "ghcr.io/teei/migrate:v1.0.0" }]; });
        assert.deepEqual(await stackMessages(policy, stackWith(s, canaryDeployment())), [
            `${canary} lacks init container "migrate" of stable ${stable}, so the canary is not the same service. Give the canary exactly the stable Deployment's containers.`,
        ]);
    });

    it("refuses a canary that does not name its stable Deployment", async () => {
        const c = canaryDeployment((_, props) => { delete props.metadata.labels["golive.dev/canary-of"]; });
        assert.deepEqual(await stackMessages(policy, stackWith(c)), [
            `${canary} is labelled golive.dev/track: canary but has no golive.dev/canary-of label, so nothing ties it to the release it is a canary of. Set label golive.dev/canary-of to the stable Deployment's name.`,
        ]);
    });

    it("refuses a canary whose stable Deployment is not in the stack", async () => {
        const c = canaryDeployment((_, props) => { props.metadata.labels["golive.dev/canary-of"] = "reporting"; });
        assert.deepEqual(await stackMessages(policy, stackWith(c)), [
            `${canary} names "reporting" in golive.dev/canary-of, but there is no Deployment teei/reporting in the stack. Point golive.dev/canary-of at the stable Deployment in namespace "teei".`,
        ]);
    });

    it("resolves Docker Hub short names the way the runtime does", () => {
        assert.equal(imageRepository("nginx:1.27"), "docker.io/library/nginx");
        assert.equal(imageRepository("docker.io/library/nginx:1.28"), "docker.io/library/nginx");
        assert.equal(imageRepository("bitnami/redis@sha256:abc"), "docker.io/bitnami/redis");
        assert.equal(imageRepository("registry.local:5000/app:v1"), "registry.local:5000/app");
        assert.equal(imageRepository("localhost/app"), "localhost/app");
    });

    it("cannot pass silently when the canary image is unknown during preview", async () => {
        const c = canaryDeployment((spec) => { spec.containers[0].image = UNKNOWN; });
        const [message, ...rest] = await stackMessages(policy, stackWith(c));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-canary-require-same-image'.*during preview: string value at \.spec\.template\.spec\.containers\.0\.image can't be known during preview/);
    });

    it("is not applicable to a stack without a canary Deployment, and gives no violation", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket()]), [policy.name]);
        assert.deepEqual(await stackMessages(policy, [bucket()]), []);
        assert.deepEqual(await stackNotApplicable(policy, compliantStack()), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, stackWith(canaryDeployment())), []);
    });
});
