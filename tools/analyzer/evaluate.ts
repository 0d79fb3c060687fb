/**
 * Evaluates the policy pack against a set of resources exactly as the engine drives it:
 * start the pack, GetAnalyzerInfo, Configure with the stack's policy config, ConfigureStack,
 * Analyze for every resource (inputs), then AnalyzeStack once (outputs of all resources).
 */
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { runbookTagPrefix } from "../../policies/lib/define";
import { startPolicyPack, type RunningPack } from "./pack-process";
import { configureRequest, resolvePolicyConfig, type Level } from "./policy-config";
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

export interface EvaluateOptions {
    packDir: string;
    policyConfigFile: string;
    project: string;
    stack: string;
    dryRun: boolean;
    /** Progress lines for the terminal. */
    progress?: (line: string) => void;
}

const severityNames = ["low", "low", "medium", "high", "critical"] as const;

export async function evaluate(resources: readonly EngineResource[], opts: EvaluateOptions): Promise<Evaluation> {
    const t0 = Date.now();
    opts.progress?.(`starting policy pack ${opts.packDir} ...`);
    const pack = await startPolicyPack(opts.packDir);
    const startMs = Date.now() - t0;
    try {
        return { ...(await evaluateWith(pack, resources, opts)), startMs };
    } finally {
        pack.stop();
    }
}

/** One evaluation on a pack that is already serving (a test may reuse one pack for many). */
export async function evaluateWith(pack: RunningPack, resources: readonly EngineResource[], opts: Omit<EvaluateOptions, "packDir">): Promise<Omit<Evaluation, "startMs">> {
    const info = await rpc.getAnalyzerInfo(pack.client);
    const config = resolvePolicyConfig(opts.policyConfigFile, info);
    await rpc.configure(pack.client, configureRequest(config));
    const stackReq = new analyzerProto.AnalyzerStackConfigureRequest();
    stackReq.setStack(opts.stack);
    stackReq.setProject(opts.project);
    stackReq.setDryRun(opts.dryRun);
    await rpc.configureStack(pack.client, stackReq);

    const policies: PolicyMeta[] = info.getPoliciesList().map((p) => ({
        name: p.getName(),
        description: p.getDescription(),
        severity: severityNames[p.getSeverity()] ?? "low",
        level: config.get(p.getName())?.level ?? "mandatory",
        runbook: p.getTagsList().filter((t) => t.startsWith(runbookTagPrefix)).map((t) => t.slice(runbookTagPrefix.length)),
        remediation: p.getRemediationSteps(),
        url: p.getUrl(),
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

    opts.progress?.(`${info.getName()}@${info.getVersion()}: ${policies.length} policies; analyzing ${resources.length} resources ...`);
    const t1 = Date.now();
    const index = new Map(resources.map((r) => [r.urn, r]));
    const found: Diagnostic[] = [];
    for (const r of resources) {
        const resp = await rpc.analyze(pack.client, analyzeRequest(r, index));
        countApplied(resp, false);
        found.push(...diagnostics(resp, r.urn));
    }
    const stackResp = await rpc.analyzeStack(pack.client, analyzeStackRequest(resources));
    countApplied(stackResp, true);
    found.push(...diagnostics(stackResp, null));
    return { pack: { name: info.getName(), version: info.getVersion() }, policies, diagnostics: found, analyzeMs: Date.now() - t1 };
}
