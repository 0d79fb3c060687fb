/**
 * Records what a component sends the engine under Pulumi's mocks, as engine resources: the
 * inputs, and what the mocks' simplified view leaves out and Firestore's gate depends on —
 * the `protect` option and the outputs a component registers. Builds on the workloads
 * harness's mocks (mocks are global per process: one installation for every test file).
 */
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { installMocks } from "../workloads/harness";

type Callback = (err: unknown, resp?: { getUrn(): string }) => void;
interface Monitor {
    registerResource(req: resproto.RegisterResourceRequest, cb: Callback): Promise<void>;
    registerResourceOutputs(req: resproto.RegisterResourceOutputsRequest, cb: (err: unknown, resp?: unknown) => void): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped SDK internal: the monitor the mocks installed
const settings = require("@pulumi/pulumi/runtime/settings") as { getMonitor(): Monitor; waitForRPCs(): Promise<void> };

const recorded = new Map<string, EngineResource>();
let wrapped: Monitor | undefined;

function toJs(struct: { toJavaScript(): unknown } | undefined): Record<string, unknown> {
    return (struct?.toJavaScript() as Record<string, unknown> | undefined) ?? {};
}

function wrap(): void {
    const monitor = settings.getMonitor();
    if (wrapped === monitor) return;
    wrapped = monitor;
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) =>
        register(req, (err, resp) => {
            if (!err && resp) {
                const inputs = toJs(req.getObject());
                recorded.set(resp.getUrn(), {
                    urn: resp.getUrn(),
                    custom: req.getCustom(),
                    type: req.getType(),
                    inputs,
                    outputs: req.getCustom() ? inputs : {},
                    parent: req.getParent() || undefined,
                    protect: req.getProtect() ?? false,
                    dependencies: req.getDependenciesList(),
                    propertyDependencies: {},
                });
            }
            cb(err, resp);
        });
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, cb) => {
        const r = recorded.get(req.getUrn());
        if (r) r.outputs = toJs(req.getOutputs());
        registerOutputs(req, cb);
    };
}

/** The engine resources `build` registers, in registration order, once every RPC is done. */
export async function recordEngine(build: () => unknown): Promise<EngineResource[]> {
    await installMocks();
    wrap();
    await settings.waitForRPCs();
    recorded.clear();
    build();
    await settings.waitForRPCs();
    const out = [...recorded.values()];
    recorded.clear();
    return out;
}

/** The resource whose URN ends in `::<name>`. */
export function named(resources: readonly EngineResource[], name: string): EngineResource {
    const r = resources.find((x) => x.urn.endsWith(`::${name}`));
    if (!r) throw new Error(`nothing named ${name}; registered: ${resources.map((x) => x.urn.split("::").pop()).join(", ")}`);
    return r;
}
