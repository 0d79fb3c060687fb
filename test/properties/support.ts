/**
 * What the property suite shares: the seed and run counts (fast in `npm test`, larger in
 * `npm run test:fuzz`), the shipped stacks planned once per process, what is registered
 * (every policy of policies/all.ts, its kind and level), and the mutations the properties
 * apply to resources and configs. Nothing here names a policy: a policy registered tomorrow
 * is covered the day it lands.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Policy, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import fc from "fast-check";
import { policies } from "../../policies/all";
import { analyzerResource, diagnostics, type Diagnostic } from "../../tools/analyzer/protocol";
import type { EngineResource } from "../../tools/analyzer/resource";
import { runProgram } from "../../tools/plan/record";
import { readStackFile } from "../../tools/plan/stack-config";

export const projectDir = path.resolve(__dirname, "..", "..");
export const shippedStacks = ["production", "staging"] as const;
export type ShippedStack = (typeof shippedStacks)[number];

/** `npm run test:fuzz -- --seed N --runs N` sets these; `npm test` runs the fixed fast seed. */
const envSeed = process.env["GOLIVE_FUZZ_SEED"];
const envRuns = process.env["GOLIVE_FUZZ_RUNS"];
export const seed = envSeed !== undefined && envSeed !== "" ? Number(envSeed) : 15;
export const campaign = envRuns !== undefined && envRuns !== "";
const campaignRuns = campaign ? Math.max(1, Number(envRuns)) : 0;

/**
 * How many runs a property gets: `fast` in `npm test`; in a campaign, `--runs` for a cheap
 * property (one policy call), a tenth of it for one that judges a whole stack per run, and
 * a fiftieth for one that plans or serves a whole stack (never fewer than `fast`).
 */
export function runs(fast: number, cost: "cheap" | "stack" | "costly" = "cheap"): number {
    if (!campaign) return fast;
    return Math.max(fast, Math.ceil(campaignRuns / { cheap: 1, stack: 10, costly: 50 }[cost]));
}

/** A test's time limit: `fast` in `npm test`; a campaign's runs take longer (a hang is still caught per call where it matters). */
export function timeLimit(fast: number): number {
    return campaign ? fast * Math.max(10, Math.ceil(campaignRuns / 5)) : fast;
}

/** fast-check's parameters: the suite's seed, so every failure replays. */
export function params<T>(numRuns: number): fc.Parameters<T> {
    return { seed, numRuns, endOnFailure: true };
}

/** Runs a property; a failure says how to replay it. */
export async function check<Ts extends [unknown, ...unknown[]]>(property: fc.IAsyncPropertyWithHooks<Ts> | fc.IPropertyWithHooks<Ts>, numRuns: number): Promise<void> {
    try {
        await fc.assert(property as fc.IAsyncProperty<Ts>, params<Ts>(numRuns));
    } catch (e) {
        const err = e as Error;
        // A counterexample of huge arrays would bury the message: keep its head.
        if (err.message.length > 4000) err.message = `${err.message.slice(0, 4000)} ...(cut)`;
        err.message += `\n\nreplay: npm run test:fuzz -- --seed ${seed} --runs ${campaign ? campaignRuns : numRuns} (or GOLIVE_FUZZ_SEED=${seed} npx mocha <this file>)`;
        throw err;
    }
}

// ---------------------------------------------------------------- what is registered

export type Kind = "resource" | "stack";
export const kindOf = (p: Policy): Kind => ("validateStack" in p ? "stack" : "resource");
export const resourcePolicies = policies.filter((p): p is ResourceValidationPolicy => kindOf(p) === "resource");
export const stackPolicies = policies.filter((p): p is StackValidationPolicy => kindOf(p) === "stack");
export { policies };

/** A policy's level in a stack: policies/config/<stack>.json (`all`, then per policy), else the policy's own. */
export function levelIn(stack: ShippedStack, p: Policy): string {
    const config = JSON.parse(fs.readFileSync(path.join(projectDir, "policies", "config", `${stack}.json`), "utf8")) as Record<string, unknown>;
    const own = config[p.name];
    if (typeof own === "string") return own;
    if (own && typeof own === "object" && typeof (own as { enforcementLevel?: unknown }).enforcementLevel === "string") return (own as { enforcementLevel: string }).enforcementLevel;
    if (typeof config["all"] === "string") return config["all"];
    return p.enforcementLevel ?? "mandatory";
}

type Handler = (call: { request: unknown }, cb: (err: unknown, resp?: analyzerProto.AnalyzeResponse) => void) => Promise<void>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- internal module without typings (as test/policies/harness.ts)
const server = require("@pulumi/policy/server") as { makeAnalyzeStackRpcFun(pack: string, version: string, level: string, policies: Policy[]): Handler };

/**
 * A resource's AnalyzeStack message, built once per resource object: a property run sends
 * a whole stack per call, mostly unchanged, and building the messages is half of a call's
 * cost. The messages are the same ones the harness builds (tools/analyzer/protocol.ts).
 */
const messages = new WeakMap<EngineResource, analyzerProto.AnalyzerResource>();

/** One stack policy on a whole stack, as test/policies/harness.ts `judgement` runs it, with the messages reused. */
export function judgeStack(p: Policy, resources: readonly EngineResource[]): Promise<{ diagnostics: Diagnostic[]; judged: boolean }> {
    const index = new Map(resources.map((r) => [r.urn, r]));
    const req = new analyzerProto.AnalyzeStackRequest();
    req.setResourcesList(
        resources.map((r) => {
            let m = messages.get(r);
            if (!m) messages.set(r, (m = analyzerResource(r, index)));
            return m;
        }),
    );
    const handler = server.makeAnalyzeStackRpcFun("golive-test", "0.0.0", "mandatory", [p]);
    return new Promise((resolve, reject) => {
        void handler({ request: req }, (err, resp) =>
            err || !resp ? reject(err instanceof Error ? err : new Error(String(err))) : resolve({ diagnostics: diagnostics(resp, null), judged: resp.getNotApplicableList().length === 0 }),
        );
    });
}

// ---------------------------------------------------------------- the shipped plans

const plans = new Map<ShippedStack, Promise<EngineResource[]>>();

/**
 * The resources of a shipped stack's plan (the program under mocks, secrets unknown as in a
 * preview), planned once per process; callers get a deep copy to mutate.
 */
export async function shippedPlan(stack: ShippedStack): Promise<EngineResource[]> {
    let plan = plans.get(stack);
    if (!plan) {
        // One program run at a time per process (record.ts): chain after any other plan.
        const before = [...plans.values()];
        plan = Promise.allSettled(before).then(async () => {
            const file = readStackFile(projectDir, stack);
            return (await runProgram({ projectDir, project: "golive", stack, config: file.config, secretKeys: [] })).resources;
        });
        plans.set(stack, plan);
    }
    return structuredClone(await plan);
}

/**
 * Per resource policy, the shipped plans' resources it judges (it did not say "not
 * applicable"): one resource of each type is asked, and every resource of a type it judged
 * is kept. Empty when it judges nothing in a plan (a deployed-state policy).
 */
const judgedByPolicy = new Map<string, Promise<EngineResource[]>>();
export function judgedResources(p: ResourceValidationPolicy, judge: (p: Policy, r: EngineResource) => Promise<boolean>): Promise<EngineResource[]> {
    let found = judgedByPolicy.get(p.name);
    if (!found) {
        found = (async () => {
            const all = [...(await shippedPlan("production")), ...(await shippedPlan("staging"))];
            const types = new Map<string, boolean>();
            for (const r of all) if (!types.has(r.type)) types.set(r.type, await judge(p, r));
            return all.filter((r) => types.get(r.type));
        })();
        judgedByPolicy.set(p.name, found);
    }
    return found.then((rs) => structuredClone(rs));
}

// ---------------------------------------------------------------- positions and values

export type Path = ReadonlyArray<string | number>;

/**
 * Every position in a value (objects, arrays and leaves), the root excluded. A secret or
 * asset (an object with `specialSigKey`) is one position, never entered: the engine never
 * sends one with a mangled signature or without its value.
 */
export function positions(value: unknown, at: Path = []): Path[] {
    if (value === null || typeof value !== "object") return [];
    if (!Array.isArray(value) && specialSigKey in value) return [];
    const out: Path[] = [];
    const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [k, v] of entries) {
        const p = [...at, k];
        out.push(p, ...positions(v, p));
    }
    return out;
}

export function getAt(value: unknown, p: Path): unknown {
    let node = value;
    for (const k of p) node = (node as Record<string | number, unknown>)?.[k];
    return node;
}

/** A copy of `value` with the position replaced (or removed, for `remove`). */
export const remove = Symbol("remove");
export function setAt<T>(value: T, p: Path, to: unknown): T {
    const copy = structuredClone(value);
    if (p.length === 0) return to as T;
    const parent = getAt(copy, p.slice(0, -1)) as Record<string | number, unknown> | unknown[];
    const key = p[p.length - 1]!;
    if (to === remove) {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key as string];
    } else (parent as Record<string | number, unknown>)[key] = to;
    return copy;
}

/** The engine's wire form of a value unknown during preview. */
export const UNKNOWN = unknownValue;

function nested(depth: number, leaf: unknown): unknown {
    let v = leaf;
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
    return v;
}

/**
 * Hostile values for one position: the wrong types, nulls, empties, extremes, huge arrays,
 * deep nesting, strings that look like config, and the unknown.
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
    fc.constantFrom<unknown>(null, "", 0, -1, 1.5, 2 ** 53, -(2 ** 31), true, false, {}, [], "latest", "*", "0.0.0.0/0", "DELETE", "https://", "null", "-1"),
    fc.constant(UNKNOWN),
    fc.constant(remove),
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ maxLength: 40 }),
    fc.integer({ min: 1, max: 1500 }).map((n) => Array.from({ length: n }, (_, i) => (i % 3 ? `x${i}` : { name: `n${i}` }))),
    fc.integer({ min: 20, max: 120 }).map((d) => nested(d, "deep")),
    fc.array(fc.constantFrom<unknown>(UNKNOWN, null, "", {}, []), { minLength: 1, maxLength: 4 }),
);

/** A hostile value that is a value (for a new key or a random property bag): never `remove`. */
export const hostilePresent = hostileValue.filter((v) => v !== remove);

/** One mutation of a resource's properties: a position (from `positions`) and what to put there. */
export interface Mutation {
    at: Path;
    to: unknown;
}

/** Up to `max` hostile mutations of a value's positions (indexes into its positions, resolved later). */
export const mutations = (max: number) => fc.array(fc.record({ pick: fc.nat(), to: hostileValue }), { minLength: 1, maxLength: max });

/** Applies picked mutations to a props object, each to a position it still has. */
export function mutate(props: Record<string, unknown>, picks: ReadonlyArray<{ pick: number; to: unknown }>): { props: Record<string, unknown>; applied: Mutation[] } {
    let out = props;
    const applied: Mutation[] = [];
    for (const { pick, to } of picks) {
        const all = positions(out);
        if (all.length === 0) {
            out = { ...out, [`k${pick % 7}`]: to === remove ? null : to };
            applied.push({ at: [`k${pick % 7}`], to });
            continue;
        }
        const at = all[pick % all.length]!;
        out = setAt(out, at, to);
        applied.push({ at, to });
    }
    return { props: out, applied };
}

/** A resource with its inputs (and, where the plan had them equal, its outputs) mutated. */
export function mutateResource(r: EngineResource, picks: ReadonlyArray<{ pick: number; to: unknown }>): EngineResource {
    const same = JSON.stringify(r.inputs) === JSON.stringify(r.outputs);
    const { props } = mutate(r.inputs, picks);
    return { ...r, inputs: props, outputs: same ? props : mutate(r.outputs, picks).props };
}

/** For messages: a value shown short. */
export function show(v: unknown): string {
    if (v === remove) return "(removed)";
    if (v === UNKNOWN) return "(unknown)";
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
