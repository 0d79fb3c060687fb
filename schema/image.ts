import { z } from "zod";
import { imageDigest, imageTag, imageTagPattern, sha256Digest } from "../policies/lib/image";

export { imageRepository } from "../policies/lib/image";

/**
 * Why a container image reference is not pinned, or undefined when it is. Launch needs
 * images that cannot move under a running rollout: a version tag or a sha256 digest.
 * (The pack's workloads-container-disallow-unpinned-image judges planned objects the same way.)
 */
export function imagePinProblem(image: string): string | undefined {
    if (/\s/.test(image) || image === "") return "is not an image reference";
    const digest = imageDigest(image);
    if (digest !== undefined) return sha256Digest.test(digest) ? undefined : `digest "${digest}" is not a sha256 digest`;
    const tag = imageTag(image);
    if (tag === undefined) return "has no tag; pin a version or digest";
    if (tag.toLowerCase() === "latest") return `tag "latest" is not allowed; pin a version or digest`;
    if (!imageTagPattern.test(tag)) return `tag "${tag}" is not a valid tag`;
    return undefined;
}

export const pinnedImage = z.string().superRefine((image, ctx) => {
    const problem = imagePinProblem(image);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
});
