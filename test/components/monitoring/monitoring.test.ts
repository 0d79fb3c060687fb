import { strict as assert } from "node:assert";
import { Monitoring } from "../../../components/monitoring";
import { gcpTypes } from "../../../policies/monitoring";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { minimalArgs, secretValue, stackMonitoringArgs } from "./fixtures";
import { inputsOf, named, ofType, recordStack } from "./harness";

/* eslint-disable @typescript-eslint/no-explicit-any -- inputs are checked as plain JSON */
const channelTypesOf = (resources: EngineResource[], alert: EngineResource) =>
    (alert.propertyDependencies["notificationChannels"] ?? []).map((urn) => resources.find((r) => r.urn === urn)?.inputs["type"]).sort();

describe("Monitoring (under Pulumi mocks)", () => {
    let production: EngineResource[];
    let staging: EngineResource[];
    before(async () => {
        production = await recordStack(() => new Monitoring("monitoring", stackMonitoringArgs("production")));
        staging = await recordStack(() => new Monitoring("monitoring", stackMonitoringArgs("staging")));
    });

    it("declares 38 alert policies for the production example: 7 per service, 2 more per public host, 3 platform, 3 Firestore", () => {
        const signals = ofType(production, gcpTypes.alertPolicy).map((a) => `${inputsOf(a).userLabels.service}/${inputsOf(a).userLabels.signal}`);
        assert.equal(signals.length, 38);
        assert.equal(new Set(signals).size, 38);
        for (const s of ["reporting-api", "q2q-pipeline", "notification-service", "export-service"]) {
            for (const signal of ["error-rate", "latency", "platform-down", "burn-rate-fast", "burn-rate-medium", "burn-rate-slow", "heartbeat"]) assert.ok(signals.includes(`${s}/${signal}`), `${s}/${signal}`);
        }
        for (const s of ["reporting-api", "export-service"]) for (const signal of ["uptime", "request-volume"]) assert.ok(signals.includes(`${s}/${signal}`));
        assert.deepEqual(signals.filter((s) => s.startsWith("platform/") || s.startsWith("firestore/")).sort(), [
            "firestore/firestore-needs-index", "firestore/firestore-reads", "firestore/firestore-rules-denied",
            "platform/cache-hit-ratio", "platform/connection-pool", "platform/queue-depth",
        ]);
    });

    it("declares an SLO, a dashboard and a PodMonitoring per service, uptime checks for the two public hosts and a launch-day overview", () => {
        assert.equal(ofType(production, gcpTypes.customService).length, 4);
        assert.equal(ofType(production, gcpTypes.slo).length, 4);
        assert.equal(ofType(production, gcpTypes.dashboard).length, 5);
        assert.equal(ofType(production, "kubernetes:monitoring.googleapis.com/v1:PodMonitoring").length, 4);
        assert.deepEqual(ofType(production, gcpTypes.uptimeCheck).map((c) => inputsOf(c).monitoredResource.labels.host).sort(), ["api.teei.example.com", "cockpit.teei.example.com"]);
        assert.equal(ofType(production, gcpTypes.logMetric).length, 1);
        assert.equal(inputsOf(named(production, "monitoring-scrape")).metadata.name, "allow-metrics-scrape");
    });

    it("routes production P0 and P1 to PagerDuty and Slack, P2 to Slack and P3 to email", () => {
        assert.deepEqual(channelTypesOf(production, named(production, "reporting-api-platform-down")), ["pagerduty", "slack"]);
        assert.deepEqual(channelTypesOf(production, named(production, "q2q-pipeline-error-rate")), ["pagerduty", "slack"]);
        assert.deepEqual(channelTypesOf(production, named(production, "q2q-pipeline-latency")), ["slack"]);
        assert.deepEqual(channelTypesOf(production, named(production, "q2q-pipeline-burn-rate-slow")), ["email"]);
    });

    it("gives staging the same alerts, every one routed to Slack only", () => {
        const names = (rs: EngineResource[]) => ofType(rs, gcpTypes.alertPolicy).map((a) => a.urn.split("::").pop()).sort();
        assert.deepEqual(names(staging), names(production));
        assert.deepEqual(ofType(staging, gcpTypes.notificationChannel).map((c) => inputsOf(c).type), ["slack"]);
        for (const a of ofType(staging, gcpTypes.alertPolicy)) assert.deepEqual(channelTypesOf(staging, a), ["slack"], a.urn);
        assert.equal(inputsOf(named(staging, "reporting-api-error-rate")).conditions[0].conditionThreshold.thresholdValue, 0.05);
    });

    it("puts the PagerDuty key and Slack token only in sensitiveLabels, as secrets", () => {
        const pagerduty = named(production, "monitoring-channels-pagerduty");
        const slack = named(production, "monitoring-channels-slack");
        assert.equal(inputsOf(pagerduty).labels, undefined);
        assert.deepEqual(inputsOf(slack).labels, { channel_name: "#launch-war-room" });
        const secret = (v: any) => v?.["4dabf18193072939515e22adb298388d"] === "1b47061264138c4ac30d75fd1eb44270";
        assert.ok(secret(inputsOf(pagerduty).sensitiveLabels.serviceKey));
        assert.equal(inputsOf(pagerduty).sensitiveLabels.serviceKey.value, secretValue("pagerdutyIntegrationKey"));
        assert.ok(secret(inputsOf(slack).sensitiveLabels.authToken));
        const elsewhere = production.filter((r) => !r.type.includes("notificationChannel")).map((r) => JSON.stringify(r.inputs)).join("\n");
        assert.ok(!elsewhere.includes("do-not-leak"));
    });

    it("names every alert's runbook and keeps every filter and query known at preview", () => {
        for (const a of ofType(production, gcpTypes.alertPolicy)) {
            assert.equal(inputsOf(a).documentation.links[0].url, `https://runbooks.teei.example.com/golive/${inputsOf(a).userLabels.signal}`);
            assert.ok(!JSON.stringify(inputsOf(a).conditions).includes("04da6b54-80e4-46f7-96ec-b56ff0331ba9"), a.urn);
        }
    });

    it("makes burn-rate alerts wait for their SLO and the needs-index alert for its log metric", () => {
        assert.ok(named(production, "export-service-burn-rate-fast").dependencies.includes(named(production, "export-service-availability").urn));
        assert.ok(named(production, "firestore-firestore-needs-index").dependencies.includes(named(production, "monitoring-firestore-needs-index").urn));
    });

    it("declares no Kubernetes object when scraping is off, and no platform alerts when they are off", async () => {
        const rs = await recordStack(() => new Monitoring("bare", minimalArgs({ scrape: false, platform: false })));
        assert.deepEqual(rs.filter((r) => r.type.startsWith("kubernetes:")), []);
        assert.ok(!ofType(rs, gcpTypes.alertPolicy).some((a) => inputsOf(a).userLabels.service === "platform"));
    });
});
