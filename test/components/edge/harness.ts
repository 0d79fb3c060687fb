/**
 * Runs components under Pulumi's mocks (installed once, by the workloads harness: mocks are
 * global per process) and records what the SDK sends the engine, as the offline plan does:
 * each RegisterResource request's URN, type, inputs in wire form (unknowns as the engine's
 * sentinel) and property dependencies. The edge policies read those dependencies (a host
 * record's content is computed from the reserved address), which the mocks' own view of a
 * resource does not carry.
 */
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { installMocks } from "../workloads/harness";

type Callback = (err: unknown, resp?: { getUrn(): string }) => void;
interface Monitor {
    registerResource(req: resproto.RegisterResourceRequest, cb: Callback): unknown;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped SDK internal: the monitor the mocks installed
const settings = require("@pulumi/pulumi/runtime/settings") as { getMonitor(): Monitor; waitForRPCs(): Promise<void> };

let sink: EngineResource[] | undefined;
const hooked = new WeakSet<Monitor>();

function hook(): void {
    const monitor = settings.getMonitor();
    if (hooked.has(monitor)) return;
    hooked.add(monitor);
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) =>
        register(req, (err, resp) => {
            if (!err && resp && sink) {
                const inputs = (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
                const propertyDependencies: Record<string, string[]> = {};
                req.getPropertydependenciesMap().forEach((deps, key) => {
                    propertyDependencies[key] = deps.getUrnsList();
                });
                sink.push({
                    urn: resp.getUrn(),
                    custom: req.getCustom(),
                    type: req.getType(),
                    inputs,
                    outputs: inputs,
                    parent: req.getParent() || undefined,
                    protect: req.getProtect() ?? false,
                    dependencies: req.getDependenciesList(),
                    propertyDependencies,
                    provider: req.getProvider() || undefined,
                });
            }
            cb(err, resp);
        });
}

/** What `build` registers, as engine resources, once every registration has reached the mock monitor. */
export async function engineResources(build: () => unknown): Promise<EngineResource[]> {
    await installMocks();
    hook();
    await settings.waitForRPCs();
    const out: EngineResource[] = [];
    sink = out;
    try {
        build();
        await settings.waitForRPCs();
    } finally {
        sink = undefined;
    }
    return out;
}

/** The custom resources among them (components carry no inputs the policies judge). */
export function customResources(rs: readonly EngineResource[]): EngineResource[] {
    return rs.filter((r) => r.custom);
}

/** The resource of this type whose URN ends with `::name`. */
export function byName(rs: readonly EngineResource[], type: string, name: string): EngineResource {
    const r = rs.find((x) => x.type === type && x.urn.endsWith(`::${name}`));
    if (!r) throw new Error(`no ${type} named ${name}; registered: ${rs.map((x) => x.urn.slice(x.urn.lastIndexOf("::") + 2)).join(", ")}`);
    return r;
}
