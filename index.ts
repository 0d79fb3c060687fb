/**
 * golive: declares what a launch needs, per stack. Reads and validates the stack config
 * once (a bad stack file fails here, before any resource is registered), builds every
 * component's plain args, then composes the components.
 */
import { Provider as CloudflareProvider } from "@pulumi/cloudflare/provider";
import { Provider as GcpProvider } from "@pulumi/gcp/provider";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as path from "node:path";
import { Edge } from "./components/edge";
import { Firestore } from "./components/firestore";
import { Launch } from "./components/launch";
import { Monitoring } from "./components/monitoring";
import { Workloads } from "./components/workloads";
import { parseStackConfig } from "./config";
import { clusterProviderArgs, edgeArgs, firestoreArgs, isConfigSecret, launchArgs, monitoringArgs, SecretReader, workloadsArgs } from "./program";

const stack = pulumi.getStack();
const stackFile = `Pulumi.${stack}.yaml`;
const config = parseStackConfig(pulumi.runtime.allConfig(), isConfigSecret, stackFile, stack);
const secrets = new SecretReader(config.secretRefs, stackFile);

// Building the args reads the secrets the components use (so an unset one stops `pulumi up`
// here, all of them named at once) and Firestore's files (indexes, queries manifest), all
// before anything is registered.
const providerArgs = clusterProviderArgs(config, secrets.value);
const edgeSettings = edgeArgs(config);
const platformArgs = {
    ...workloadsArgs(config, secrets.value),
    // The Gateway serves on the edge's reserved address, which every host record points at.
    ...(edgeSettings ? { gateway: { addressName: edgeSettings.addressName } } : {}),
};
const monitoringSettings = monitoringArgs(config, secrets.value);
const firestoreSettings = firestoreArgs(config, { projectDir: path.dirname(__filename), stackFile, warn: (line) => void pulumi.log.warn(line) });
secrets.assertAllSet();

// Explicit providers: workloads go to the cluster the stack names, Google resources to the
// project it names, never to whatever the ambient kubeconfig or gcloud project is. Imported
// by path: the package index would load every Google service (see components/monitoring/gcp.ts).
const cluster = new k8s.Provider("gke", providerArgs);
const google = new GcpProvider("gcp", { project: config.gcp.project, region: config.gcp.region });

// The edge: Cloudflare resources are made with the token the CLI is given (CLOUDFLARE_API_TOKEN).
const edge = edgeSettings
    ? new Edge("edge", edgeSettings, { providers: [google, new CloudflareProvider("cloudflare", {})] })
    : undefined;

const workloads = new Workloads("platform", platformArgs, { provider: cluster });

// The scrape objects (PodMonitorings) go to the cluster, once the namespace exists.
const monitoring = new Monitoring("monitoring", monitoringSettings, {
    providers: [google, cluster],
    dependsOn: [workloads.namespaceResource],
});

// The database keeps its data whatever Pulumi does; protected from `pulumi destroy` in production.
const firestore = firestoreSettings ? new Firestore("firestore", firestoreSettings, { providers: [google] }) : undefined;

// The launch record (phase, go/no-go, attestations): plain data the launch policies judge.
new Launch("launch", launchArgs(config, stackFile));

export const environment = config.environment;
export const launchPhase = config.launch.phase;
export const namespace = workloads.namespace;
export const publicHosts = workloads.publicHosts;
export const alertPolicies = monitoring.alertPolicyCount;
export const edgeHosts = edge?.hosts;
export const gatewayAddressName = edge?.addressName;
export const firestoreDatabase = firestore?.databaseName;
