/**
 * The launch run-of-show: the phases in order, from when a rollback version is required,
 * and what makes a rollback version a real choice. The stack config schema, the component
 * and the rollback policy import these, so the phase names are written once.
 */

/** The run-of-show's phases, in order (runbook 004: T-7 days ... T+1 day and after). */
export const launchPhases = ["pre-launch", "launch-eve", "launch", "post-launch", "stable"] as const;

export type LaunchPhase = (typeof launchPhases)[number];

/** From this phase on, every production service needs a rollback version (runbook 004 Go/No-Go: "Rollback plan tested and documented"). */
export const rollbackRequiredFrom: LaunchPhase = "launch-eve";

export function isLaunchPhase(value: unknown): value is LaunchPhase {
    return typeof value === "string" && (launchPhases as readonly string[]).includes(value);
}

/** Whether `phase` is `from` or later in the run-of-show. */
export function phaseAtLeast(phase: LaunchPhase, from: LaunchPhase): boolean {
    return launchPhases.indexOf(phase) >= launchPhases.indexOf(from);
}

interface Version {
    numbers: number[];
    prerelease: string[];
}

/**
 * A semantic version as tags write it: `v2.5.0`, `2.5.0-rc.1`, `1.27`, `20241101` (missing
 * minor and patch count as 0; build metadata `+...` is ignored, as semver precedence does).
 * Undefined for anything else (`sha-3f2a`, a digest).
 */
export function parseVersion(text: string): Version | undefined {
    const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text);
    if (!m) return undefined;
    return { numbers: [m[1], m[2], m[3]].map((n) => Number(n ?? 0)), prerelease: m[4] ? m[4].split(".") : [] };
}

/** Semver precedence: -1, 0 or 1 as a is older than, the same as, or newer than b. A pre-release is older than its release. */
export function compareVersions(a: Version, b: Version): -1 | 0 | 1 {
    for (let i = 0; i < 3; i++) {
        const d = a.numbers[i]! - b.numbers[i]!;
        if (d !== 0) return d < 0 ? -1 : 1;
    }
    if (a.prerelease.length === 0 || b.prerelease.length === 0) {
        return a.prerelease.length === b.prerelease.length ? 0 : a.prerelease.length === 0 ? 1 : -1;
    }
    for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
        const x = a.prerelease[i];
        const y = b.prerelease[i];
        if (x === undefined) return -1;
        if (y === undefined) return 1;
        if (x === y) continue;
        const xn = /^\d+$/.test(x);
        const yn = /^\d+$/.test(y);
        if (xn && yn) return Number(x) < Number(y) ? -1 : 1;
        if (xn !== yn) return xn ? -1 : 1; // numeric identifiers are older than alphanumeric ones
        return x < y ? -1 : 1;
    }
    return 0;
}

/**
 * Why `rollbackTo` is no real rollback from `launched`, or undefined when it is one: it must
 * be set, differ from the version launched, and be older when both are semantic versions.
 */
export function rollbackVersionProblem(launched: string, rollbackTo: string | undefined): string | undefined {
    if (rollbackTo === undefined || rollbackTo === "") return "no rollback version is declared";
    if (rollbackTo === launched) return `the rollback version "${rollbackTo}" is the version being launched, so a rollback would change nothing`;
    const a = parseVersion(rollbackTo);
    const b = parseVersion(launched);
    if (a && b) {
        const order = compareVersions(a, b);
        if (order > 0) return `the rollback version "${rollbackTo}" is newer than ${launched}, so rolling back would move forward instead`;
        if (order === 0) return `the rollback version "${rollbackTo}" is the same release as ${launched}, so a rollback would change nothing`;
    }
    return undefined;
}

/** The phases in which a production launch needs a fresh go decision (runbook 004: the T-15 h Go/No-Go). */
export const goNoGoRequiredIn: readonly LaunchPhase[] = ["launch-eve", "launch"];

/** The phase in which every manual checklist item needs a person's attestation. */
export const attestationsRequiredIn: readonly LaunchPhase[] = ["launch"];

/** The phases of the deployment freeze (runbook 004 Launch Eve: "deployment freeze"). */
export const freezeIn: readonly LaunchPhase[] = ["launch-eve", "launch"];

/** How old a go decision may be, as of the clock: the Go/No-Go is held the day before launch. */
export const goNoGoMaxAgeHours = 24;

export const goNoGoDecisions = ["go", "no-go"] as const;

export type GoNoGoDecision = (typeof goNoGoDecisions)[number];

/**
 * An ISO 8601 time with a date, hours and minutes and a zone (`2026-12-01T18:00:00Z`,
 * `2026-12-01T19:00+01:00`): a time without a zone means a different instant on every
 * machine, so a 24-hour rule could not judge it.
 */
export const isoTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export const isoTimeExample = "2026-12-01T18:00:00Z";

/** The instant of an ISO 8601 time with a zone, or undefined when `text` is not one. */
export function parseIsoTime(text: unknown): Date | undefined {
    if (typeof text !== "string" || !isoTimePattern.test(text)) return undefined;
    const t = Date.parse(text);
    return Number.isNaN(t) ? undefined : new Date(t);
}
