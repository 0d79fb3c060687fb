/**
 * The one error type of this module. Its message is written for the person who ran the
 * command (one line naming the file and what was expected), so callers print `message`
 * and exit 2 instead of showing a stack trace.
 */
export class ManifestError extends Error {
    /** Every problem found, one line each; the message summarises them. */
    readonly problems: string[];

    constructor(message: string, problems: string[] = [message]) {
        super(message);
        this.name = "ManifestError";
        this.problems = problems;
    }
}

/** A Node file-system error as a few words for the user (`no such file or directory`). */
export function fsReason(err: unknown): string {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    switch (code) {
        case "ENOENT":
            return "no such file or directory";
        case "EACCES":
        case "EPERM":
            return "permission denied";
        case "ENOTDIR":
            return "a part of this path is not a directory";
        case "EISDIR":
            return "is a directory";
        case "ENOSPC":
            return "no space left on device";
        case "EROFS":
            return "read-only file system";
        default:
            return `failed (${code ?? (err instanceof Error ? err.message : String(err))})`;
    }
}
