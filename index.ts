/**
 * golive: declares what a launch needs, per stack. Reads and validates the stack config
 * once (a bad stack file fails here, before any resource is registered), then composes
 * the area components with plain args.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as path from "node:path";
import { Firestore } from "./components/firestore";
import { Workloads } from "./components/workloads";
import { parseStackConfig } from "./config";
import { firestoreArgs, isConfigSecret, readSecrets, workloadsArgs } from "./program";

const stack = pulumi.getStack();
const stackFile = `Pulumi.${stack}.yaml`;
const config = parseStackConfig(pulumi.runtime.allConfig(), isConfigSecret, stackFile);
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

const workloads = new Workloads("platform", workloadsArgs(config, secretValue), { provider: cluster });
const firestore = firestoreConfig ? new Firestore("firestore", firestoreConfig) : undefined;

export const environment = config.environment;
export const launchPhase = config.launch.phase;
export const namespace = workloads.namespace;
export const publicHosts = workloads.publicHosts;
export const firestoreDatabase = firestore?.databaseName;
