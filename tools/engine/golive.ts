/**
 * Runs golive's own commands (`npm run plan`, `npm run analyze`) as a user does, without
 * npm's banner, so the engine can judge the same file at the same time.
 */
import * as path from "node:path";
import { projectDir } from "../cli/command";
import { runTimed, type RunResult } from "./spawn";

export function golive(command: "plan" | "analyze", args: readonly string[], timeoutMs = 600_000): Promise<RunResult> {
    return runTimed(process.execPath, ["-r", "./tools/register.js", path.join("tools", `${command}.ts`), ...args], {
        cwd: projectDir,
        env: { ...process.env, NO_COLOR: "1", GOLIVE_DEBUG: "" },
        timeoutMs,
    });
}
