/**
 * Starts the policy pack as the Pulumi CLI does for a Node.js pack: `node
 * @pulumi/pulumi/cmd/run-policy-pack <engine-address> .` with the pack folder as working
 * directory; `new PolicyPack` prints the Analyzer service's port on stdout. The folder is
 * the pack compiled once per version of its sources (pack-build.ts), so a start does not
 * type-check the pack again.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { credentials } from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { clockVariable } from "../../policies/lib/clock";
import { builtPack } from "./pack-build";

export interface RunningPack {
    client: AnalyzerClient;
    port: number;
    stop(): void;
}

/** The CLI passes its own gRPC address; the pack does not call back during analysis. */
const engineAddress = "127.0.0.1:0";

/** The serving packs shared by a whole process (a test run), by folder and environment; undefined when not sharing. */
let shared: Map<string, Promise<RunningPack>> | undefined;

/**
 * From now on, `startPolicyPack` hands out one serving pack per folder for the whole
 * process and its `stop()` leaves it running: a test run starts the pack once, not once per
 * case. Each evaluation still sends GetAnalyzerInfo, Configure and ConfigureStack, as the
 * engine does, so nothing of one run's configuration carries into the next.
 */
export function sharePolicyPacks(): void {
    shared ??= new Map();
}

/** Stops the shared packs and goes back to one pack per start. */
export async function stopSharedPolicyPacks(): Promise<void> {
    const packs = shared;
    shared = undefined;
    for (const p of packs?.values() ?? []) {
        try {
            (await p).stop();
        } catch {
            // A pack that failed to start has nothing to stop.
        }
    }
}

/**
 * Starts (or, when shared, finds) a serving pack. `clock` is the `--now` time: the pack reads
 * it as GOLIVE_NOW (policies/lib/clock.ts) at every evaluation; without it the pack gets the
 * caller's own GOLIVE_NOW, if any, as the real CLI would hand it over, else judges by real time.
 */
export function startPolicyPack(packDir: string, timeoutMs = 90_000, clock?: string): Promise<RunningPack> {
    const packEnv: NodeJS.ProcessEnv = clock === undefined ? process.env : { ...process.env, [clockVariable]: clock };
    if (!shared) return spawnPack(packDir, timeoutMs, packEnv);
    // The pack reads GOLIVE_* (the clock of `--now`) from its environment at start.
    const env = Object.entries(packEnv).filter(([k]) => k.startsWith("GOLIVE_")).sort();
    const key = JSON.stringify([path.resolve(packDir), env]);
    let pack = shared.get(key);
    if (!pack) {
        const started = spawnPack(packDir, timeoutMs, packEnv);
        const packs = shared;
        started.catch(() => packs.delete(key));
        packs.set(key, started);
        pack = started;
    }
    return pack.then((p) => ({ ...p, stop: () => undefined }));
}

function spawnPack(packDir: string, timeoutMs: number, env: NodeJS.ProcessEnv): Promise<RunningPack> {
    let dir: string;
    try {
        dir = builtPack(packDir);
    } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    const entry = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [dir] });
    const child: ChildProcess = spawn(process.execPath, [entry, engineAddress, "."], {
        cwd: dir,
        env,
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    return new Promise((resolve, reject) => {
        let served = false;
        // The pack starts beside the program (tools/plan.ts), which may keep this process busy
        // past the timeout in a large plan: the port may then be waiting in the pipe, read in
        // the event loop's next I/O phase, which runs before setImmediate's callbacks.
        const timer = setTimeout(() => setImmediate(() => {
            if (served) return;
            child.kill();
            reject(new Error(`policy pack in ${packDir} did not print its port within ${timeoutMs / 1000} s${stderr ? `: ${stderr.trim()}` : ""}`));
        }), timeoutMs);
        const fail = (why: string) => {
            clearTimeout(timer);
            reject(new Error(`policy pack in ${packDir} ${why}${stderr ? `:\n${stderr.trim()}` : ""}`));
        };
        child.on("error", (e) => fail(`could not start: ${e.message}`));
        child.on("exit", (code) => fail(`exited with code ${code} before serving`));
        child.stderr!.on("data", (d: Buffer) => {
            stderr += d.toString();
        });
        child.stdout!.on("data", (d: Buffer) => {
            stdout += d.toString();
            const line = /^(\d+)\s*$/m.exec(stdout);
            if (!line) return;
            served = true;
            clearTimeout(timer);
            child.removeAllListeners("exit");
            const port = Number(line[1]);
            const client = new AnalyzerClient(`127.0.0.1:${port}`, credentials.createInsecure());
            resolve({
                client,
                port,
                stop: () => {
                    client.close();
                    child.kill();
                },
            });
        });
    });
}
