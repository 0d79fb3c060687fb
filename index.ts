/**
 * golive: declares what a launch needs, per stack. Reads and validates the stack config
 * once (a bad stack file fails here, before any resource is registered), builds every
 * component's plain args, then composes the components.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { Workloads } from "./components/workloads";
import { parseStackConfig } from "./config";
import { clusterProviderArgs, isConfigSecret, SecretReader, workloadsArgs } from "./program";

const stack = pulumi.getStack();
const stackFile = `Pulumi.${stack}.yaml`;
const config = parseStackConfig(pulumi.runtime.allConfig(), isConfigSecret, stackFile, stack);
const secrets = new SecretReader(config.secretRefs, stackFile);

// Building the args reads the secrets the components use, so an unset one stops `pulumi up`
// here, all of them named at once, before anything is registered.
const providerArgs = clusterProviderArgs(config, secrets.value);
const platformArgs = workloadsArgs(config, secrets.value);
secrets.assertAllSet();

const cluster = new k8s.Provider("gke", providerArgs);
const workloads = new Workloads("platform", platformArgs, { provider: cluster });

export const environment = config.environment;
export const launchPhase = config.launch.phase;
export const namespace = workloads.namespace;
export const publicHosts = workloads.publicHosts;
