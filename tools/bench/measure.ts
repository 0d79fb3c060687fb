/**
 * One timed run of a command in its own process (Pulumi's mocks are global per process):
 * wall time from spawn to exit, and peak memory. Peak memory is the sum of each process's
 * own peak (VmHWM in /proc) over the process and its children (the plan's policy pack), read
 * every few milliseconds while they run: an upper bound of the tree's peak, exact for a
 * single process. Without /proc (not Linux) it is the command's own peak as Node reports it
 * on exit, unavailable here, so 0.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";

export interface Measured {
    seconds: number;
    peakRssMB: number;
    code: number | null;
    stdout: string;
    stderr: string;
}

const pollMs = 20;

function readOr(file: string): string | undefined {
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        return undefined;
    }
}

/** The process and its descendants, by /proc/<pid>/task/<pid>/children. */
function tree(pid: number): number[] {
    const out = [pid];
    for (let i = 0; i < out.length; i++) {
        const children = readOr(`/proc/${out[i]}/task/${out[i]}/children`);
        if (children) out.push(...children.trim().split(/\s+/).filter(Boolean).map(Number));
    }
    return out;
}

/** Peak resident set of one process in kB (VmHWM), undefined once it has exited. */
function peakKb(pid: number): number | undefined {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readOr(`/proc/${pid}/status`) ?? "");
    return m ? Number(m[1]) : undefined;
}

export function measureProcess(args: readonly string[], cwd: string): Promise<Measured> {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    const peaks = new Map<number, number>();
    const sample = () => {
        if (child.pid === undefined) return;
        for (const pid of tree(child.pid)) {
            const kb = peakKb(pid);
            if (kb !== undefined) peaks.set(pid, Math.max(kb, peaks.get(pid) ?? 0));
        }
    };
    const timer = setInterval(sample, pollMs);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve, reject) => {
        child.on("error", (e) => {
            clearInterval(timer);
            reject(e);
        });
        child.on("close", (code) => {
            const seconds = (performance.now() - t0) / 1000;
            clearInterval(timer);
            const kb = [...peaks.values()].reduce((a, b) => a + b, 0);
            resolve({ seconds, peakRssMB: Math.round(kb / 1024), code, stdout, stderr });
        });
    });
}
