import { configNumber, fixTarget, kubernetesKinds, objectRef, resourcePolicy } from "../lib";
import { minReplicas } from "./rules";
import { hpaMinReplicas } from "./scaling";

/**
 * An HPA keeps at least `minReplicas` (policy config, default 2: the runbook's "min: 2")
 * and can scale out. max == min is refused as well as max < min (which the API server
 * rejects anyway): an autoscaler that cannot scale is a fixed replica count in disguise
 * (Polaris hpaMaxAvailability agrees).
 */
export const workloadsHpaConfigureReplicas = resourcePolicy({
    name: "workloads-hpa-configure-replicas",
    description: "Every HorizontalPodAutoscaler keeps at least the minimum replicas and has a maxReplicas above its minReplicas.",
    severity: "high",
    runbook: ["004.infra.autoscaling"],
    remediation: "Set spec.minReplicas to at least 2 and spec.maxReplicas above it (the runbook asks for min 2, max 10).",
    appliesTo: kubernetesKinds("autoscaling/HorizontalPodAutoscaler"),
    configSchema: {
        properties: {
            minReplicas: { type: "integer", minimum: 1, default: minReplicas },
        },
    },
    validateResource: (args, reportViolation) => {
        // The CLI applies schema defaults, but getConfig() returns {} when no config is given.
        const floor = configNumber(args.getConfig<Record<string, unknown>>(), "minReplicas", minReplicas);
        const spec = args.props.spec;
        const min: unknown = spec?.minReplicas;
        const max: unknown = spec?.maxReplicas;
        const minValue = hpaMinReplicas(args.props);
        const minText = typeof min === "number" ? `${min}` : "unset (1 by default)";
        const hpa = objectRef(args.type, args.props);
        // For an HPA golive planned, the range is the service's replicas in the stack file.
        const minField = fixTarget(args.urn, args.props, "spec.minReplicas", "replicas.min");
        const maxField = fixTarget(args.urn, args.props, "spec.maxReplicas", "replicas.max");
        if (minValue < floor) {
            reportViolation(`${hpa} minReplicas is ${minText}, below ${floor}, so one pod carries all traffic at low load and a single eviction is an outage. Set ${minField} to at least ${floor}.`);
        }
        if (typeof max !== "number" || max <= minValue) {
            const maxText = typeof max === "number" ? `${max}` : "unset";
            reportViolation(`${hpa} maxReplicas is ${maxText}, not above minReplicas ${minValue}, so it can never scale out. Set ${maxField} above ${minValue} (e.g. 10).`);
        }
    },
});
