import type { PolicyResource } from "@pulumi/policy";
import { configKey, containersOf, goliveLabels, imageRepository, isKind, nameOf, namespaceOf, objectRef, podSpecOf, stackPolicy, type Json } from "../lib";
import { isCanaryTrack } from "./rules";

const { track: trackLabel, canaryOf: canaryOfLabel } = goliveLabels;

/** Container name -> image, for init and app containers alike. */
function imagesOf(d: PolicyResource): Map<string, { label: string; image: string }> {
    const out = new Map<string, { label: string; image: string }>();
    const pod = podSpecOf(d.type, d.props);
    if (!pod) return out;
    for (const c of containersOf(pod)) {
        const image: unknown = c.container?.image;
        out.set(c.label, { label: c.label, image: typeof image === "string" ? image : "" });
    }
    return out;
}

function labelOf(props: Json, key: string): string | undefined {
    const v: unknown = props?.metadata?.labels?.[key];
    return typeof v === "string" && v !== "" ? v : undefined;
}

const isDeployment = (type: string) => isKind(type, "apps", "Deployment");
const isCanary = (type: string, props: Json) => isDeployment(type) && isCanaryTrack(props);

/**
 * A canary is the stable service at another version: the Deployment labelled
 * golive.dev/track: canary names its stable Deployment (golive.dev/canary-of, same
 * namespace), has the same containers, and each container's image is the stable one's
 * repository with another tag or digest. Anything else is not a canary of that release, and
 * promoting or rolling it back is not "one version change". No mainstream checker relates
 * two Deployments this way; it needs the whole stack, hence a stack policy.
 */
export const workloadsCanaryRequireSameImage = stackPolicy({
    name: "workloads-canary-require-same-image",
    description: "A canary Deployment runs the same containers as its stable Deployment, with images from the same repositories differing only by tag or digest.",
    severity: "high",
    runbook: ["002.canary.steps", "004.rollback.previous-version"],
    remediation: "Give the canary Deployment the stable Deployment's containers and image repositories, changing only the tag or digest, and name the stable Deployment in its golive.dev/canary-of label.",
    // A stack without a canary has no canary to judge: nothing here passed.
    appliesTo: { description: `Kubernetes Deployments labelled ${trackLabel}: canary`, matches: isCanary },
    validateStack: (args, reportViolation) => {
        const deployments = args.resources.filter((r) => isDeployment(r.type));
        for (const canary of deployments) {
            if (!isCanary(canary.type, canary.props)) continue;
            const canaryRef = objectRef(canary.type, canary.props);
            const stableName = labelOf(canary.props, canaryOfLabel);
            if (stableName === undefined) {
                reportViolation(`${canaryRef} is labelled ${trackLabel}: canary but has no ${canaryOfLabel} label, so nothing ties it to the release it is a canary of. Set label ${canaryOfLabel} to the stable Deployment's name.`, canary.urn);
                continue;
            }
            const ns = namespaceOf(canary.props);
            const stable = deployments.find((d) => d !== canary && namespaceOf(d.props) === ns && nameOf(d.props) === stableName);
            if (!stable) {
                reportViolation(`${canaryRef} names "${stableName}" in ${canaryOfLabel}, but there is no Deployment ${ns}/${stableName} in the stack. Point ${canaryOfLabel} at the stable Deployment in namespace "${ns}".`, canary.urn);
                continue;
            }
            const stableRef = objectRef(stable.type, stable.props);
            // For a canary golive planned, its image is the service's canary.image in the stack file.
            const imageKey = configKey(canary.urn, canary.props, "canary.image");
            const canaryImages = imagesOf(canary);
            const stableImages = imagesOf(stable);
            for (const [key, c] of canaryImages) {
                const s = stableImages.get(key);
                if (!s) {
                    reportViolation(`${canaryRef} ${c.label} has no counterpart in stable ${stableRef}, so the canary is not the same service. Give the canary exactly the stable Deployment's containers.`, canary.urn);
                    continue;
                }
                const canaryRepo = imageRepository(c.image);
                const stableRepo = imageRepository(s.image);
                if (canaryRepo !== stableRepo) {
                    reportViolation(`${canaryRef} ${c.label} image "${c.image}" is from repository ${canaryRepo}, not ${stableRepo} like stable ${stableRef} ("${s.image}"), so it is another artifact, not another version. Use ${stableRepo} with the new tag or digest${imageKey ? ` in ${imageKey}` : ""}.`, canary.urn);
                }
            }
            for (const [key, s] of stableImages) {
                if (!canaryImages.has(key)) {
                    reportViolation(`${canaryRef} lacks ${s.label} of stable ${stableRef}, so the canary is not the same service. Give the canary exactly the stable Deployment's containers.`, canary.urn);
                }
            }
        }
    },
});
