/**
 * Monitoring arguments as index.ts builds them, from the real stack files parsed by the
 * project's own config parser, with recognisable secret values.
 */
import * as pulumi from "@pulumi/pulumi";
import { parseStackConfig } from "../../../config";
import { monitoringArgs, workloadsArgs } from "../../../program";
import type { MonitoringArgs } from "../../../components/monitoring";
import type { WorkloadsArgs } from "../../../components/workloads";
import { editedProduction, rawConfig } from "../../config/stack-files";
import { secretValue } from "../workloads/fixtures";

export { secretValue };

function parsed(raw: Record<string, string>, stack: string) {
    return parseStackConfig(raw, () => false, `Pulumi.${stack}.yaml`, stack);
}

export function stackMonitoringArgs(stack: "production" | "staging", raw: Record<string, string> = rawConfig(stack)): MonitoringArgs {
    return monitoringArgs(parsed(raw, stack), (key) => pulumi.secret(secretValue(key)));
}

export function stackWorkloadsArgs(stack: "production" | "staging", raw: Record<string, string> = rawConfig(stack)): WorkloadsArgs {
    return workloadsArgs(parsed(raw, stack), (key) => pulumi.secret(secretValue(key)));
}

/** Production's raw config with `golive:alerting` changed by `edit`. */
export function productionWithAlerting(edit: (alerting: any) => unknown): Record<string, string> { // eslint-disable-line @typescript-eslint/no-explicit-any -- raw YAML
    return editedProduction("alerting", edit);
}

/** A small standalone stack for spec tests. */
export function minimalArgs(overrides: Partial<MonitoringArgs> = {}): MonitoringArgs {
    return {
        environment: "production",
        project: "teei-csr-prod",
        cluster: "teei-prod",
        namespace: "teei",
        domain: "teei.example.com",
        services: [{ name: "reporting-api", port: 8080, host: "api" }, { name: "q2q-pipeline", port: 8080 }],
        channels: { pagerduty: { serviceKey: "pd" }, slack: { channel: "#launch-war-room", authToken: "xoxb" }, email: ["sre@teei.example.com"] },
        runbookBaseUrl: "https://runbooks.teei.example.com/golive",
        ...overrides,
    };
}
