import { strict as assert } from "node:assert";
import { parseStackConfig } from "../../config";
import { workloadsArgs } from "../../program";
import { rawConfig } from "../config/stack-files";

describe("the Workloads args index.ts builds from the stack config", () => {
    const config = parseStackConfig(rawConfig("production"), () => false, "Pulumi.production.yaml", "production");
    const args = workloadsArgs(config, (key) => `secret:${key}`);

    it("passes each service's settings through and resolves secret names to their values", () => {
        const api = args.services.find((s) => s.name === "reporting-api")!;
        assert.equal(api.image, "ghcr.io/teei/reporting-api:v2.5.0");
        assert.deepEqual(api.secretEnv, { DATABASE_URL: "secret:reportingApiDatabaseUrl" });
        assert.equal(args.namespace, "teei");
        assert.equal(args.environment, "production");
    });

    it("gives each service the stack config key it is declared at, and the platform objects theirs", () => {
        assert.deepEqual(args.services.map((s) => [s.name, s.configPath]), [
            ["reporting-api", "golive:services[0]"],
            ["q2q-pipeline", "golive:services[1]"],
            ["notification-service", "golive:services[2]"],
            ["export-service", "golive:services[3]"],
        ]);
        assert.deepEqual(args.configKeys, { namespace: "golive:cluster.namespace", featureFlags: "golive:featureFlags", domain: "golive:domain" });
    });

    it("hands the launch phase to Workloads and each service its rollback version", () => {
        assert.equal(args.launchPhase, "pre-launch");
        assert.deepEqual(args.services.map((s) => [s.name, s.rollbackTo]), [
            ["reporting-api", "v2.4.9"], ["q2q-pipeline", "v1.8.1"], ["notification-service", "v1.3.0"], ["export-service", "v2.0.3"],
        ]);
    });

    it("turns a service's private egress into a NetworkPolicy egress rule", () => {
        const api = args.services.find((s) => s.name === "reporting-api")!;
        assert.deepEqual(api.extraEgress, [{ to: [{ ipBlock: { cidr: "10.20.0.5/32" } }], ports: [{ port: 5432, protocol: "TCP" }] }]);
        assert.deepEqual(args.services.find((s) => s.name === "q2q-pipeline")!.extraEgress, []);
    });
});
