import type * as pulumi from "@pulumi/pulumi";
import type { WorkloadsArgs } from "../components/workloads";
import type { StackConfig } from "../config";
import { stackConfigKey } from "../policies/lib/config-source";

/**
 * The Workloads component's plain args from the validated stack config; secret names are
 * resolved to their values by `secret` (Pulumi secrets in the program, fakes in tests).
 */
export function workloadsArgs(config: StackConfig, secret: (key: string) => pulumi.Input<string>): WorkloadsArgs {
    return {
        environment: config.environment,
        namespace: config.cluster.namespace,
        domain: config.domain,
        featureFlags: config.featureFlags,
        launchPhase: config.launch.phase,
        // Each object names the stack config key it comes from, so findings can name it too.
        configKeys: { namespace: stackConfigKey(["cluster", "namespace"]), featureFlags: stackConfigKey(["featureFlags"]), domain: stackConfigKey(["domain"]) },
        services: config.services.map(({ secretEnv, egress, ...s }, i) => ({
            ...s,
            configPath: stackConfigKey(["services", i]),
            rollbackTo: config.launch.rollbackTo?.[s.name],
            secretEnv: Object.fromEntries(Object.entries(secretEnv).map(([env, key]) => [env, secret(key)])),
            extraEgress: egress.map((e) => ({ to: [{ ipBlock: { cidr: e.cidr } }], ports: [{ port: e.port, protocol: e.protocol }] })),
        })),
    };
}
