import { configKey, containersOf, kubernetesKinds, podSpecOf, podTemplateKinds, resourcePolicy } from "../lib";

const fix = "Set resources.requests.cpu, resources.requests.memory and resources.limits.memory (e.g. requests {cpu: 250m, memory: 256Mi}, limits {memory: 512Mi}).";

/**
 * What every container must set. A cpu limit is deliberately not required: CPU is
 * compressible, and a limit makes the kernel throttle a pod that bursts (p95 latency
 * suffers) while the cpu request already reserves its share and drives the HPA's
 * utilization. Memory is not compressible: without a limit one leaking pod gets its
 * neighbours OOM-killed, so the memory limit is required.
 */
const required = [
    ["requests", "cpu"],
    ["requests", "memory"],
    ["limits", "memory"],
] as const;

/** A quantity that reserves nothing: 0, "0", "0m", "0Mi", "0.0". */
function isZero(q: unknown): boolean {
    return q === 0 || (typeof q === "string" && /^0+(\.0+)?[a-zA-Z]*$/.test(q.trim()));
}

export const workloadsContainerMissingResources = resourcePolicy({
    name: "workloads-container-missing-resources",
    description: "Every container requests cpu and memory and has a memory limit, so the scheduler, the HPA and the OOM killer work from real numbers.",
    severity: "high",
    runbook: ["004.infra.k8s-resources"],
    remediation: fix,
    appliesTo: kubernetesKinds(...podTemplateKinds),
    validateResource: (args, reportViolation) => {
        const pod = podSpecOf(args.type, args.props);
        if (!pod) return;
        // For a workload golive planned, the resources are the service's in the stack file.
        const key = configKey(args.urn, args.props, "resources");
        const remedy = key ? `Set ${key} to non-zero requests {cpu, memory} and limits {memory} (e.g. requests {cpu: 250m, memory: 256Mi}, limits {memory: 512Mi}).` : fix;
        for (const c of containersOf(pod)) {
            const problems: string[] = [];
            for (const [section, resource] of required) {
                const value: unknown = c.container?.resources?.[section]?.[resource];
                const field = `resources.${section}.${resource}`;
                if (value === undefined || value === null || value === "") problems.push(`${field} is not set`);
                else if (isZero(value)) problems.push(`${field} is ${JSON.stringify(value)}`);
            }
            if (problems.length > 0) {
                reportViolation(`${c.label} resources are incomplete: ${problems.join(", ")}. ${remedy}`);
            }
        }
    },
});
