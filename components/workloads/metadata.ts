/** The annotations golive writes for the gate and for people, and object metadata built from them. */
import { goliveAnnotations } from "../../policies/lib";
import type { LaunchPhase } from "../../policies/lib/launch";

/**
 * The annotation naming the stack config key an object comes from (`golive:services[0]`,
 * or a key below it), so the gate's findings name what to change; none without a config path.
 */
export function configAnnotations(configPath: string | undefined, subkey?: string): Record<string, string> {
    if (configPath === undefined) return {};
    return { [goliveAnnotations.config]: subkey ? `${configPath}.${subkey}` : configPath };
}

/**
 * Where the launch stands and the service's rollback version, for the rollback gate; only
 * on the stable track, since a canary is rolled back by its weight, not by a version.
 */
export function launchAnnotations(launch: { phase: LaunchPhase; rollbackTo?: string } | undefined): Record<string, string> {
    return {
        ...(launch ? { [goliveAnnotations.launchPhase]: launch.phase } : {}),
        ...(launch?.rollbackTo ? { [goliveAnnotations.rollbackTo]: launch.rollbackTo } : {}),
    };
}

export interface ObjectMeta {
    name: string;
    namespace?: string;
    labels: Record<string, string>;
    annotations?: Record<string, string>;
}

/**
 * Metadata with `annotations` only when there are any, so an object without them plans no
 * empty map; `namespace` undefined for a cluster-wide object.
 */
export function objectMeta(name: string, namespace: string | undefined, labels: Record<string, string>, annotations: Record<string, string> = {}): ObjectMeta {
    return {
        name,
        ...(namespace !== undefined ? { namespace } : {}),
        labels,
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    };
}
