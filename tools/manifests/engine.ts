import type { EngineResource } from "../analyzer/resource";
import type { ManifestObject } from "./object";

/** The stack and project part of the URNs of objects read from manifests. */
const URN_PREFIX = "urn:pulumi:manifests::golive";

/**
 * The object as the engine would present it had golive declared it: a custom resource of
 * its kubernetes type, named `<namespace>/<name>` (or `<name>` without a namespace), with
 * the manifest as both inputs and outputs, as after a preview with nothing computed.
 */
export function toEngineResource(m: ManifestObject): EngineResource {
    const name = m.namespace !== undefined ? `${m.namespace}/${m.name}` : m.name;
    return {
        urn: `${URN_PREFIX}::${m.type}::${name}`,
        custom: true,
        type: m.type,
        inputs: m.object,
        outputs: m.object,
        dependencies: [],
        propertyDependencies: {},
    };
}
