/**
 * golive: declares what a launch needs, per stack. Reads and validates the stack config
 * once (a bad stack file fails here, before any resource is registered), then composes
 * the area components with plain args.
 */
import { Provider as CloudflareProvider } from "@pulumi/cloudflare/provider";
import { Provider as GcpProvider } from "@pulumi/gcp/provider";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as path from "node:path";
import { Edge } from "./components/edge";
import { Firestore } from "./components/firestore";
import { Monitoring } from "./components/monitoring";
import { Workloads } from "./components/workloads";
import { parseStackConfig } from "./config";
import { edgeArgs, firestoreArgs, isConfigSecret, monitoringArgs, readSecrets, workloadsArgs } from "./program";

const stack = pulumi.getStack();
const stackFile = `Pulumi.${stack}.yaml`;
const config = parseStackConfig(pulumi.runtime.allConfig(), isConfigSecret, stackFile, stack);
const secrets = readSecrets(config.secretRefs, stackFile);
// Firestore's files (indexes, queries manifest) are read and checked before anything is registered.
const firestoreConfig = firestoreArgs(config, { projectDir: path.dirname(__filename), stackFile, warn: (line) => void pulumi.log.warn(line) });

const secretValue = (key: string): pulumi.Output<string> => {
    const value = secrets.get(key);
    if (!value) throw new pulumi.RunError(`${stackFile}: secret "${key}" was not read`);
    return value;
};

// An explicit provider: workloads go to the cluster the stack names, never to whatever
// the ambient kubeconfig happens to point at.
const cluster = new k8s.Provider("gke", {
    context: config.cluster.context,
    kubeconfig: config.cluster.kubeconfigSecret ? secretValue(config.cluster.kubeconfigSecret) : undefined,
    enableServerSideApply: true,
});

// Google resources (alerts, uptime checks, the edge's address and bucket) go to the project the
// stack names, never to the ambient gcloud project. Imported by path: the package index would
// load every Google service (see components/monitoring/gcp.ts).
const google = new GcpProvider("gcp", { project: config.gcp.project, region: config.gcp.region });

// The edge: Cloudflare resources are made with the token the CLI is given (CLOUDFLARE_API_TOKEN).
const edgeSettings = edgeArgs(config);
const edge = edgeSettings
    ? new Edge("edge", edgeSettings, { providers: [google, new CloudflareProvider("cloudflare", {})] })
    : undefined;

// The Gateway serves on the edge's reserved address, which every host record points at.
const workloads = new Workloads("platform", {
    ...workloadsArgs(config, secretValue),
    ...(edgeSettings ? { gateway: { addressName: edgeSettings.addressName } } : {}),
}, { provider: cluster });

// The scrape objects (PodMonitorings) go to the cluster, once the namespace exists.
const monitoring = new Monitoring("monitoring", monitoringArgs(config, secretValue), {
    providers: [google, cluster],
    dependsOn: [workloads.namespaceResource],
});

// The database keeps its data whatever Pulumi does; protected from `pulumi destroy` in production.
const firestore = firestoreConfig ? new Firestore("firestore", firestoreConfig, { providers: [google] }) : undefined;

export const environment = config.environment;
export const launchPhase = config.launch.phase;
export const namespace = workloads.namespace;
export const publicHosts = workloads.publicHosts;
export const alertPolicies = monitoring.alertPolicyCount;
export const edgeHosts = edge?.hosts;
export const gatewayAddressName = edge?.addressName;
export const firestoreDatabase = firestore?.databaseName;
