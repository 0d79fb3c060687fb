/**
 * golive: declares what a launch needs, per stack. Reads and validates the stack config
 * once (a bad stack file fails here, before any resource is registered), then composes
 * the area components with plain args.
 */
import { Provider as CloudflareProvider } from "@pulumi/cloudflare/provider";
import { Provider as GcpProvider } from "@pulumi/gcp/provider";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { Edge } from "./components/edge";
import { Workloads } from "./components/workloads";
import { parseStackConfig } from "./config";
import { edgeArgs, isConfigSecret, readSecrets, workloadsArgs } from "./program";

const stack = pulumi.getStack();
const stackFile = `Pulumi.${stack}.yaml`;
const config = parseStackConfig(pulumi.runtime.allConfig(), isConfigSecret, stackFile);
const secrets = readSecrets(config.secretRefs, stackFile);

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

// The edge: explicit providers, so its Google resources go to this stack's project and its
// Cloudflare resources are made with the token the CLI is given (CLOUDFLARE_API_TOKEN).
const edgeSettings = edgeArgs(config);
const edge = edgeSettings
    ? new Edge("edge", edgeSettings, {
        providers: [
            new GcpProvider("gcp", { project: config.gcp.project, region: config.gcp.region }),
            new CloudflareProvider("cloudflare", {}),
        ],
    })
    : undefined;

// The Gateway serves on the edge's reserved address, which every host record points at.
const workloads = new Workloads("platform", {
    ...workloadsArgs(config, secretValue),
    ...(edgeSettings ? { gateway: { addressName: edgeSettings.addressName } } : {}),
}, { provider: cluster });

export const environment = config.environment;
export const launchPhase = config.launch.phase;
export const namespace = workloads.namespace;
export const publicHosts = workloads.publicHosts;
export const edgeHosts = edge?.hosts;
export const gatewayAddressName = edge?.addressName;
