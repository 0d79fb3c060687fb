import { strict as assert } from "node:assert";
import { defaults } from "../../../components/workloads/defaults";
import { canaryName, canarySteps, drainsBeforeKill, isCanaryStep, isCanaryTrack, isHttpPath, minReplicas } from "../../../policies/workloads/rules";

describe("the workloads area's shared rules (policies/workloads/rules)", () => {
    it("allows the canary only runbook 002's steps", () => {
        assert.deepEqual([...canarySteps], [0, 10, 50, 100]);
        assert.deepEqual([0, 10, 25, 50, 100, "10", undefined].map(isCanaryStep), [true, true, false, true, true, false, false]);
    });

    it("names a canary's objects after its stable service and recognises them by their track label", () => {
        assert.equal(canaryName("export-service"), "export-service-canary");
        assert.ok(isCanaryTrack({ metadata: { labels: { "golive.dev/track": "canary" } } }));
        assert.ok(!isCanaryTrack({ metadata: { labels: { "golive.dev/track": "stable" } } }));
        assert.ok(!isCanaryTrack({}));
    });

    it("accepts absolute HTTP paths without spaces as health paths", () => {
        assert.deepEqual(["/health", "/", "/healthz/live?full=1", "health", "/he alth", "", 7].map(isHttpPath), [true, true, true, false, false, false, false]);
    });

    it("drains only when the grace period outlasts the preStop sleep", () => {
        assert.ok(drainsBeforeKill(45, 15));
        assert.ok(!drainsBeforeKill(15, 15));
    });

    it("holds the component's replica defaults, canaries included, to the gate's floor", () => {
        for (const range of Object.values(defaults.replicas)) assert.ok(range.min >= minReplicas && range.max > range.min);
        assert.ok(defaults.canaryMinReplicas >= minReplicas);
        assert.equal(defaults.healthPath, "/health");
    });
});
