/**
 * The bench's floor: a bare Pulumi program that registers the resources of a plan's
 * `--export` (same types, names, inputs, parents, providers, dependencies) under golive's
 * preview mocks (tools/plan/record.ts) and does nothing else: no config schema, no
 * components, no recording, no policies, no report. What it costs is Pulumi's own cost
 * of declaring that stack. Each custom resource is made with its provider SDK's class
 * (`gcp:monitoring/alertPolicy:AlertPolicy` -> `@pulumi/gcp/monitoring/alertPolicy`), as a
 * hand-written program would; a type without one (a Kubernetes custom resource) goes
 * through the SDK's generic class for it.
 *
 * argv: <export.json> <stack>; prints `{"resources":N}` on stdout.
 */
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { installPreviewMocks, waitForRegistrations } from "../plan/record";

export interface ExportedResource {
    urn: string;
    custom: boolean;
    type: string;
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
    parent: string;
    protect: boolean;
    dependencies: string[];
    provider: string;
}

type ResourceClass = new (name: string, args: Record<string, unknown>, opts: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/** A component as the program declares one: its type, name and outputs. */
class BareComponent extends pulumi.ComponentResource {
    constructor(type: string, name: string, outputs: Record<string, unknown>, opts: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        this.registerOutputs(outputs);
    }
}

/** The SDK's generic resource classes are abstract; these add nothing to them. */
class BareCustomResource extends pulumi.CustomResource {}
class BareProvider extends pulumi.ProviderResource {}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The SDK module of a type token, by the generated SDKs' layout; undefined for a type with none. */
export function sdkModule(type: string): { module: string; exported: string } | undefined {
    const [pkg, mod, name] = type.split(":") as [string, string | undefined, string | undefined];
    if (pkg === "pulumi" && mod === "providers" && name) return { module: `@pulumi/${name}/provider`, exported: "Provider" };
    if (!mod || !name) return undefined;
    if (pkg === "kubernetes") {
        // kubernetes:<group>/<version>:<Kind>; core is "core", "networking.k8s.io" is "networking".
        const [group, version] = mod.split("/") as [string, string];
        return { module: `@pulumi/kubernetes/${group.split(".")[0]}/${version}/${lowerFirst(name)}`, exported: name };
    }
    // <pkg>:<module>/<file>:<Class>; "index" is the package's root folder.
    const [folder, file] = mod.split("/") as [string, string | undefined];
    const rel = folder === "index" ? (file ?? lowerFirst(name)) : `${folder}/${file ?? lowerFirst(name)}`;
    return { module: `@pulumi/${pkg}/${rel}`, exported: name };
}

function loadClass(type: string): ResourceClass | undefined {
    const m = sdkModule(type);
    if (!m) return undefined;
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK module of each type, as a program imports it
        const cls = (require(m.module) as Record<string, unknown>)[m.exported];
        return typeof cls === "function" ? (cls as ResourceClass) : undefined;
    } catch {
        return undefined;
    }
}

/** Values as the program gave them: the export's redacted secrets become secrets again. */
function revive(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(revive);
    if (value === null || typeof value !== "object") return value;
    const obj = value as Record<string, unknown>;
    if (obj[specialSigKey] === specialSecretSig) return pulumi.secret(obj["value"] ?? obj["ciphertext"]);
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, revive(v)]));
}

/** The name part of a URN (urn:pulumi:<stack>::<project>::<type>::<name>). */
const urnName = (urn: string) => urn.split("::").slice(3).join("::");

/** Registers every resource of the export; returns the stack outputs, as the program's exports. */
export function declare(resources: readonly ExportedResource[]): { outputs: Record<string, unknown>; generic: number } {
    const made = new Map<string, pulumi.Resource>();
    const classes = new Map<string, ResourceClass | undefined>();
    let generic = 0;
    let outputs: Record<string, unknown> = {};
    for (const r of resources) {
        if (r.type === "pulumi:pulumi:Stack") {
            outputs = r.outputs;
            continue;
        }
        const parent = r.parent ? made.get(r.parent) : undefined;
        const dependsOn = r.dependencies.map((u) => made.get(u)).filter((d): d is pulumi.Resource => d !== undefined);
        const opts: pulumi.CustomResourceOptions = { ...(parent ? { parent } : {}), ...(dependsOn.length ? { dependsOn } : {}), ...(r.protect ? { protect: true } : {}) };
        // The provider reference is <provider urn>::<id>.
        const provider = r.provider ? made.get(r.provider.slice(0, r.provider.lastIndexOf("::"))) : undefined;
        if (provider) opts.provider = provider as pulumi.ProviderResource;
        const name = urnName(r.urn);
        const inputs = revive(r.inputs) as Record<string, unknown>;
        if (!r.custom) {
            made.set(r.urn, new BareComponent(r.type, name, revive(r.outputs) as Record<string, unknown>, opts));
            continue;
        }
        if (!classes.has(r.type)) classes.set(r.type, loadClass(r.type));
        const cls = classes.get(r.type);
        if (r.type.startsWith("pulumi:providers:")) {
            made.set(r.urn, cls ? new cls(name, inputs, opts) : new BareProvider(r.type.split(":")[2]!, name, inputs, opts));
        } else if (cls) {
            made.set(r.urn, new cls(name, inputs, opts));
        } else {
            generic++;
            made.set(r.urn, new BareCustomResource(r.type, name, inputs, opts));
        }
    }
    return { outputs, generic };
}

async function main(): Promise<void> {
    const [file, stack] = process.argv.slice(2) as [string, string];
    const exported = JSON.parse(fs.readFileSync(file, "utf8")) as { deployment: { resources: ExportedResource[] } };
    const resources = exported.deployment.resources;
    await installPreviewMocks({ project: "golive", stack, config: {}, secretKeys: [] });
    let generic = 0;
    await pulumi.runtime.runInPulumiStack(() => {
        const declared = declare(resources);
        generic = declared.generic;
        return Promise.resolve(declared.outputs);
    });
    await waitForRegistrations();
    process.stdout.write(`${JSON.stringify({ resources: resources.length, generic })}\n`);
}

if (require.main === module) {
    main().then(
        () => process.exit(0),
        (e: unknown) => {
            console.error(e);
            process.exit(3);
        },
    );
}
