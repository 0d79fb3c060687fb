/**
 * Evaluates the policy pack against a set of resources exactly as the engine drives it:
 * start the pack, GetAnalyzerInfo (the policy config is validated against it here, before
 * any work), Configure with the stack's policy config, ConfigureStack, Analyze for every
 * resource (inputs), then AnalyzeStack once (outputs of all resources).
 */
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { runbookTagPrefix } from "../../policies/lib/define";
import { startPolicyPack, type RunningPack } from "./pack-process";
import { configureRequest, resolvePolicyConfig, type EffectivePolicyConfig, type Level } from "./policy-config";
import { analyzeRequest, analyzeStackRequest, diagnostics, type Diagnostic } from "./protocol";
import type { EngineResource } from "./resource";
import { rpc } from "./rpc";

export interface PolicyMeta {
    name: string;
    description: string;
    severity: "low" | "medium" | "high" | "critical";
    /** The level this run enforces it at (after the stack's policy config). */
    level: Level;
    runbook: string[];
    remediation: string;
    url: string;
    /** Its config properties in this run (the stack's policy config over the configSchema defaults). */
    config?: Record<string, unknown>;
    /**
     * How many resources it judged (Analyze calls, or 1 for a stack policy's AnalyzeStack)
     * without saying it does not apply. Zero means it checked nothing in this stack.
     */
    applied: number;
}

export interface Evaluation {
    pack: { name: string; version: string };
    policies: PolicyMeta[];
    diagnostics: Diagnostic[];
    /** Wall time of the Analyze/AnalyzeStack calls, for the bench. */
    analyzeMs: number;
    startMs: number;
}

export interface GateOptions {
    packDir: string;
    /** The `--policy-pack-config` file. */
    policyConfigFile: string;
    /** Progress lines for the terminal. */
    progress?: (line: string) => void;
    /** The clock for time rules (`--now`, ISO 8601), handed to the pack as GOLIVE_NOW. */
    clock?: string;
}

/** The stack the resources belong to, as ConfigureStack tells the pack. */
export interface Target {
    project: string;
    stack: string;
    dryRun: boolean;
}

export type EvaluateOptions = GateOptions & Target;

/**
 * A pack started and configured, ready to judge one stack: what the engine does before the
 * first resource, so a bad policy config is refused (InputError) before any work.
 */
export interface Gate {
    evaluate(resources: readonly EngineResource[], target: Target): Promise<Evaluation>;
    /** Each policy's level and settings, as the config file and the schemas' defaults give them. */
    policyConfig: ReadonlyMap<string, EffectivePolicyConfig>;
    stop(): void;
}

/** The progress line saying what the policies cost (the bench reads it back from a plan's stderr with `policyCost`). */
export function judgedLine(resources: number, analyzeMs: number): string {
    const per = resources ? (analyzeMs / resources).toFixed(3) : "0";
    return `${resources} resources judged in ${analyzeMs} ms through the Analyzer service (${per} ms per resource, the pack's start excluded)`;
}

/** The figures of the `judgedLine` in a command's output, if it has one. */
export function policyCost(output: string): { resources: number; analyzeMs: number } | undefined {
    const m = /(\d+) resources judged in (\d+) ms through the Analyzer service/.exec(output);
    return m ? { resources: Number(m[1]), analyzeMs: Number(m[2]) } : undefined;
}

/** Analyze calls in flight at once: enough to keep the pack busy, few enough to bound memory. */
const analyzeWindow = 16;

/** Maps items through `fn` with at most `window` calls pending; results in item order. */
async function inFlight<T, R>(items: readonly T[], window: number, fn: (item: T) => Promise<R>): Promise<R[]> {
    const results = new Array<R>(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]!);
        }
    };
    await Promise.all(Array.from({ length: Math.min(window, items.length) }, worker));
    return results;
}

const severityNames = ["low", "low", "medium", "high", "critical"] as const;

/** Starts the pack, asks what it is (GetAnalyzerInfo), and resolves and validates the policy config against it. */
export async function openGate(opts: GateOptions): Promise<Gate> {
    const t0 = Date.now();
    opts.progress?.(`starting policy pack ${opts.packDir} ...`);
    const pack = await startPolicyPack(opts.packDir, undefined, opts.clock);
    const startMs = Date.now() - t0;
    try {
        const info = await rpc.getAnalyzerInfo(pack.client);
        const config = resolvePolicyConfig(opts.policyConfigFile, info);
        return {
            evaluate: async (resources, target) => ({ ...(await judge(pack, info, config, resources, target, opts.progress)), startMs }),
            policyConfig: config,
            stop: () => pack.stop(),
        };
    } catch (e) {
        pack.stop();
        throw e;
    }
}

/** One evaluation, start to stop: open the gate, judge the resources, stop the pack. */
export async function evaluate(resources: readonly EngineResource[], opts: EvaluateOptions): Promise<Evaluation> {
    const gate = await openGate(opts);
    try {
        return await gate.evaluate(resources, opts);
    } finally {
        gate.stop();
    }
}

async function judge(
    pack: RunningPack,
    info: analyzerProto.AnalyzerInfo,
    config: ReadonlyMap<string, EffectivePolicyConfig>,
    resources: readonly EngineResource[],
    target: Target,
    progress: ((line: string) => void) | undefined,
): Promise<Omit<Evaluation, "startMs">> {
    // Configure here rather than at open: a pack shared by a test run may have judged another stack since.
    await rpc.configure(pack.client, configureRequest(config));
    const stackReq = new analyzerProto.AnalyzerStackConfigureRequest();
    stackReq.setStack(target.stack);
    stackReq.setProject(target.project);
    stackReq.setDryRun(target.dryRun);
    await rpc.configureStack(pack.client, stackReq);

    const policies: PolicyMeta[] = info.getPoliciesList().map((p) => ({
        name: p.getName(),
        description: p.getDescription(),
        severity: severityNames[p.getSeverity()] ?? "low",
        level: config.get(p.getName())?.level ?? "mandatory",
        runbook: p.getTagsList().filter((t) => t.startsWith(runbookTagPrefix)).map((t) => t.slice(runbookTagPrefix.length)),
        remediation: p.getRemediationSteps(),
        url: p.getUrl(),
        config: config.get(p.getName())?.properties ?? {},
        applied: 0,
    }));
    const byName = new Map(policies.map((p) => [p.name, p]));
    const stackPolicies = new Set(info.getPoliciesList().filter((p) => p.getPolicyType() === analyzerProto.PolicyType.POLICY_TYPE_STACK).map((p) => p.getName()));
    /** Counts the policies of one kind that judged a request: all of them but the not-applicable ones. */
    const countApplied = (resp: analyzerProto.AnalyzeResponse, stack: boolean) => {
        const skipped = new Set(resp.getNotApplicableList().map((n) => n.getPolicyName()));
        for (const p of policies) {
            if (p.level !== "disabled" && stackPolicies.has(p.name) === stack && !skipped.has(p.name)) byName.get(p.name)!.applied++;
        }
    };

    progress?.(`${info.getName()}@${info.getVersion()}: ${policies.length} policies; analyzing ${resources.length} resources ...`);
    const t1 = Date.now();
    const index = new Map(resources.map((r) => [r.urn, r]));
    const found: Diagnostic[] = [];
    // Several Analyze calls in flight, as the engine analyzes the steps it runs side by side:
    // the pack judges the next resource while the answer to the last one travels back. The
    // answers are taken in resource order, so findings keep the same order as one by one.
    const responses = await inFlight(resources, analyzeWindow, (r) => rpc.analyze(pack.client, analyzeRequest(r, index)));
    resources.forEach((r, i) => {
        countApplied(responses[i]!, false);
        found.push(...diagnostics(responses[i]!, r.urn));
    });
    const stackResp = await rpc.analyzeStack(pack.client, analyzeStackRequest(resources));
    countApplied(stackResp, true);
    found.push(...diagnostics(stackResp, null));
    const analyzeMs = Date.now() - t1;
    progress?.(judgedLine(resources.length, analyzeMs));
    return { pack: { name: info.getName(), version: info.getVersion() }, policies, diagnostics: found, analyzeMs };
}
