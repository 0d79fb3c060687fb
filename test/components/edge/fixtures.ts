/**
 * Edge arguments as index.ts builds them, from the real stack files (parsed by the
 * project's own config parser), and the Workloads arguments that go with them (the Gateway
 * on the edge's reserved address).
 */
import * as pulumi from "@pulumi/pulumi";
import { parseStackConfig } from "../../../config";
import { edgeArgs, workloadsArgs } from "../../../program";
import { rawConfig } from "../../config/stack-files";
import type { EdgeArgs } from "../../../components/edge";
import type { WorkloadsArgs } from "../../../components/workloads";

export function edgeStackArgs(stack: "production" | "staging"): EdgeArgs {
    const config = parseStackConfig(rawConfig(stack), () => false, `Pulumi.${stack}.yaml`, stack);
    const args = edgeArgs(config);
    if (!args) throw new Error(`Pulumi.${stack}.yaml declares no golive:edge`);
    return args;
}

/** The stack's workloads, their Gateway serving on the edge's reserved address (as index.ts wires it). */
export function workloadsWithEdge(stack: "production" | "staging"): WorkloadsArgs {
    const config = parseStackConfig(rawConfig(stack), () => false, `Pulumi.${stack}.yaml`, stack);
    return { ...workloadsArgs(config, (key) => pulumi.secret(`s3cr3t-${key}`)), gateway: { addressName: edgeStackArgs(stack).addressName } };
}

export const types = {
    zoneSetting: "cloudflare:index/zoneSetting:ZoneSetting",
    dnssec: "cloudflare:index/zoneDnssec:ZoneDnssec",
    dnsRecord: "cloudflare:index/dnsRecord:DnsRecord",
    ruleset: "cloudflare:index/ruleset:Ruleset",
    certificatePack: "cloudflare:index/certificatePack:CertificatePack",
    healthcheck: "cloudflare:index/healthcheck:Healthcheck",
    globalAddress: "gcp:compute/globalAddress:GlobalAddress",
    bucket: "gcp:storage/bucket:Bucket",
    bucketIamMember: "gcp:storage/bucketIAMMember:BucketIAMMember",
    edge: "golive:edge:Edge",
    staticFrontend: "golive:edge:StaticFrontend",
    gateway: "kubernetes:gateway.networking.k8s.io/v1:Gateway",
} as const;
