import { strict as assert } from "node:assert";
import { parseStackConfig } from "../../config";
import { monitoringArgs } from "../../program";
import { editedProduction, rawConfig } from "../config/stack-files";

describe("the Monitoring args index.ts builds from the stack config", () => {
    const config = parseStackConfig(rawConfig("production"), () => false, "Pulumi.production.yaml", "production");
    const args = monitoringArgs(config, (key) => `secret:${key}`);

    it("watches every declared service, with its port, host and health path", () => {
        assert.deepEqual(args.services.map((s) => [s.name, s.port, s.host, s.healthPath]), [
            ["reporting-api", 8080, "api", "/health"], ["q2q-pipeline", 8080, undefined, "/health"],
            ["notification-service", 8080, undefined, "/health"], ["export-service", 8080, "cockpit", "/health"],
        ]);
        assert.deepEqual([args.project, args.cluster, args.namespace, args.domain, args.environment], ["teei-csr-prod", "teei-prod", "teei", "teei.example.com", "production"]);
    });

    it("resolves the PagerDuty key and Slack token to their secret values", () => {
        assert.deepEqual(args.channels, {
            pagerduty: { serviceKey: "secret:pagerdutyIntegrationKey" },
            slack: { channel: "#launch-war-room", authToken: "secret:slackToken" },
            email: ["sre-tickets@teei.example.com"],
        });
    });

    it("turns the uptime period and the SLO percentage into the component's units", () => {
        assert.equal(args.uptimePeriodSeconds, 60);
        assert.equal(args.sloGoal, 0.999);
        assert.deepEqual(args.firestore, { databaseId: "(default)", readOpsPerSecond: 200, rulesDeniedPercent: 5 });
        assert.deepEqual(args.platform, { queueDepthMax: 100, cacheHitMinPercent: 50, connectionPoolMaxPercent: 80 });
    });

    it("applies a service's overrides to that service only, and drops the platform alerts when disabled", () => {
        const raw = editedProduction("alerting", (a) => ({ ...a, platform: { enabled: false }, services: { "q2q-pipeline": { latencyP95Ms: 800, prometheus: { statusLabel: "status_code" } } } }));
        const edited = monitoringArgs(parseStackConfig(raw, () => false, "Pulumi.production.yaml", "production"), (key) => key);
        assert.deepEqual(edited.services.find((s) => s.name === "q2q-pipeline"), { name: "q2q-pipeline", port: 8080, host: undefined, healthPath: "/health", latencyP95Ms: 800, prometheus: { statusLabel: "status_code" } });
        assert.equal(edited.services.find((s) => s.name === "reporting-api")!.latencyP95Ms, undefined);
        assert.equal(edited.platform, false);
    });
});
