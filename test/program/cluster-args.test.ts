import { strict as assert } from "node:assert";
import { parseStackConfig } from "../../config";
import { clusterProviderArgs } from "../../program";
import { editedProduction, rawConfig } from "../config/stack-files";

describe("the Kubernetes provider args index.ts builds from the stack config", () => {
    it("targets the stack's kubeconfig context, with server-side apply", () => {
        const config = parseStackConfig(rawConfig("production"), () => false, "Pulumi.production.yaml", "production");
        assert.deepEqual(clusterProviderArgs(config, () => assert.fail("no secret is read")), {
            context: "gke_teei-csr-prod_europe-west1_teei-prod", kubeconfig: undefined, enableServerSideApply: true,
        });
    });

    it("reads a whole kubeconfig from the secret the stack names", () => {
        const raw = editedProduction("cluster", (c) => ({ ...c, context: undefined, kubeconfigSecret: "prodKubeconfig" }));
        const config = parseStackConfig(raw, (k) => k === "golive:prodKubeconfig", "Pulumi.production.yaml", "production");
        assert.equal(clusterProviderArgs(config, (key) => `secret:${key}`).kubeconfig, "secret:prodKubeconfig");
    });
});
