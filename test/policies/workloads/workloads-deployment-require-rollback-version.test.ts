import { strict as assert } from "node:assert";
import { workloadsDeploymentRequireRollbackVersion as policy } from "../../../policies/workloads";
import { messages, notApplicable, notApplicableReasons, UNKNOWN } from "../harness";
import { deployment, hpa } from "./fixtures";

/** The production Deployment as golive plans it at launch-eve: v2.5.0, rolling back to v2.4.9. */
function launching(change: (annotations: Record<string, string>, container: { image: unknown }) => void = () => undefined) {
    return deployment((spec, props) => {
        props.metadata.annotations = { "golive.dev/launch-phase": "launch-eve", "golive.dev/rollback-to": "v2.4.9" };
        change(props.metadata.annotations, spec.containers[0]);
    });
}

const fix = "Set `reporting-api: <previous version>` under golive:launch.rollbackTo in the stack file (the release running before this launch, older than v2.5.0).";

describe("workloads-deployment-require-rollback-version", () => {
    it("passes a service launching v2.5.0 that rolls back to v2.4.9", async () => {
        assert.deepEqual(await messages(policy, launching()), []);
    });

    it("judges every phase from launch-eve on", async () => {
        for (const phase of ["launch", "post-launch", "stable"]) {
            const d = launching((a) => { delete a["golive.dev/rollback-to"]; a["golive.dev/launch-phase"] = phase; });
            assert.equal((await messages(policy, d)).length, 1, phase);
        }
    });

    it("passes a pre-release of the same version, which is older", async () => {
        assert.deepEqual(await messages(policy, launching((a) => { a["golive.dev/rollback-to"] = "v2.5.0-rc.2"; })), []);
    });

    it("asks only for a different version when the versions are not semantic", async () => {
        const d = launching((a, c) => { c.image = "ghcr.io/teei/reporting-api:sha-3f2a9c1"; a["golive.dev/rollback-to"] = "sha-19be0d4"; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("refuses a service with no rollback version", async () => {
        const d = launching((a) => { delete a["golive.dev/rollback-to"]; });
        assert.deepEqual(await messages(policy, d), [`Deployment teei/reporting-api launches v2.5.0 at phase launch-eve, but no rollback version is declared. ${fix}`]);
    });

    it("refuses a rollback version equal to the version being launched", async () => {
        const d = launching((a) => { a["golive.dev/rollback-to"] = "v2.5.0"; });
        assert.deepEqual(await messages(policy, d), [`Deployment teei/reporting-api launches v2.5.0 at phase launch-eve, but the rollback version "v2.5.0" is the version being launched, so a rollback would change nothing. ${fix}`]);
    });

    it("refuses a rollback version newer than the version being launched", async () => {
        const d = launching((a) => { a["golive.dev/rollback-to"] = "v2.6.0"; });
        assert.deepEqual(await messages(policy, d), [`Deployment teei/reporting-api launches v2.5.0 at phase launch-eve, but the rollback version "v2.6.0" is newer than v2.5.0, so rolling back would move forward instead. ${fix}`]);
    });

    it("refuses the same release written another way", async () => {
        const d = launching((a) => { a["golive.dev/rollback-to"] = "2.5.0"; });
        assert.deepEqual(await messages(policy, d), [`Deployment teei/reporting-api launches v2.5.0 at phase launch-eve, but the rollback version "2.5.0" is the same release as v2.5.0, so a rollback would change nothing. ${fix}`]);
    });

    it("compares a digest-pinned image by its digest", async () => {
        const digest = `sha256:${"a".repeat(64)}`;
        const d = launching((a, c) => { c.image = `ghcr.io/teei/reporting-api@${digest}`; a["golive.dev/rollback-to"] = digest; });
        assert.match((await messages(policy, d))[0] ?? "", /is the version being launched, so a rollback would change nothing/);
    });

    it("cannot pass silently when the image is unknown during preview", async () => {
        const [message, ...rest] = await messages(policy, launching((_a, c) => { c.image = UNKNOWN; }));
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-deployment-require-rollback-version'.*during preview: string value at \.spec\.template\.spec\.containers\.0\.image can't be known during preview/);
    });

    it("does not judge a launch before launch-eve, a Deployment golive did not plan, or another kind", async () => {
        const early = launching((a) => { a["golive.dev/launch-phase"] = "pre-launch"; delete a["golive.dev/rollback-to"]; });
        assert.deepEqual(await notApplicableReasons(policy, early), [{
            policy: policy.name,
            reason: "applies only to Kubernetes Deployments golive planned at launch phase launch-eve or later (annotation golive.dev/launch-phase), not kubernetes:apps/v1:Deployment",
        }]);
        assert.deepEqual(await messages(policy, early), []);
        assert.deepEqual(await notApplicable(policy, deployment()), [policy.name]);
        assert.deepEqual(await notApplicable(policy, hpa()), [policy.name]);
        assert.deepEqual(await notApplicable(policy, launching()), []);
    });
});
