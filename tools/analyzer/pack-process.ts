/**
 * Starts the policy pack as the Pulumi CLI does for a Node.js pack: `node
 * @pulumi/pulumi/cmd/run-policy-pack <engine-address> <pack-dir>` with the pack folder as
 * working directory. run-policy-pack registers ts-node (type-checking the pack), loads its
 * main module, and `new PolicyPack` prints the Analyzer service's port on stdout.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { credentials } from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";

export interface RunningPack {
    client: AnalyzerClient;
    port: number;
    stop(): void;
}

/** The CLI passes its own gRPC address; the pack does not call back during analysis. */
const engineAddress = "127.0.0.1:0";

export function startPolicyPack(packDir: string, timeoutMs = 90_000): Promise<RunningPack> {
    const entry = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    const child: ChildProcess = spawn(process.execPath, [entry, engineAddress, "."], {
        cwd: path.resolve(packDir),
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill();
            reject(new Error(`policy pack in ${packDir} did not print its port within ${timeoutMs / 1000} s${stderr ? `: ${stderr.trim()}` : ""}`));
        }, timeoutMs);
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
