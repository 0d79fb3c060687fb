/** The labels golive puts on the objects of the workloads area (keys from the pack). */
import { appLabels, goliveApp as partOf, goliveLabels, labelValueProblem, parseImage, podSecurityLabelPrefix } from "../../policies/lib";
import type { Environment } from "./defaults";

export type Track = "stable" | "canary";

/** What selects one Deployment's pods: the service and the track, never the version. */
export function selectorLabels(service: string, track: Track): Record<string, string> {
    return { [appLabels.name]: service, [goliveLabels.track]: track };
}

/** Labels on every object of a service. */
export function serviceLabels(service: string, environment: Environment): Record<string, string> {
    return {
        [appLabels.name]: service,
        [appLabels.partOf]: partOf,
        [appLabels.managedBy]: "pulumi",
        [goliveLabels.environment]: environment,
    };
}

/** Labels of a Deployment and its pods: the service's, the track, the version, and for a canary its stable. */
export function workloadLabels(service: string, environment: Environment, track: Track, image: string): Record<string, string> {
    return {
        ...serviceLabels(service, environment),
        [goliveLabels.track]: track,
        [appLabels.version]: versionLabel(image),
        ...(track === "canary" ? { [goliveLabels.canaryOf]: service } : {}),
    };
}

/**
 * Labels of a track's Service, HPA, PDB and health check: a canary's carry its Deployment's
 * labels (version and stable included), so its objects read as the canary's at a glance.
 */
export function trackLabels(service: string, environment: Environment, track: Track, image: string): Record<string, string> {
    return track === "canary" ? workloadLabels(service, environment, track, image) : { ...serviceLabels(service, environment), [goliveLabels.track]: track };
}

/** Labels of the namespace-wide objects (namespace, default deny, gateway, flags). */
export function platformLabels(environment: Environment): Record<string, string> {
    return {
        [appLabels.partOf]: partOf,
        [appLabels.component]: "platform",
        [appLabels.managedBy]: "pulumi",
        [goliveLabels.environment]: environment,
    };
}

/** The namespace's labels: the platform's, and Pod Security Standards "restricted", enforced. */
export function namespaceLabels(environment: Environment): Record<string, string> {
    return {
        ...platformLabels(environment),
        [`${podSecurityLabelPrefix}/enforce`]: "restricted",
        [`${podSecurityLabelPrefix}/enforce-version`]: "latest",
        [`${podSecurityLabelPrefix}/audit`]: "restricted",
        [`${podSecurityLabelPrefix}/warn`]: "restricted",
    };
}

/**
 * The version an image runs, as a label value: its tag, else `sha256-<12 hex>` of its
 * digest. A tag that is not a valid label value is cut down to one, so the label never
 * makes the object invalid.
 */
export function versionLabel(image: string): string {
    const { tag, digest } = parseImage(image);
    if (tag) {
        if (labelValueProblem(tag) === undefined) return tag;
        const cleaned = tag.replace(/[^-A-Za-z0-9_.]/g, "-").slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
        if (cleaned !== "") return cleaned;
    }
    const hex = (digest ?? "").slice((digest ?? "").indexOf(":") + 1).replace(/[^a-f0-9]/gi, "").slice(0, 12);
    return hex !== "" ? `sha256-${hex}` : "unknown";
}
