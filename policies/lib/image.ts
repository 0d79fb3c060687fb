/**
 * Image references, read the way the container runtime reads them, and what makes one
 * pinned. The one reading for the policies, the components' argument checks and the stack
 * config, so all judge an image alike.
 */

export interface ImageReference {
    /** Registry and path as written, without tag or digest: `ghcr.io/teei/api`, `nginx`. */
    name: string;
    /** The tag, when there is one; a registry port (`host:5000/app`) is not a tag. */
    tag?: string;
    /** The digest (`sha256:...`), when there is one. */
    digest?: string;
}

export function parseImage(image: string): ImageReference {
    const at = image.indexOf("@");
    const ref = at >= 0 ? image.slice(0, at) : image;
    const digest = at >= 0 ? image.slice(at + 1) : undefined;
    const colon = ref.indexOf(":", ref.lastIndexOf("/") + 1);
    const name = colon >= 0 ? ref.slice(0, colon) : ref;
    return { name, ...(colon >= 0 ? { tag: ref.slice(colon + 1) } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** The tag of an image reference, or undefined. */
export function imageTag(image: string): string | undefined {
    return parseImage(image).tag;
}

/** The digest of an image reference (`sha256:...`), or undefined. */
export function imageDigest(image: string): string | undefined {
    return parseImage(image).digest;
}

export const sha256Digest = /^sha256:[a-f0-9]{64}$/;

/** What a registry accepts as a tag: up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'. */
export const imageTagPattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * The repository of an image reference, normalized as the runtime resolves it:
 * `nginx:1.27` and `docker.io/library/nginx:1.28` are one repository.
 */
export function imageRepository(image: string): string {
    const { name } = parseImage(image);
    const parts = name.split("/");
    const first = parts[0]!;
    const hasRegistry = parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost");
    if (hasRegistry) return name;
    return parts.length === 1 ? `docker.io/library/${name}` : `docker.io/${name}`;
}

/** The version an image runs: its tag, else its digest, else undefined. */
export function imageVersion(image: string): string | undefined {
    const { tag, digest } = parseImage(image);
    return tag || digest || undefined;
}

/** Whether a text names an image version by itself: a tag (v2.4.9) or a sha256 digest. */
export function isImageVersion(text: string): boolean {
    return text.startsWith("sha256:") ? sha256Digest.test(text) : imageTagPattern.test(text);
}

/**
 * Why an image reference can move under a running rollout, or undefined when it is pinned
 * (a version tag other than latest, or a sha256 digest).
 */
export type UnpinnedImage =
    | { reason: "not-a-reference" }
    | { reason: "digest-not-sha256"; digest: string }
    | { reason: "no-tag" }
    | { reason: "latest" }
    | { reason: "invalid-tag"; tag: string };

export function unpinnedImage(image: string): UnpinnedImage | undefined {
    if (image === "" || /\s/.test(image)) return { reason: "not-a-reference" };
    const { tag, digest } = parseImage(image);
    if (digest !== undefined) return sha256Digest.test(digest) ? undefined : { reason: "digest-not-sha256", digest };
    if (tag === undefined) return { reason: "no-tag" };
    if (tag.toLowerCase() === "latest") return { reason: "latest" };
    if (!imageTagPattern.test(tag)) return { reason: "invalid-tag", tag };
    return undefined;
}

/**
 * A reason in the words of each reader: `config` follows a stack config key
 * (`golive:services[2].image: tag "latest" is not allowed; ...`), `manifest` follows
 * "is not pinned:" in a finding about a container.
 */
export function unpinnedText(unpinned: UnpinnedImage): { config: string; manifest: string } {
    switch (unpinned.reason) {
        case "not-a-reference": return { config: "is not an image reference", manifest: "it is not an image reference" };
        case "digest-not-sha256": {
            const text = `digest "${unpinned.digest}" is not a sha256 digest`;
            return { config: text, manifest: text };
        }
        case "no-tag": return { config: "has no tag; pin a version or digest", manifest: "it has no tag, so it means latest" };
        case "latest": return { config: `tag "latest" is not allowed; pin a version or digest`, manifest: 'tag "latest" moves with every push' };
        case "invalid-tag": return { config: `tag "${unpinned.tag}" is not a valid tag`, manifest: unpinned.tag === "" ? "its tag is empty" : `tag "${unpinned.tag}" is not a valid tag` };
    }
}
