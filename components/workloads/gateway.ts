/**
 * Gateway API and GKE objects for public services, as plain specs: the shared Gateway (one
 * HTTPS listener per public host), each service's HTTPRoute with its stable/canary weights,
 * and the HealthCheckPolicy that points the load balancer's health check at the service's
 * health path. kubernetes-models has no schema for these (they are CRDs), so their shape is
 * asserted in the tests instead.
 */
import { gkeAnnotations } from "../../policies/lib";
import { canaryName } from "../../policies/workloads/rules";
import { googleFrontEndRanges } from "./network";

export const gatewayApiVersion = "gateway.networking.k8s.io/v1";

/** The Gateway's Kubernetes name. */
export const gatewayName = "public";
export const gkeNetworkingApiVersion = "networking.gke.io/v1";

/** GatewayClasses served by Google Front Ends, whose source ranges are known. */
const globalClasses = new Set(["gke-l7-global-external-managed", "gke-l7-gxlb"]);

export interface GatewaySettings {
    /**
     * The GKE GatewayClass: the global external Application Load Balancer (served by Google
     * Front Ends, weighted traffic splitting, Certificate Manager and Cloud Armor capable).
     * @default "gke-l7-global-external-managed"
     */
    className?: string;
    /**
     * The Certificate Manager certificate map (in the cluster's project) that holds a
     * Google-managed, auto-renewing certificate for every public host. It is created outside
     * this component (`gcloud certificate-manager maps create ...`, or a gcp component).
     * @default "golive"
     */
    certificateMap?: string;
    /**
     * A reserved global static IP address (its name) so the DNS records never have to move;
     * the load balancer gets an ephemeral address when unset.
     * @default undefined
     */
    addressName?: string;
    /**
     * Where the load balancer's proxies and health checks connect from, for the services'
     * NetworkPolicies. Known for the global classes (Google Front Ends); required for any
     * other class (e.g. the proxy-only subnet of a regional class).
     * @default ["35.191.0.0/16", "130.211.0.0/22"] for gke-l7-global-external-managed and gke-l7-gxlb
     */
    sourceRanges?: string[];
}

export interface ResolvedGateway {
    className: string;
    certificateMap: string;
    addressName?: string;
    sourceRanges: string[];
}

export function resolveGateway(g: GatewaySettings = {}): ResolvedGateway | string {
    const className = g.className ?? "gke-l7-global-external-managed";
    const sourceRanges = g.sourceRanges ?? (globalClasses.has(className) ? [...googleFrontEndRanges] : undefined);
    if (!sourceRanges || sourceRanges.length === 0) {
        return `gateway.sourceRanges: GatewayClass "${className}" has no known source ranges; give the proxy-only subnet (and health-check ranges) its load balancer connects from`;
    }
    return { className, certificateMap: g.certificateMap ?? "golive", addressName: g.addressName, sourceRanges };
}

/** The listener of one public host: `https-<label>`. */
export function listenerName(hostLabel: string): string {
    return `https-${hostLabel}`;
}

export interface PublicHost {
    /** The label under the domain (api). */
    label: string;
    /** The full name (api.teei.example.com). */
    hostname: string;
}

export function gatewayAnnotations(g: ResolvedGateway): Record<string, string> {
    return { [gkeAnnotations.certificateMap]: g.certificateMap };
}

/**
 * HTTPS only: no port-80 listener. TLS terminates with the certificate map's certificates
 * (so no `tls` block, as GKE documents for certmap); redirects from http:// happen at the
 * edge (Cloudflare always_use_https) before traffic reaches the origin.
 */
export function gatewaySpec(g: ResolvedGateway, hosts: readonly PublicHost[]): Record<string, unknown> {
    const spec: Record<string, unknown> = {
        gatewayClassName: g.className,
        listeners: [...hosts]
            .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
            .map((h) => ({
                name: listenerName(h.label),
                hostname: h.hostname,
                port: 443,
                protocol: "HTTPS",
                allowedRoutes: { namespaces: { from: "Same" }, kinds: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute" }] },
            })),
    };
    if (g.addressName) spec.addresses = [{ type: "NamedAddress", value: g.addressName }];
    return spec;
}

export interface Backend {
    /** The Service name. */
    name: string;
    port: number;
    weight: number;
}

/**
 * The route's backends: the stable Service at `100 - weight`, and with a canary the canary's
 * Service at `weight` (listed even at 0, unrouted); a service without a canary gets all.
 */
export function routeBackends(service: string, port: number, canaryWeight: number | undefined): Backend[] {
    const weight = canaryWeight ?? 0;
    return [
        { name: service, port, weight: 100 - weight },
        ...(canaryWeight !== undefined ? [{ name: canaryName(service), port, weight }] : []),
    ];
}

/**
 * One rule for every path of the host. Each backend carries an explicit weight (stable
 * 100 - w, canary w; 100 alone without a canary), so the split is readable in the plan and
 * checkable by the gate; a weight-0 canary stays listed, unrouted.
 */
export function httpRouteSpec(gatewayName: string, host: PublicHost, backends: readonly Backend[]): Record<string, unknown> {
    return {
        parentRefs: [{ group: "gateway.networking.k8s.io", kind: "Gateway", name: gatewayName, sectionName: listenerName(host.label) }],
        hostnames: [host.hostname],
        rules: [{
            matches: [{ path: { type: "PathPrefix", value: "/" } }],
            backendRefs: backends.map((b) => ({ group: "", kind: "Service", name: b.name, port: b.port, weight: b.weight })),
        }],
    };
}

/**
 * Without a HealthCheckPolicy the GKE Gateway health-checks `GET /` on the serving port, which
 * many services answer with 404, so the load balancer would mark every backend unhealthy.
 * This points it at the service's health path on the serving port.
 */
export function healthCheckPolicySpec(serviceName: string, healthPath: string): Record<string, unknown> {
    return {
        default: {
            checkIntervalSec: 5,
            timeoutSec: 5,
            healthyThreshold: 2,
            unhealthyThreshold: 2,
            logConfig: { enabled: true },
            config: {
                type: "HTTP",
                httpHealthCheck: { portSpecification: "USE_SERVING_PORT", requestPath: healthPath },
            },
        },
        targetRef: { group: "", kind: "Service", name: serviceName },
    };
}
