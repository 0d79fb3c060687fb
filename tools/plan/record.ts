/**
 * Runs the golive program under Pulumi's own mock monitor, in preview mode, and records
 * what the SDK sends the engine: every RegisterResource request with its parent,
 * dependencies, property dependencies, provider reference and options. Recording the
 * requests (not the mocks' simplified view) is what makes the export and the policy
 * evaluation see what a real `pulumi preview` would hand the engine.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
import type { EngineResource } from "../analyzer/resource";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped SDK internal: the monitor the mocks installed
const settings = require("@pulumi/pulumi/runtime/settings") as { getMonitor(): Monitor; waitForRPCs(): Promise<void> };

type Callback = (err: unknown, resp?: { getUrn(): string }) => void;
interface Monitor {
    newUrn(parent: string, type: string, name: string): string;
    registerResource(req: resproto.RegisterResourceRequest, cb: Callback): Promise<void>;
    registerResourceOutputs(req: resproto.RegisterResourceOutputsRequest, cb: (err: unknown, resp?: unknown) => void): void;
}

export interface ProgramRun {
    resources: EngineResource[];
    /** Stack outputs as the engine would store them (wire form). */
    outputs: Record<string, unknown>;
}

export interface RunOptions {
    /** The directory holding Pulumi.yaml and index.ts. */
    projectDir: string;
    project: string;
    stack: string;
    /** `golive:key` -> value string, as the CLI passes config to the program. */
    config: Record<string, string>;
    /** The config keys that are secrets. */
    secretKeys: string[];
}

function toJs(struct: { toJavaScript(): unknown } | undefined): Record<string, unknown> {
    return (struct?.toJavaScript() as Record<string, unknown> | undefined) ?? {};
}

/**
 * Installs Pulumi's mock monitor in preview mode with golive's mocks, and URNs formed as the
 * engine forms them. The bench's bare program (tools/bench/bare.ts) runs under exactly these.
 */
export async function installPreviewMocks(opts: Pick<RunOptions, "project" | "stack" | "config" | "secretKeys">): Promise<Monitor> {
    pulumi.runtime.setAllConfig(opts.config, opts.secretKeys);
    await pulumi.runtime.setMocks(
        {
            // In a preview, a resource's outputs are its inputs; everything else is unknown.
            newResource: (args) => ({ id: undefined, state: args.inputs }),
            call: (args) => {
                throw new Error(`golive declares no provider function calls, but the program called ${args.token}`);
            },
        },
        opts.project,
        opts.stack,
        true,
    );

    const monitor = settings.getMonitor();
    // URNs as the engine forms them (resource.NewURN): the parent's full qualified type,
    // except under the root stack. The mock monitor keeps only the last parent type and
    // prefixes pulumi:pulumi:Stack, which no real state has.
    monitor.newUrn = (parent, type, name) => {
        const parentType = parent ? parent.split("::")[2] : undefined;
        const qualified = parentType && parentType !== "pulumi:pulumi:Stack" ? `${parentType}$${type}` : type;
        return `urn:pulumi:${opts.stack}::${opts.project}::${qualified}::${name}`;
    };
    return monitor;
}

/** Waits for every RegisterResource and RegisterResourceOutputs the program started. */
export function waitForRegistrations(): Promise<void> {
    return settings.waitForRPCs();
}

/**
 * Runs the program once. Mocks and config are global per process, so each run installs
 * its own and loads index.ts afresh: a process (a test run) may plan several stacks, one
 * after the other, never two at once.
 */
export async function runProgram(opts: RunOptions): Promise<ProgramRun> {
    const monitor = await installPreviewMocks(opts);
    const byUrn = new Map<string, EngineResource>();
    const order: string[] = [];
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) =>
        register(req, (err, resp) => {
            if (!err && resp) {
                const urn = resp.getUrn();
                const inputs = toJs(req.getObject());
                const propertyDependencies: Record<string, string[]> = {};
                req.getPropertydependenciesMap().forEach((deps, key) => {
                    propertyDependencies[key] = deps.getUrnsList();
                });
                const r: EngineResource = {
                    urn,
                    custom: req.getCustom(),
                    type: req.getType(),
                    inputs,
                    outputs: req.getCustom() ? inputs : {},
                    parent: req.getParent() || undefined,
                    protect: req.getProtect() ?? false,
                    dependencies: req.getDependenciesList(),
                    propertyDependencies,
                    provider: req.getProvider() || undefined,
                    ignoreChanges: req.getIgnorechangesList(),
                    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
                    aliases: req.getAliasurnsList(),
                    deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
                };
                if (byUrn.has(urn)) {
                    // The engine refuses two registrations of one URN; so does the plan.
                    cb(new pulumi.RunError(`Duplicate resource URN '${urn}'; try giving it a unique name`));
                    return;
                }
                order.push(urn);
                byUrn.set(urn, r);
            }
            cb(err, resp);
        });
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, cb) => {
        const r = byUrn.get(req.getUrn());
        if (r) r.outputs = toJs(req.getOutputs());
        registerOutputs(req, cb);
    };

    const program = path.join(opts.projectDir, "index.ts");
    // Only index.ts runs the program; the modules it imports hold no state of a run.
    delete require.cache[require.resolve(program)];
    // The SDK keeps a stack trace on every promise it makes, for a leak report it prints only
    // with PULUMI_DEBUG_PROMISE_LEAKS; golive never shows it, and capturing the traces is half
    // of the program's time. Source positions of resources set their own limit: unaffected.
    const stackTraceLimit = Error.stackTraceLimit;
    if (!process.env["GOLIVE_DEBUG"] && !process.env["PULUMI_DEBUG_PROMISE_LEAKS"]) Error.stackTraceLimit = 0;
    try {
        await pulumi.runtime.runInPulumiStack(() => {
            // The program's exports become the stack outputs, as under the Node.js language host.
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program is loaded like the language host loads it
            return Promise.resolve(require(program) as Record<string, unknown>);
        });
        await waitForRegistrations();
    } finally {
        Error.stackTraceLimit = stackTraceLimit;
    }
    const stack = [...byUrn.values()].find((r) => r.type === "pulumi:pulumi:Stack");
    return { resources: order.map((u) => byUrn.get(u)!), outputs: stack?.outputs ?? {} };
}
