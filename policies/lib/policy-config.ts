/** The number in a policy config property, or its default when the config leaves it out. */
export function configNumber(config: Record<string, unknown>, key: string, fallback: number): number {
    const v = config[key];
    return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}
