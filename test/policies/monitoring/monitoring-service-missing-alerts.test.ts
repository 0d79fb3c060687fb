import { strict as assert } from "node:assert";
import { monitoringServiceMissingAlerts as policy, publicServiceSignals, serviceSignals } from "../../../policies/monitoring";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { stackMessages, stackNotApplicable } from "../harness";
import { bucket, deployment, httpRoute, labelledAlert } from "./fixtures";

/** reporting-api (public) and q2q-pipeline (internal), each with every alert it needs. */
function stack(): EngineResource[] {
    return [
        deployment("reporting-api"),
        httpRoute("reporting-api", "api.teei.example.com"),
        deployment("q2q-pipeline"),
        ...[...serviceSignals, ...publicServiceSignals].map((s) => labelledAlert("reporting-api", s)),
        ...serviceSignals.map((s) => labelledAlert("q2q-pipeline", s)),
    ];
}

const without = (resources: EngineResource[], name: string) => resources.filter((r) => !r.urn.endsWith(`::${name}`));

describe("monitoring-service-missing-alerts", () => {
    it("passes services with every alert they need", async () => {
        assert.deepEqual(await stackMessages(policy, stack()), []);
    });

    it("names the service and the signal when an alert is removed", async () => {
        assert.deepEqual(await stackMessages(policy, without(stack(), "q2q-pipeline-latency")), [
            "service \"q2q-pipeline\" (Deployment teei/q2q-pipeline) has no enabled P95 latency alert policy labelled service=q2q-pipeline, so it would launch blind to it. Declare it under golive:services (the monitoring component gives it every alert) and never disable one.",
        ]);
    });

    it("counts a disabled alert as missing, and says so", async () => {
        const resources = stack().map((r) => (r.urn.endsWith("::reporting-api-error-rate") ? labelledAlert("reporting-api", "error-rate", (p) => { p.enabled = false; }) : r));
        assert.deepEqual(await stackMessages(policy, resources), [
            "service \"reporting-api\" (Deployment teei/reporting-api) has no enabled error-rate (its alert policy is disabled) alert policy labelled service=reporting-api, so it would launch blind to it. Declare it under golive:services (the monitoring component gives it every alert) and never disable one.",
        ]);
    });

    it("asks request volume only of a service behind an HTTPRoute", async () => {
        assert.deepEqual(await stackMessages(policy, without(stack(), "reporting-api-request-volume")), [
            "service \"reporting-api\" (Deployment teei/reporting-api) has no enabled request-volume alert policy labelled service=reporting-api, so it would launch blind to it. Declare it under golive:services (the monitoring component gives it every alert) and never disable one.",
        ]);
    });

    it("lists everything a service added without monitoring lacks", async () => {
        assert.deepEqual(await stackMessages(policy, [...stack(), deployment("ledger")]), [
            "service \"ledger\" (Deployment teei/ledger) has no enabled error-rate, P95 latency, platform-down (5xx ratio), availability (SLO fast burn) and heartbeat (scrape target up) alert policy labelled service=ledger, so it would launch blind to them. Declare it under golive:services (the monitoring component gives it every alert) and never disable one.",
        ]);
    });

    it("asks nothing of a canary Deployment: its stable service's alerts cover it", async () => {
        const canary = deployment("reporting-api-canary", (p) => { p.metadata.labels["golive.dev/track"] = "canary"; });
        assert.deepEqual(await stackMessages(policy, [...stack(), canary]), []);
    });

    it("reports a stack without Deployments as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, [bucket(), labelledAlert("reporting-api", "error-rate")]), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, stack()), []);
    });
});
