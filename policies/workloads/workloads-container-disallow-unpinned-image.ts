import { configKey, containersOf, kubernetesKinds, podSpecOf, podTemplateKinds, resourcePolicy, unpinnedImage, unpinnedText } from "../lib";
import { isCanaryTrack } from "./rules";

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
            const unpinned = unpinnedImage(image);
            if (unpinned) reportViolation(`${c.label} image "${image}" is not pinned: ${unpinnedText(unpinned).manifest}. ${pin}`);
        }
    },
});

