import { configKey, containersOf, goliveLabels, imageDigest, imageTag, kubernetesKinds, podSpecOf, podTemplateKinds, resourcePolicy, sha256Digest } from "../lib";

/** Why an image reference is not pinned, or undefined when it is. */
export function unpinnedReason(image: string): string | undefined {
    const digest = imageDigest(image);
    if (digest !== undefined) {
        return sha256Digest.test(digest) ? undefined : `digest "${digest}" is not a sha256 digest`;
    }
    const tag = imageTag(image);
    if (tag === undefined) return "it has no tag, so it means latest";
    if (tag === "" ) return "its tag is empty";
    if (tag.toLowerCase() === "latest") return 'tag "latest" moves with every push';
    return undefined;
}

export const workloadsContainerDisallowUnpinnedImage = resourcePolicy({
    name: "workloads-container-disallow-unpinned-image",
    description: "Every container image is pinned by version tag or digest, so a rollback is one version change.",
    severity: "high",
    runbook: ["004.services.target-versions", "004.rollback.previous-version"],
    remediation: "Pin a version tag (registry/app:v2.5.0) or a digest (registry/app@sha256:...).",
    appliesTo: kubernetesKinds(...podTemplateKinds),
    validateResource: (args, reportViolation) => {
        const pod = podSpecOf(args.type, args.props);
        if (!pod) return;
        // For a workload golive planned, the image is the service's (or its canary's) in the stack file.
        const isCanary = args.props.metadata?.labels?.[goliveLabels.track] === "canary";
        const key = configKey(args.urn, args.props, isCanary ? "canary.image" : "image");
        const pin = `Pin ${key ? `${key} to ` : ""}a version tag (registry/app:v2.5.0) or a digest (registry/app@sha256:...).`;
        for (const c of containersOf(pod)) {
            const image: unknown = c.container?.image;
            if (typeof image !== "string" || image === "") {
                reportViolation(`${c.label} (${c.path}) has no image. ${pin}`);
                continue;
            }
            const reason = unpinnedReason(image);
            if (reason) {
                reportViolation(`${c.label} image "${image}" is not pinned: ${reason}. ${pin}`);
            }
        }
    },
});

