/**
 * Every label and annotation key golive writes on the objects it plans, and the well-known
 * Kubernetes keys it selects on. Defined here, inside the pack, so the components (which
 * write them) and the policies (which read them back) can never disagree on a key.
 */

/** `app.kubernetes.io/part-of` of everything golive declares, in every area. */
export const goliveApp = "golive";

/** Kubernetes' recommended labels (app.kubernetes.io/*). */
export const appLabels = {
    /** The service: what Services, PDBs and NetworkPolicies select on. */
    name: "app.kubernetes.io/name",
    version: "app.kubernetes.io/version",
    partOf: "app.kubernetes.io/part-of",
    component: "app.kubernetes.io/component",
    managedBy: "app.kubernetes.io/managed-by",
} as const;

export const goliveLabels = {
    environment: "golive.dev/environment",
    /** `stable` or `canary`: selectors include it, so no pod has two budgets or two Services. */
    track: "golive.dev/track",
    /** On a canary Deployment: the name of the stable Deployment it is a canary of. */
    canaryOf: "golive.dev/canary-of",
} as const;

export const goliveAnnotations = {
    /**
     * The health path a service serves, on its pod template: the probe policies judge probe
     * paths against it. A workload without it (or policy config `healthPath`) declares none.
     */
    healthPath: "golive.dev/health-path",
    /** The stack config key an object was planned from (`golive:services[0]`), so a finding names it. */
    config: "golive.dev/config",
    /** The launch phase, on each stable Deployment, for the rollback gate. */
    launchPhase: "golive.dev/launch-phase",
    /** The service's rollback version (launch.rollbackTo), on its stable Deployment. */
    rollbackTo: "golive.dev/rollback-to",
    /** Hash of the non-secret env on the pod template: changing a setting rolls the pods. */
    configHash: "golive.dev/config-hash",
    /** Hash of the feature flags on the pod template: a kill switch rolls the pods. */
    featureFlagsHash: "golive.dev/feature-flags-hash",
} as const;

export const gkeAnnotations = {
    /** GKE Workload Identity: the Google service account a Kubernetes ServiceAccount acts as. */
    workloadIdentity: "iam.gke.io/gcp-service-account",
    /** GKE Gateway: the Certificate Manager map that holds the listeners' certificates. */
    certificateMap: "networking.gke.io/certmap",
} as const;

/** Labels Kubernetes itself sets on nodes and namespaces. */
export const kubernetesLabels = {
    zone: "topology.kubernetes.io/zone",
    hostname: "kubernetes.io/hostname",
    namespaceName: "kubernetes.io/metadata.name",
} as const;

/** Pod Security admission's namespace labels (`<prefix>/enforce`, `/enforce-version`, `/audit`, `/warn`). */
export const podSecurityLabelPrefix = "pod-security.kubernetes.io";
