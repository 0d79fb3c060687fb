/**
 * The public hosts a stack serves, and the DNS records that answer for them: hosts come
 * from the workloads' GKE Gateways (one listener per host) and from the hosts the zone's
 * rules match on (the static frontend has no Gateway). Not a policy.
 */
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { isKind, type Json } from "../lib";
import { addressRecordTypes, cloudflareTypes, dnsRecordTypes, recordName, recordType, rulesOf, zonesOf } from "./cloudflare";
import { hostsNamed } from "./expressions";
import { apiHostLabels } from "./thresholds";

export const gatewayGroup = "gateway.networking.k8s.io";
export const globalAddressType = "gcp:compute/globalAddress:GlobalAddress";

export function isGateway(r: { type: string }): boolean {
    return isKind(r.type, gatewayGroup, "Gateway");
}

/** `Gateway namespace/name`, for messages. */
export function gatewayRef(g: PolicyResource): string {
    const md: Json = g.props.metadata;
    return `Gateway ${typeof md?.namespace === "string" ? md.namespace : "default"}/${typeof md?.name === "string" ? md.name : g.name}`;
}

/** A Gateway's listener host names (wildcards left out: they name no single record). */
export function gatewayHosts(g: PolicyResource): string[] {
    const listeners: Json = g.props.spec?.listeners;
    if (!Array.isArray(listeners)) return [];
    return listeners
        .map((l: Json) => l?.hostname)
        .filter((h: unknown): h is string => typeof h === "string" && h !== "" && !h.startsWith("*"))
        .map((h: string) => h.toLowerCase());
}

export interface PublicHost {
    host: string;
    /** Who serves or names it, for messages: `Gateway teei/public`, `ruleset edge-cache`. */
    from: string;
}

/** Every public host of the stack, once, with the first thing that names it. */
export function publicHosts(resources: readonly PolicyResource[]): PublicHost[] {
    const hosts = new Map<string, string>();
    for (const g of resources.filter(isGateway)) {
        for (const h of gatewayHosts(g)) if (!hosts.has(h)) hosts.set(h, gatewayRef(g));
    }
    for (const r of resources.filter((x) => x.type === cloudflareTypes.ruleset)) {
        for (const rule of rulesOf(r.props)) {
            const expression: unknown = rule?.expression;
            if (typeof expression !== "string") continue;
            for (const h of hostsNamed(expression)) if (!hosts.has(h)) hosts.set(h, `ruleset ${r.name}`);
        }
    }
    return [...hosts].map(([host, from]) => ({ host, from }));
}

/** Whether a record's name is this host: the full name, or (a relative name) the host's first label. */
export function namesHost(props: Json, host: string): boolean {
    const name = recordName(props).toLowerCase().replace(/\.$/, "");
    return name === host || (!name.includes(".") && host.split(".")[0] === name);
}

/** The stack's address records (A, AAAA, CNAME) for a host. */
export function addressRecordsFor(resources: readonly PolicyResource[], host: string): PolicyResource[] {
    return resources.filter((r) => dnsRecordTypes.includes(r.type) && addressRecordTypes.includes(recordType(r.props)) && namesHost(r.props, host));
}

/** The full names of a zone's address records (relative names cannot be told apart from labels and are left out). */
export function zoneHostNames(resources: readonly PolicyResource[], zoneId: string): string[] {
    const names = resources
        .filter((r) => dnsRecordTypes.includes(r.type) && r.props.zoneId === zoneId && addressRecordTypes.includes(recordType(r.props)))
        .map((r) => recordName(r.props).toLowerCase().replace(/\.$/, ""))
        .filter((n) => n.includes("."));
    return [...new Set(names)];
}

/** Whether a host is an API host: its first label is one of these. */
export function isApiHost(host: string, labels: readonly string[]): boolean {
    return labels.includes(host.split(".")[0]!);
}

/** Policy config of the policies that tell API hosts from app hosts; `apiLabelsFrom` reads it. */
export const apiHostLabelsConfig = {
    properties: {
        apiHostLabels: { type: "array", items: { type: "string" }, default: [...apiHostLabels] },
    },
} as const;

/** The API host labels a policy config names, else golive's. */
export function apiLabelsFrom(config: Json): string[] {
    const labels: unknown = config?.apiHostLabels;
    return Array.isArray(labels) ? labels.map(String) : [...apiHostLabels];
}

/** One zone as a host policy judges it: its hosts of the kind judged, and all its hosts. */
export interface ZoneHosts {
    zone: string;
    /** The zone's API hosts, or its app hosts (every other host). */
    hosts: string[];
    /** Every host of the zone (what an allowed origin may name). */
    allHosts: string[];
}

/**
 * Runs `judgeZone` on every zone of the stack, in order of first appearance, with its hosts
 * of one kind: "api" (first label one of the policy config's `apiHostLabels`) or "app" (every
 * other). It runs for zones without such hosts too, so a policy also judges their rules.
 * When no zone has a host of the kind, the policy is reported not applicable after every
 * zone was judged (the call ends the policy), so its violations still stand.
 */
export function judgeHostsByZone(
    args: Pick<StackValidationArgs, "resources" | "getConfig" | "notApplicable">,
    kind: "api" | "app",
    judgeZone: (z: ZoneHosts) => void,
): void {
    const labels = apiLabelsFrom(args.getConfig<Record<string, unknown>>());
    let judged = 0;
    for (const zone of zonesOf(args.resources)) {
        const allHosts = zoneHostNames(args.resources, zone);
        const hosts = allHosts.filter((h) => isApiHost(h, labels) === (kind === "api"));
        judged += hosts.length;
        judgeZone({ zone, hosts, allHosts });
    }
    if (judged === 0) {
        args.notApplicable(kind === "api" ? `no DNS record names an API host (first label ${labels.join(" or ")})` : "no DNS record of this stack names an app host");
    }
}
