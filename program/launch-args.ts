import type { LaunchArgs } from "../components/launch";
import type { StackConfig } from "../config";

/** The Launch component's plain args from the validated stack config. */
export function launchArgs(config: Pick<StackConfig, "launch">, stackFile: string): LaunchArgs {
    const l = config.launch;
    return {
        stackFile,
        phase: l.phase,
        ...(l.goNoGo ? { goNoGo: { ...l.goNoGo } } : {}),
        attestations: Object.fromEntries(Object.entries(l.attestations).map(([id, a]) => [id, { ...a }])),
        freezeExceptions: [...l.freezeExceptions],
    };
}
