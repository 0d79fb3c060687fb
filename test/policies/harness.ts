/**
 * Runs policies the way the engine runs them: the request messages are built by the same
 * code the offline gate sends over gRPC (tools/analyzer/protocol.ts) and handed to
 * @pulumi/policy's own Analyze/AnalyzeStack handlers, which deserialize the properties,
 * wrap them in the unknown-checking proxy and fill in stackTags and notApplicable.
 */
import type { Policy } from "@pulumi/policy";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { analyzeRequest, analyzeStackRequest, diagnostics, type Diagnostic } from "../../tools/analyzer/protocol";
import type { EngineResource } from "../../tools/analyzer/resource";
import type * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { clockVariable } from "../../policies/lib/clock";

type Handler = (call: { request: unknown }, cb: (err: unknown, resp?: analyzerProto.AnalyzeResponse) => void) => Promise<void>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- internal module without typings
const server = require("@pulumi/policy/server") as {
    makeAnalyzeRpcFun(pack: string, version: string, level: string, policies: Policy[]): Handler;
    makeAnalyzeStackRpcFun(pack: string, version: string, level: string, policies: Policy[]): Handler;
};

/** The engine's wire form of a value that is unknown during preview. */
export const UNKNOWN = unknownValue;

/** A resource named `name` of `type` with these inputs (outputs default to the inputs). */
export function resource(type: string, name: string, inputs: Record<string, unknown>, extra: Partial<EngineResource> = {}): EngineResource {
    return {
        urn: `urn:pulumi:test::golive::${type}::${name}`,
        custom: true,
        type,
        inputs,
        outputs: inputs,
        dependencies: [],
        propertyDependencies: {},
        ...extra,
    };
}

function call(handler: Handler, request: unknown): Promise<analyzerProto.AnalyzeResponse> {
    return new Promise((resolve, reject) => {
        void handler({ request }, (err, resp) => (err || !resp ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(resp)));
    });
}

/** The engine's response to an Analyze call of one resource policy on one resource. */
function analyzeResponse(policy: Policy, r: EngineResource): Promise<analyzerProto.AnalyzeResponse> {
    const handler = server.makeAnalyzeRpcFun("golive-test", "0.0.0", "mandatory", [policy]);
    return call(handler, analyzeRequest(r, new Map([[r.urn, r]])));
}

/** The engine's response to an AnalyzeStack call of one stack policy on a whole stack. */
function analyzeStackResponse(policy: Policy, resources: EngineResource[]): Promise<analyzerProto.AnalyzeResponse> {
    const handler = server.makeAnalyzeStackRpcFun("golive-test", "0.0.0", "mandatory", [policy]);
    return call(handler, analyzeStackRequest(resources));
}

/** Diagnostics of one resource policy on one resource, as `analyze` returns them. */
export async function analyze(policy: Policy, r: EngineResource): Promise<Diagnostic[]> {
    return diagnostics(await analyzeResponse(policy, r), r.urn);
}

/** Diagnostics of one stack policy on a whole stack, as `analyzeStack` returns them. */
export async function analyzeStack(policy: Policy, resources: EngineResource[]): Promise<Diagnostic[]> {
    return diagnostics(await analyzeStackResponse(policy, resources), null);
}

/** A policy the response lists as not applicable (AnalyzeResponse.notApplicable), and why. */
export interface NotApplicable {
    policy: string;
    reason: string;
}

function notApplicableOf(resp: analyzerProto.AnalyzeResponse): NotApplicable[] {
    return resp.getNotApplicableList().map((n) => ({ policy: n.getPolicyName(), reason: n.getReason() }));
}

/** The policies reported not applicable to this resource, with their reasons. */
export async function notApplicableReasons(policy: Policy, r: EngineResource): Promise<NotApplicable[]> {
    return notApplicableOf(await analyzeResponse(policy, r));
}

/** The policies reported not applicable to this stack, with their reasons. */
export async function stackNotApplicableReasons(policy: Policy, resources: EngineResource[]): Promise<NotApplicable[]> {
    return notApplicableOf(await analyzeStackResponse(policy, resources));
}

/** The names of the policies reported not applicable to this resource: [] when the policy judged it. */
export async function notApplicable(policy: Policy, r: EngineResource): Promise<string[]> {
    return (await notApplicableReasons(policy, r)).map((n) => n.policy);
}

/** The names of the policies reported not applicable to this stack: [] when the policy judged it. */
export async function stackNotApplicable(policy: Policy, resources: EngineResource[]): Promise<string[]> {
    return (await stackNotApplicableReasons(policy, resources)).map((n) => n.policy);
}

/** A policy's whole answer on one resource (`r`) or on the stack (`resources`): its diagnostics, and whether it judged at all. */
export async function judgement(policy: Policy, target: EngineResource | EngineResource[]): Promise<{ diagnostics: Diagnostic[]; judged: boolean }> {
    const resp = Array.isArray(target) ? await analyzeStackResponse(policy, target) : await analyzeResponse(policy, target);
    return { diagnostics: diagnostics(resp, Array.isArray(target) ? null : target.urn), judged: notApplicableOf(resp).length === 0 };
}

/** The engine prefixes every violation with the policy's description and a newline. */
function withoutDescription(policy: Policy, message: string): string {
    const prefix = `${policy.description}\n`;
    return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** Just what the policy said, which tests assert exactly. */
export async function messages(policy: Policy, r: EngineResource): Promise<string[]> {
    return (await analyze(policy, r)).map((d) => withoutDescription(policy, d.message));
}

export async function stackMessages(policy: Policy, resources: EngineResource[]): Promise<string[]> {
    return (await analyzeStack(policy, resources)).map((d) => withoutDescription(policy, d.message));
}

/**
 * Sets the policies' clock (the variable analyze --now hands the pack) to `time` for each test
 * of the calling describe block, and restores what was there after it.
 */
export function withClock(time: string): void {
    let saved: string | undefined;
    beforeEach(() => {
        saved = process.env[clockVariable];
        process.env[clockVariable] = time;
    });
    afterEach(() => {
        if (saved === undefined) delete process.env[clockVariable];
        else process.env[clockVariable] = saved;
    });
}

