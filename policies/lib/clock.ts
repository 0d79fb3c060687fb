/**
 * The clock of time rules (certificate expiry, go/no-go freshness). `npm run plan` and
 * `npm run analyze` hand `--now <ISO time>` to the pack as GOLIVE_NOW, so a stack can be
 * judged as of launch time; without it the pack uses the current time (under the real
 * CLI too: `GOLIVE_NOW=... pulumi preview --policy-pack policies`). Not a policy.
 */

export const clockVariable = "GOLIVE_NOW";

/** The evaluation time: GOLIVE_NOW when set, else now. A GOLIVE_NOW that is not a time is an error, never ignored. */
export function evaluationTime(env: NodeJS.ProcessEnv = process.env): Date {
    const value = env[clockVariable];
    if (value === undefined || value === "") return new Date();
    const t = Date.parse(value);
    if (Number.isNaN(t)) {
        throw new Error(`${clockVariable}=${JSON.stringify(value)} is not an ISO 8601 time such as 2026-11-22T09:00:00Z; set a time or unset it to judge as of now`);
    }
    return new Date(t);
}
