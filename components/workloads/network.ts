/**
 * NetworkPolicy specs: the namespace's default deny and each service's allow list. Pure
 * functions of plain values.
 *
 * What a service may reach, and why:
 * - ingress: only from the load balancer (public services) and from its declared callers,
 *   on its own port;
 * - egress: cluster DNS; the services it calls (the inverse of their `calledBy`), on their
 *   ports; and, unless turned off, HTTPS (TCP 443) to public addresses only. The four
 *   services call SaaS APIs (OpenAI, Impact-In, webhooks) and Google APIs (Firestore) whose
 *   addresses change, so a CIDR allow list cannot name them; excluding the private ranges
 *   keeps a compromised pod from reaching anything else in the VPC or cluster on 443. A
 *   tighter egress needs FQDN policies (GKE FQDNNetworkPolicy) or an egress gateway.
 * - the GKE metadata server (Workload Identity tokens for Google APIs), unless turned off.
 */
import type * as k8s from "@pulumi/kubernetes";
import { appLabels, kubernetesLabels } from "../../policies/lib";

type NetworkPolicySpec = k8s.types.input.networking.v1.NetworkPolicySpec;
export type NetworkPolicyPeer = k8s.types.input.networking.v1.NetworkPolicyPeer;
export type NetworkPolicyEgressRule = k8s.types.input.networking.v1.NetworkPolicyEgressRule;

/**
 * Where a global external Application Load Balancer (GKE class gke-l7-global-external-managed)
 * connects from: Google Front Ends and their health checks. With container-native load
 * balancing these are the source addresses pods see.
 */
export const googleFrontEndRanges: readonly string[] = ["35.191.0.0/16", "130.211.0.0/22"];

/** Addresses that are not the public internet: RFC 1918, shared/CGNAT space (GKE may use it for pods), link-local. */
export const nonPublicRanges: readonly string[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16"];

/** kube-dns (and NodeLocal DNSCache when it runs as pods) in kube-system. */
export const kubeDnsPeer: NetworkPolicyPeer = {
    namespaceSelector: { matchLabels: { [kubernetesLabels.namespaceName]: "kube-system" } },
    podSelector: { matchExpressions: [{ key: "k8s-app", operator: "In", values: ["kube-dns", "node-local-dns"] }] },
};

/** Isolates every pod of the namespace in both directions; each service then opens what it needs. */
export function defaultDenySpec(): NetworkPolicySpec {
    return { podSelector: {}, policyTypes: ["Ingress", "Egress"] };
}

export interface ServiceNetworkSettings {
    service: string;
    port: number;
    /** Services allowed to call this one (their pods, stable and canary). */
    calledBy: readonly string[];
    /** Services this one calls, with their ports. */
    calls: ReadonlyArray<{ name: string; port: number }>;
    /** Source ranges of the load balancer, when the service is public. */
    loadBalancerSourceRanges?: readonly string[];
    dnsPeers: readonly NetworkPolicyPeer[];
    externalHttps: boolean;
    metadataServer: boolean;
    extraEgress: readonly NetworkPolicyEgressRule[];
}

function byName<T extends { name: string }>(a: T, b: T): number {
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The allow list of one service. It selects the service's pods of both tracks (by name
 * only), so a canary is reachable exactly as its stable is.
 */
export function serviceNetworkPolicySpec(s: ServiceNetworkSettings): NetworkPolicySpec {
    const port = (p: number, protocol = "TCP") => ({ protocol, port: p });
    const ingress: k8s.types.input.networking.v1.NetworkPolicyIngressRule[] = [];
    if (s.loadBalancerSourceRanges && s.loadBalancerSourceRanges.length > 0) {
        ingress.push({ from: s.loadBalancerSourceRanges.map((cidr) => ({ ipBlock: { cidr } })), ports: [port(s.port)] });
    }
    const callers = [...new Set(s.calledBy)].sort();
    if (callers.length > 0) {
        ingress.push({ from: callers.map((c) => ({ podSelector: { matchLabels: { [appLabels.name]: c } } })), ports: [port(s.port)] });
    }
    const egress: NetworkPolicyEgressRule[] = [
        { to: [...s.dnsPeers], ports: [port(53, "UDP"), port(53, "TCP")] },
        ...[...s.calls].sort(byName).map((callee) => ({
            to: [{ podSelector: { matchLabels: { [appLabels.name]: callee.name } } }],
            ports: [port(callee.port)],
        })),
    ];
    if (s.externalHttps) {
        egress.push({ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: [...nonPublicRanges] } }], ports: [port(443)] });
    }
    if (s.metadataServer) {
        // GKE metadata server: 169.254.169.254:80, and 169.254.169.252:988 where GKE Dataplane V2 serves it.
        egress.push(
            { to: [{ ipBlock: { cidr: "169.254.169.254/32" } }], ports: [port(80)] },
            { to: [{ ipBlock: { cidr: "169.254.169.252/32" } }], ports: [port(988)] },
        );
    }
    egress.push(...s.extraEgress);
    return {
        podSelector: { matchLabels: { [appLabels.name]: s.service } },
        policyTypes: ["Ingress", "Egress"],
        ingress,
        egress,
    };
}
