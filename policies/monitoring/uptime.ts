/**
 * Uptime check regions as Cloud Monitoring reads them. Not a policy.
 */

/**
 * The checker regions of UptimeCheckConfig.selectedRegions that name distinct places.
 * `USA` is not among them: it means the three US regions together, so a list of USA plus
 * USA_OREGON counts Oregon once.
 */
export const distinctRegions = ["EUROPE", "SOUTH_AMERICA", "ASIA_PACIFIC", "USA_OREGON", "USA_IOWA", "USA_VIRGINIA"] as const;
export type UptimeRegion = (typeof distinctRegions)[number] | "USA";

const expansions: Readonly<Record<string, readonly string[]>> = {
    USA: ["USA_OREGON", "USA_IOWA", "USA_VIRGINIA"],
};

/**
 * The distinct regions a check runs from. An empty or unset list runs from every region
 * (the API's default), so it counts as all of them.
 */
export function regionsCovered(selected: unknown): string[] {
    if (!Array.isArray(selected) || selected.length === 0) return [...distinctRegions];
    const out = new Set<string>();
    for (const r of selected) {
        if (typeof r !== "string") continue;
        for (const x of expansions[r] ?? [r]) out.add(x);
    }
    return [...out].filter((r) => (distinctRegions as readonly string[]).includes(r));
}
