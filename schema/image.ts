import { z } from "zod";

/**
 * Why a container image reference is not pinned, or undefined when it is. Launch needs
 * images that cannot move under a running rollout: a version tag or a sha256 digest.
 */
export function imagePinProblem(image: string): string | undefined {
    if (/\s/.test(image) || image === "") return "is not an image reference";
    const at = image.indexOf("@");
    if (at >= 0) {
        const digest = image.slice(at + 1);
        return /^sha256:[a-f0-9]{64}$/.test(digest) ? undefined : `digest "${digest}" is not a sha256 digest`;
    }
    const last = image.slice(image.lastIndexOf("/") + 1);
    const colon = last.indexOf(":");
    if (colon < 0) return "has no tag; pin a version or digest";
    const tag = last.slice(colon + 1);
    if (tag.toLowerCase() === "latest") return `tag "latest" is not allowed; pin a version or digest`;
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) return `tag "${tag}" is not a valid tag`;
    return undefined;
}

/** The repository part of an image reference (no tag, no digest). */
export function imageRepository(image: string): string {
    const at = image.indexOf("@");
    const ref = at >= 0 ? image.slice(0, at) : image;
    const slash = ref.lastIndexOf("/");
    const colon = ref.indexOf(":", slash + 1);
    return colon >= 0 ? ref.slice(0, colon) : ref;
}

export const pinnedImage = z.string().superRefine((image, ctx) => {
    const problem = imagePinProblem(image);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
});
