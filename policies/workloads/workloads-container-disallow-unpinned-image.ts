import { configKey, containersOf, kubernetesKinds, podSpecOf, podTemplateKinds, resourcePolicy, unpinnedImage } from "../lib";
import { isCanaryTrack } from "./rules";

/** Why an image reference is not pinned, for the reader of a manifest, or undefined when it is. */
export function unpinnedReason(image: string): string | undefined {
    const unpinned = unpinnedImage(image);
    switch (unpinned?.reason) {
        case undefined: return undefined;
        case "not-a-reference": return "it is not an image reference";
        case "digest-not-sha256": return `digest "${unpinned.digest}" is not a sha256 digest`;
        case "no-tag": return "it has no tag, so it means latest";
        case "latest": return 'tag "latest" moves with every push';
        case "invalid-tag": return unpinned.tag === "" ? "its tag is empty" : `tag "${unpinned.tag}" is not a valid tag`;
    }
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
        const key = configKey(args.urn, args.props, isCanaryTrack(args.props) ? "canary.image" : "image");
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

