import { strict as assert } from "node:assert";
import { parseStackConfig } from "../../config";
import { edgeArgs } from "../../program";
import { editedProduction, rawConfig } from "../config/stack-files";

describe("the Edge args index.ts builds from the stack config", () => {
    const config = parseStackConfig(rawConfig("production"), () => false, "Pulumi.production.yaml", "production");
    const args = edgeArgs(config)!;

    it("takes the zone, the domain and the public services' hosts and health paths", () => {
        assert.equal(args.environment, "production");
        assert.equal(args.zoneId, "3f1c9a0b7d2e4c6f8a1b3d5e7f9a0c2e");
        assert.equal(args.domain, "teei.example.com");
        assert.deepEqual(args.services, [{ host: "api", healthPath: "/health" }, { host: "cockpit", healthPath: "/health" }]);
    });

    it("names the reserved address after the cluster, unless the config names it", () => {
        assert.equal(args.addressName, "teei-prod-gateway");
        const named = parseStackConfig(editedProduction("edge", (e) => ({ ...e, addressName: "teei-lb" })), () => false, "Pulumi.production.yaml", "production");
        assert.equal(edgeArgs(named)!.addressName, "teei-lb");
    });

    it("derives the frontend bucket from the project and its location from the region", () => {
        assert.deepEqual(args.static, { host: "static", bucket: "teei-csr-prod-static", location: "EUROPE-WEST1", activeRelease: "v2.5.0", previousRelease: "v2.4.9", uploaderCidrs: ["203.0.113.16/28"] });
    });

    it("declares no edge for a stack without golive:edge", () => {
        const raw = rawConfig("production");
        delete raw["golive:edge"];
        assert.equal(edgeArgs(parseStackConfig(raw, () => false, "Pulumi.production.yaml", "production")), undefined);
    });
});
