/**
 * One resource as the engine knows it: the shape of a `pulumi stack export` v3 resource,
 * with inputs and outputs in the engine's wire form (secrets and assets as signature
 * objects, unknowns as the unknown sentinel string).
 */
export interface EngineResource {
    urn: string;
    custom: boolean;
    type: string;
    id?: string;
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
    parent?: string;
    protect?: boolean;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    /** `<provider urn>::<provider id>` */
    provider?: string;
    ignoreChanges?: string[];
    additionalSecretOutputs?: string[];
    aliases?: string[];
    deleteBeforeReplace?: boolean;
}

/** The name part of a URN: `urn:pulumi:stack::project::type$type::name` -> `name`. */
export function urnName(urn: string): string {
    const i = urn.lastIndexOf("::");
    return i >= 0 ? urn.slice(i + 2) : urn;
}

/** The provider URN of a `<urn>::<id>` provider reference. */
export function providerUrn(ref: string): string {
    const i = ref.lastIndexOf("::");
    return i >= 0 ? ref.slice(0, i) : ref;
}
