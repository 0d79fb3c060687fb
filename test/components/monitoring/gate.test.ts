/**
 * What the components declare for the example stacks passes every monitoring policy, run
 * through @pulumi/policy's own Analyze/AnalyzeStack handlers with the stack's policy config;
 * and the production gate fails, naming the service, when an alert is removed or disabled,
 * a threshold loosened or an uptime check slowed.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Policy, StackValidationPolicy } from "@pulumi/policy";
import { Monitoring, type MonitoringArgs } from "../../../components/monitoring";
import { Workloads } from "../../../components/workloads";
import { monitoringPolicies } from "../../../policies/monitoring";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { projectDir } from "../../config/stack-files";
import { analyze, analyzeStack } from "../../policies/harness";
import { resourcePolicyWithConfig, stackPolicyWithConfig } from "../../policies/workloads/config";
import { productionWithAlerting, stackMonitoringArgs, stackWorkloadsArgs } from "./fixtures";
import { recordStack } from "./harness";

function isStackPolicy(p: Policy): p is StackValidationPolicy {
    return "validateStack" in p;
}

/** The policy as configured by policies/config/<stack>.json (its settings; levels are the CLI's business). */
function configured(policy: Policy, stack: string): Policy {
    const file = JSON.parse(fs.readFileSync(path.join(projectDir, "policies", "config", `${stack}.json`), "utf8")) as Record<string, unknown>;
    const entry = file[policy.name];
    if (typeof entry !== "object" || entry === null) return policy;
    const settings = Object.fromEntries(Object.entries(entry).filter(([k]) => k !== "enforcementLevel"));
    return isStackPolicy(policy) ? stackPolicyWithConfig(policy, settings) : resourcePolicyWithConfig(policy, settings);
}

/** Every monitoring policy's findings on a stack, as `policy: message` lines. */
async function findings(resources: EngineResource[], stack = "production"): Promise<string[]> {
    const out: string[] = [];
    for (const p of monitoringPolicies.map((x) => configured(x, stack))) {
        const diagnostics = isStackPolicy(p) ? await analyzeStack(p, resources) : (await Promise.all(resources.map((r) => analyze(p, r)))).flat();
        out.push(...diagnostics.map((d) => `${d.policyName}: ${d.message.slice(d.message.indexOf("\n") + 1)}`));
    }
    return out;
}

/** Workloads and Monitoring of a stack, as index.ts composes them. */
function declare(stack: "production" | "staging", raw?: Record<string, string>, edit: (a: MonitoringArgs) => MonitoringArgs = (a) => a): Promise<EngineResource[]> {
    return recordStack(() => {
        const workloads = new Workloads("platform", stackWorkloadsArgs(stack, raw));
        new Monitoring("monitoring", edit(stackMonitoringArgs(stack, raw)), { dependsOn: [workloads.namespaceResource] });
    });
}

function replace(resources: EngineResource[], name: string, change: (inputs: any) => void): EngineResource[] { // eslint-disable-line @typescript-eslint/no-explicit-any -- raw inputs
    let found = false;
    const out = resources.map((r) => {
        if (!r.urn.endsWith(`::${name}`)) return r;
        found = true;
        const inputs = structuredClone(r.inputs);
        change(inputs);
        return { ...r, inputs, outputs: inputs };
    });
    if (!found) throw new Error(`no resource ${name}`);
    return out;
}

describe("Monitoring against the monitoring policies (the gate, in-process)", () => {
    let production: EngineResource[];
    before(async () => {
        production = await declare("production");
    });

    it("passes every monitoring policy for the production example", async () => {
        assert.deepEqual(await findings(production), []);
    });

    it("passes every monitoring policy for the staging example with staging's policy config", async () => {
        assert.deepEqual(await findings(await declare("staging"), "staging"), []);
    });

    it("fails when a required alert is removed, naming the service", async () => {
        const found = await findings(production.filter((r) => !r.urn.endsWith("::notification-service-latency")));
        assert.deepEqual(found, [
            "monitoring-service-missing-alerts: service \"notification-service\" (Deployment teei/notification-service) has no enabled P95 latency alert policy labelled service=notification-service, so it would launch blind to it. Declare it under golive:services (the monitoring component gives it every alert) and never disable one.",
        ]);
    });

    it("fails when an alert is disabled, naming the service", async () => {
        const found = await findings(replace(production, "q2q-pipeline-error-rate", (i) => { i.enabled = false; }));
        assert.deepEqual(found, [
            "monitoring-alertpolicy-disallow-disabled: alert policy \"[production] q2q-pipeline: error rate > 1 % for 2 min\" (service q2q-pipeline) is disabled (enabled: false), so it never opens an incident. Remove enabled: false; silence a noisy alert with a Cloud Monitoring snooze, which expires on its own.",
            "monitoring-service-missing-alerts: service \"q2q-pipeline\" (Deployment teei/q2q-pipeline) has no enabled error-rate (its alert policy is disabled) alert policy labelled service=q2q-pipeline, so it would launch blind to it. Declare it under golive:services (the monitoring component gives it every alert) and never disable one.",
        ]);
    });

    it("fails when a service's threshold is loosened or the uptime checks slowed in the stack file, naming the services", async () => {
        const loose = await declare("production", productionWithAlerting((a) => ({ ...a, uptimePeriod: "300s", services: { "export-service": { errorRatePercent: 5 } } })));
        assert.deepEqual((await findings(loose)).sort(), [
            "monitoring-alertpolicy-configure-thresholds: alert policy \"[production] export-service: error rate > 5 % for 2 min\" (service export-service) fires when the error rate exceeds 5 %, looser than the runbook's 1 %. Set golive:alerting.errorRatePercent to at most 1 %, or change maxErrorRatePercent in this stack's policy config if the team agreed another limit.",
            "monitoring-uptimecheck-configure-schedule: uptime check \"[production] https://api.teei.example.com/health\" for api.teei.example.com (service reporting-api) runs every 300 s, less often than every 60 s, so an outage can go 300 s unseen before the first failure. Set period to \"60s\" (golive:alerting.uptimePeriod).",
            "monitoring-uptimecheck-configure-schedule: uptime check \"[production] https://cockpit.teei.example.com/health\" for cockpit.teei.example.com (service export-service) runs every 300 s, less often than every 60 s, so an outage can go 300 s unseen before the first failure. Set period to \"60s\" (golive:alerting.uptimePeriod).",
        ]);
    });

    it("fails every P0 and P1 alert when production declares no pager, and every alert without a runbook link", async () => {
        // The stack config refuses a production stack without a pager; the component's args can still omit it.
        const bare = await declare("production", undefined, ({ runbookBaseUrl: _r, channels: { pagerduty: _p, ...channels }, ...a }) => ({ ...a, channels }));
        const found = await findings(bare);
        const alerts = bare.filter((r) => r.type === "gcp:monitoring/alertPolicy:AlertPolicy");
        const paging = alerts.filter((r) => ["CRITICAL", "ERROR"].includes(r.inputs["severity"] as string));
        // Per service: platform down (P0), error rate, fast and medium burn, heartbeat (P1); uptime per public host; Firestore needs-index.
        assert.equal(paging.length, 4 * 5 + 2 + 1);
        const named = (policy: string) => found.filter((f) => f.startsWith(`${policy}: `)).map((f) => /alert policy "([^"]+)"/.exec(f)?.[1]).sort();
        assert.deepEqual(named("monitoring-alertpolicy-require-pager"), paging.map((r) => r.inputs["displayName"]).sort());
        assert.deepEqual(named("monitoring-alertpolicy-require-runbook-link"), alerts.map((r) => r.inputs["displayName"]).sort());
        assert.equal(found.length, paging.length + alerts.length);
    });
});
