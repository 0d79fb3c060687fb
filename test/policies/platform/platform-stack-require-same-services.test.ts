import { strict as assert } from "node:assert";
import { platformStackRequireSameServices } from "../../../policies/platform/platform-stack-require-same-services";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { resource, stackMessages, stackNotApplicable } from "../harness";
import { stackPolicyWithConfig } from "../workloads/config";

const deployment = (name: string, track = "stable"): EngineResource =>
    resource("kubernetes:apps/v1:Deployment", track === "canary" ? `${name}-canary` : name, {
        apiVersion: "apps/v1", kind: "Deployment",
        metadata: { name: track === "canary" ? `${name}-canary` : name, namespace: "teei", labels: { "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "golive", "golive.dev/track": track } },
    });

const policy = (peerServices: string[]) => stackPolicyWithConfig(platformStackRequireSameServices, { peerStack: "staging", peerServices });
const production = () => [deployment("reporting-api"), deployment("export-service"), deployment("export-service", "canary")];

describe("platform-stack-require-same-services", () => {
    it("passes when the peer stack declares the same services (a canary is no service of its own)", async () => {
        assert.deepEqual(await stackMessages(policy(["reporting-api", "export-service"]), production()), []);
    });

    it("fails a service this stack declares and the peer does not", async () => {
        assert.deepEqual(await stackMessages(policy(["reporting-api"]), production()), [
            "export-service is declared in this stack but not in staging, so it would reach users without running on the other tier first. Declare it in Pulumi.staging.yaml too and add it to peerServices.",
        ]);
    });

    it("fails services the peer declares and this stack does not", async () => {
        assert.deepEqual(await stackMessages(policy(["reporting-api", "export-service", "ledger", "q2q-pipeline"]), production()), [
            "ledger and q2q-pipeline are declared in staging but not in this stack, so the tiers have drifted apart. Declare them here too, or remove them from staging and from peerServices.",
        ]);
    });

    it("judges nothing in a stack without golive services", async () => {
        const theirs = resource("kubernetes:apps/v1:Deployment", "web", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", labels: { "app.kubernetes.io/name": "web" } } });
        assert.deepEqual(await stackNotApplicable(policy(["web"]), [theirs]), ["platform-stack-require-same-services"]);
    });

    it("judges nothing without a configured peer", async () => {
        assert.deepEqual(await stackNotApplicable(platformStackRequireSameServices, production()), ["platform-stack-require-same-services"]);
    });
});
