/**
 * Runs a command asynchronously (so the two judges can work side by side), collecting its
 * output, wall time and, where GNU time is installed, the peak memory of it and its children.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";

export interface RunResult {
    code: number | null;
    stdout: string;
    stderr: string;
    ms: number;
    /** Peak resident memory (MB) of the largest process in the tree, from /usr/bin/time. */
    maxRssMb?: number;
}

const gnuTime = "/usr/bin/time";
const marker = "golive-maxrss-kb=";

export function runTimed(cmd: string, args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<RunResult> {
    const timed = fs.existsSync(gnuTime);
    const [file, argv] = timed ? [gnuTime, ["-q", "-f", `${marker}%M`, cmd, ...args]] : [cmd, [...args]];
    return new Promise((resolve, reject) => {
        const t0 = Date.now();
        const child = spawn(file, argv, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 600_000);
        child.on("error", (e) => {
            clearTimeout(timer);
            reject(e);
        });
        child.on("close", (code) => {
            clearTimeout(timer);
            const m = new RegExp(`^${marker}(\\d+)\\s*$`, "m").exec(stderr);
            if (m) stderr = stderr.replace(m[0], "");
            // -q: GNU time says nothing about a non-zero exit; it exits with the command's status.
            resolve({ code, stdout, stderr, ms: Date.now() - t0, ...(m ? { maxRssMb: Math.round(Number(m[1]) / 1024) } : {}) });
        });
    });
}
