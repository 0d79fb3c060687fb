/**
 * Records what components register as the engine receives it (URN, inputs, dependencies,
 * property dependencies), so stack policies that read dependencies can judge it in-process.
 * Shares the workloads harness's mocks (mocks are global per process) and taps the mock
 * monitor's RegisterResource, as the offline plan does.
 */
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { installMocks } from "../workloads/harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- internal SDK module without typings
const settings = require("@pulumi/pulumi/runtime/settings") as { getMonitor(): Monitor; waitForRPCs(): Promise<void> };

type Callback = (err: unknown, resp?: { getUrn(): string }) => void;
interface Monitor {
    registerResource(req: resproto.RegisterResourceRequest, cb: Callback): Promise<void>;
    __goliveTapped?: boolean;
}

const captured: EngineResource[] = [];
let recording = false;

function tap(): void {
    const monitor = settings.getMonitor();
    if (monitor.__goliveTapped) return;
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) => register(req, (err, resp) => {
        if (!err && resp && recording) {
            const inputs = (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
            const propertyDependencies: Record<string, string[]> = {};
            req.getPropertydependenciesMap().forEach((deps, key) => { propertyDependencies[key] = deps.getUrnsList(); });
            captured.push({
                urn: resp.getUrn(),
                custom: req.getCustom(),
                type: req.getType(),
                inputs,
                outputs: inputs,
                parent: req.getParent() || undefined,
                dependencies: req.getDependenciesList(),
                propertyDependencies,
                provider: req.getProvider() || undefined,
            });
        }
        cb(err, resp);
    });
    monitor.__goliveTapped = true;
}

/** The custom resources `build` registers, in the engine's form. */
export async function recordStack(build: () => unknown): Promise<EngineResource[]> {
    await installMocks();
    tap();
    await settings.waitForRPCs();
    captured.length = 0;
    recording = true;
    try {
        build();
        await settings.waitForRPCs();
    } finally {
        recording = false;
    }
    return captured.splice(0, captured.length).filter((r) => r.custom);
}

/** The resources of one type token. */
export function ofType(resources: readonly EngineResource[], type: string): EngineResource[] {
    return resources.filter((r) => r.type === type);
}

/** The resource whose URN ends with `::<name>`. */
export function named(resources: readonly EngineResource[], name: string): EngineResource {
    const r = resources.find((x) => x.urn.endsWith(`::${name}`));
    if (!r) throw new Error(`no resource named ${name}; registered: ${resources.map((x) => x.urn.split("::").pop()).join(", ")}`);
    return r;
}

/** A recorded resource's inputs as plain JSON, for assertions. */
export function inputsOf(r: EngineResource): any { // eslint-disable-line @typescript-eslint/no-explicit-any -- raw inputs
    return r.inputs;
}
