/**
 * Runs the built Pulumi CLI the way a user without a Pulumi account does: a local file
 * backend in a temporary folder, a passphrase secrets provider, no update check, no plugin
 * downloads, and the build's bin first on PATH so the engine finds golive's language host.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { packDir } from "../cli/command";
import { currentBuild } from "./build";
import type { EngineBuild } from "./layout";
import { runTimed, type RunResult } from "./spawn";

export interface EngineSandbox {
    /** The build whose CLI runs. */
    build: EngineBuild;
    /** The environment every CLI run gets. */
    env: NodeJS.ProcessEnv;
    dir: string;
    remove(): void;
}

/**
 * A throwaway PULUMI_HOME and file:// backend. The passphrase only protects the secrets of
 * stacks created in this folder, which is deleted afterwards; it guards nothing real.
 */
export function engineSandbox(build = currentBuild(), extraEnv: NodeJS.ProcessEnv = {}): EngineSandbox {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golive-engine-"));
    fs.mkdirSync(path.join(dir, "state"));
    fs.mkdirSync(path.join(dir, "home"));
    const env: NodeJS.ProcessEnv = {};
    // Nothing of the caller's Pulumi login or plugin cache may leak into the run.
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("PULUMI_")) env[k] = v;
    Object.assign(env, {
        PATH: `${build.binDir}${path.delimiter}${process.env["PATH"] ?? ""}`,
        PULUMI_HOME: path.join(dir, "home"),
        PULUMI_BACKEND_URL: `file://${path.join(dir, "state")}`,
        PULUMI_CONFIG_PASSPHRASE: "golive-engine-sandbox",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        NO_COLOR: "1",
        ...extraEnv,
    });
    return { build, env, dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `pulumi <args>` in the sandbox. */
export function pulumi(args: readonly string[], sandbox: EngineSandbox, opts: { cwd?: string; timeoutMs?: number } = {}): Promise<RunResult> {
    return runTimed(sandbox.build.pulumiBin, args, { cwd: opts.cwd ?? process.cwd(), env: sandbox.env, ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) });
}

/** One policy diagnostic as the engine reports it (an engine event of type policyEvent). */
export interface EngineViolation {
    policy: string;
    urn: string;
    enforcementLevel: string;
    severity: string;
    message: string;
}

export interface EngineAnalysis extends RunResult {
    violations: EngineViolation[];
    /** The summary event's result ("succeeded" / "failed"), when the CLI got that far. */
    result?: string;
}

/**
 * `pulumi policy analyze --file <export> --policy-pack policies --policy-pack-config <config> --json`:
 * the engine reads the exported state, starts the pack through the language host, and
 * emits one JSON engine event per line.
 */
export async function policyAnalyze(file: string, config: string, sandbox: EngineSandbox, pack = packDir): Promise<EngineAnalysis> {
    const r = await pulumi(["policy", "analyze", "--file", file, "--policy-pack", pack, "--policy-pack-config", config, "--json"], sandbox);
    const violations: EngineViolation[] = [];
    let result: string | undefined;
    for (const line of r.stdout.split("\n")) {
        if (!line.startsWith("{")) continue;
        // apitype.EngineEvent: one field per kind of event (policyEvent, summaryEvent, ...).
        const event = JSON.parse(line) as {
            policyEvent?: { resourceUrn?: string; policyName: string; enforcementLevel: string; severity?: string; message: string };
            summaryEvent?: { result?: string };
        };
        if (event.policyEvent) {
            const p = event.policyEvent;
            violations.push({ policy: p.policyName, urn: p.resourceUrn ?? "", enforcementLevel: p.enforcementLevel, severity: p.severity ?? "", message: p.message });
        } else if (event.summaryEvent) {
            result = event.summaryEvent.result;
        }
    }
    return { ...r, violations, ...(result !== undefined ? { result } : {}) };
}
