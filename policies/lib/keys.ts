/**
 * The labels and annotations golive writes on the objects it plans and the policies read
 * back. Defined here, inside the pack, so the workloads component (which writes them) and
 * the policies (which read them) can never disagree on a key.
 */

/** Labels golive puts on a canary Deployment: its track, and the stable Deployment it is a canary of. */
export const goliveLabels = {
    track: "golive.dev/track",
    canaryOf: "golive.dev/canary-of",
} as const;

export const goliveAnnotations = {
    /**
     * The health path a service serves, on its pod template: the probe policies judge probe
     * paths against it. A workload without it (or policy config `healthPath`) declares none.
     */
    healthPath: "golive.dev/health-path",
    /**
     * The stack config key an object was planned from (`golive:services[0]`), so a finding
     * can name the key to change in the stack file rather than only the Kubernetes field.
     */
    config: "golive.dev/config",
} as const;
