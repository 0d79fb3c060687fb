/**
 * The clock of a run (`--now <ISO time>` on plan and analyze): the time rules (go/no-go
 * freshness, certificate expiry) judge as of it. Without --now, a GOLIVE_NOW the caller set
 * is used, as the pack would read it under the real CLI; else the current time.
 */
import { clockVariable } from "../../policies/lib/clock";
import { InputError } from "./errors";

export interface Clock {
    /** The instant, ISO 8601 in UTC. */
    at: string;
    /** Where it comes from, for the report. */
    source: "--now" | typeof clockVariable | "current time";
    /** What to hand the pack as GOLIVE_NOW (undefined: the pack reads the real time itself). */
    forPack: string | undefined;
}

export function clockOf(now: string | undefined, env: NodeJS.ProcessEnv = process.env): Clock {
    if (now !== undefined) {
        // A zone is required: a time without one is a different instant on every machine.
        const t = /(Z|[+-]\d{2}:\d{2})$/i.test(now) ? Date.parse(now) : Number.NaN;
        if (Number.isNaN(t)) throw new InputError(`--now ${JSON.stringify(now)}: expected an ISO 8601 time such as 2026-11-22T09:00:00Z`);
        const at = new Date(t).toISOString();
        return { at, source: "--now", forPack: at };
    }
    const fromEnv = env[clockVariable];
    if (fromEnv !== undefined && fromEnv !== "") {
        const t = Date.parse(fromEnv);
        if (Number.isNaN(t)) throw new InputError(`${clockVariable}=${JSON.stringify(fromEnv)}: expected an ISO 8601 time such as 2026-11-22T09:00:00Z, or unset it to judge as of now`);
        return { at: new Date(t).toISOString(), source: clockVariable, forPack: undefined };
    }
    return { at: new Date().toISOString(), source: "current time", forPack: undefined };
}
