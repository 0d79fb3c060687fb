/**
 * IntOrString values such as maxUnavailable and minAvailable (1, "25%", "1"), read and
 * scaled as the disruption and deployment controllers do. Not a policy.
 */

export type IntOrPercent = { int: number } | { percent: number };

export function intOrPercent(value: unknown): IntOrPercent | undefined {
    if (typeof value === "number" && Number.isFinite(value)) return { int: value };
    if (typeof value === "string") {
        const pct = /^(\d+(?:\.\d+)?)%$/.exec(value.trim());
        if (pct) return { percent: Number(pct[1]) };
        if (/^\d+$/.test(value.trim())) return { int: Number(value) };
    }
    return undefined;
}

/** A percentage scaled to a pod count, rounded up. */
export function scaled(v: IntOrPercent, of: number): number {
    return "int" in v ? v.int : Math.ceil((v.percent * of) / 100);
}

export function formatIntOrPercent(value: unknown): string {
    return typeof value === "string" ? `"${value}"` : String(value);
}
