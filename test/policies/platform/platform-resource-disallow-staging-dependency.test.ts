import { strict as assert } from "node:assert";
import { platformResourceDisallowStagingDependency } from "../../../policies/platform/platform-resource-disallow-staging-dependency";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { messages, notApplicable, resource as bare } from "../harness";

/** A resource as golive declares it: a child of one of its components. */
function resource(type: string, name: string, inputs: Record<string, unknown>): EngineResource {
    return bare(type, name, inputs, { urn: `urn:pulumi:production::golive::golive:monitoring:Monitoring$${type}::${name}` });
}
import { resourcePolicyWithConfig } from "../workloads/config";

const policy = resourcePolicyWithConfig(platformResourceDisallowStagingDependency, { stagingIdentifiers: ["teei-csr-staging", "staging.teei.example.com", "teei-staging"] });
const fix = "Point it at the production stack's own resource (its project, domain, cluster, or a StackReference to a production stack); a production stack never reads from staging.";

const alert = (project: string, doc: string) =>
    resource("gcp:monitoring/alertPolicy:AlertPolicy", "reporting-api-error-rate", { project, displayName: "reporting-api error rate", documentation: { content: doc, links: [{ url: "https://runbooks.teei.example.com/golive/error-rate" }] } });

describe("platform-resource-disallow-staging-dependency", () => {
    it("passes a production resource that names only production", async () => {
        assert.deepEqual(await messages(policy, alert("teei-csr-prod", "see https://api.teei.example.com/health")), []);
    });

    it("fails a resource whose project is the staging project, naming the property but not its value", async () => {
        assert.deepEqual(await messages(policy, alert("teei-csr-staging", "ok")), [`gcp:monitoring/alertPolicy:AlertPolicy reporting-api-error-rate names the staging stack's "teei-csr-staging" in project. ${fix}`]);
    });

    it("fails a nested property that names the staging domain", async () => {
        assert.deepEqual(await messages(policy, alert("teei-csr-prod", "check https://api.staging.teei.example.com/health first")), [
            `gcp:monitoring/alertPolicy:AlertPolicy reporting-api-error-rate names the staging stack's "staging.teei.example.com" in documentation.content. ${fix}`,
        ]);
    });

    it("fails a StackReference to a staging stack, and passes one to a production stack", async () => {
        assert.deepEqual(await messages(policy, resource("pulumi:pulumi:StackReference", "shared", { name: "teei/golive/staging" })), [
            `StackReference shared reads stack "teei/golive/staging", a staging stack (only production and production-* are production). ${fix}`,
        ]);
        assert.deepEqual(await messages(policy, resource("pulumi:pulumi:StackReference", "shared", { name: "teei/network/production-eu" })), []);
    });

    it("does not judge a resource golive did not declare", async () => {
        assert.deepEqual(await notApplicable(policy, bare("gcp:monitoring/alertPolicy:AlertPolicy", "theirs", { project: "teei-csr-staging" })), ["platform-resource-disallow-staging-dependency"]);
    });

    it("judges nothing where no staging identifiers are configured", async () => {
        assert.deepEqual(await notApplicable(platformResourceDisallowStagingDependency, alert("teei-csr-staging", "ok")), ["platform-resource-disallow-staging-dependency"]);
    });
});
