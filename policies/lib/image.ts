/**
 * Image references, read the way the container runtime reads them. Shared by the policies
 * and by the program's config schema so both judge an image alike.
 */

/** The tag of an image reference, or undefined; a registry port (`host:5000/app`) is not a tag. */
export function imageTag(image: string): string | undefined {
    const lastSegment = image.slice(image.lastIndexOf("/") + 1);
    const nameAndTag = lastSegment.split("@")[0]!;
    const colon = nameAndTag.indexOf(":");
    return colon >= 0 ? nameAndTag.slice(colon + 1) : undefined;
}

/** The digest of an image reference (`sha256:...`), or undefined. */
export function imageDigest(image: string): string | undefined {
    const at = image.indexOf("@");
    return at >= 0 ? image.slice(at + 1) : undefined;
}

export const sha256Digest = /^sha256:[a-f0-9]{64}$/;

/** What a registry accepts as a tag: up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'. */
export const imageTagPattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * The repository of an image reference, without tag or digest, normalized as the runtime
 * resolves it: `nginx:1.27` and `docker.io/library/nginx:1.28` are one repository.
 */
export function imageRepository(image: string): string {
    const withoutDigest = image.split("@")[0]!;
    const slash = withoutDigest.lastIndexOf("/");
    const colon = withoutDigest.lastIndexOf(":");
    const repo = colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
    const parts = repo.split("/");
    const first = parts[0]!;
    const hasRegistry = parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost");
    if (hasRegistry) return repo;
    return parts.length === 1 ? `docker.io/library/${repo}` : `docker.io/${repo}`;
}
