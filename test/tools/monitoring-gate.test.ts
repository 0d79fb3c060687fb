import { strict as assert } from "node:assert";
import * as path from "node:path";
import { main as plan } from "../../tools/plan";
import type { FindingsFile } from "../../tools/report/findings-file";
import { run, productionVariant, readJson, tmpDir } from "./cli";

/**
 * The monitoring area through the plan command (in-process, the pack served over gRPC): refuses production when a stack file loosens a service's alert. Every other
 * monitoring case runs in-process (test/components/monitoring/gate.test.ts).
 */
describe("npm run plan refuses a production stack that loosens an alert (in-process)", function () {
    this.timeout(120_000);

    it("exits 1 naming the service, the policy and the checklist item", async () => {
        const stackFile = productionVariant("    errorRatePercent: 1\n", "    errorRatePercent: 1\n    services:\n      export-service:\n        errorRatePercent: 5\n");
        const json = path.join(tmpDir("monitoring"), "findings.json");
        const r = await run(plan, ["--stack", "production", "--stack-file", stackFile, "--json", json]);
        assert.equal(r.code, 1, r.stderr + r.stdout);
        assert.match(r.stdout, /monitoring-alertpolicy-configure-thresholds .*export-service-error-rate: alert policy "\[production\] export-service: error rate > 5 % for 2 min" \(service export-service\) fires when the error rate exceeds 5 %, looser than the runbook's 1 %/);
        const f = readJson<FindingsFile>(json);
        assert.deepEqual(f.violations.map((v) => [v.policy, v.enforcementLevel]), [["monitoring-alertpolicy-configure-thresholds", "mandatory"]]);
        assert.equal(f.checklist.find((c) => c.id === "004.monitoring.alert-error-rate")?.status, "FAIL");
        assert.equal(f.checklist.find((c) => c.id === "004.monitoring.synthetic")?.status, "PASS");
    });
});
