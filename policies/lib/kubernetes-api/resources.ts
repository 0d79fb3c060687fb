/**
 * A container's resources as the API server judges them (ValidateResourceRequirements):
 * every value a non-negative quantity, every request at most its limit, and resources
 * that cannot be overcommitted (hugepages, extended resources such as nvidia.com/gpu)
 * requested exactly at their limit. The stack config schema runs the same rules on a
 * service's `resources`, so a stack file is refused before anything is planned.
 */
import type { Json } from "../kubernetes";
import { compareQuantities, isNegative, parseQuantity, quantityExample, quantityText, type Quantity } from "./quantity";
import { isObject } from "./problems";

export interface ResourceProblem {
    /** `requests` or `limits`. */
    section: "requests" | "limits";
    /** The resource name: `cpu`, `memory`, `nvidia.com/gpu`. */
    resource: string;
    /** What is wrong, phrased to follow `<section>.<resource>`. */
    message: string;
    /** `quantity`: the value itself is no quantity; `limit`: a request does not fit its limit. */
    kind: "quantity" | "limit";
}

/** Why a value is not a usable resource quantity, or undefined. */
export function quantityProblem(value: unknown): string | undefined {
    const q = parseQuantity(value);
    if (q === undefined) return `must be ${quantityExample}`;
    if (isNegative(q)) return "must not be negative";
    return undefined;
}

/** Resources the kubelet cannot overcommit: hugepages and extended resources (`example.com/foo`). */
function notOvercommittable(resource: string): boolean {
    if (resource.startsWith("hugepages-")) return true;
    const slash = resource.indexOf("/");
    if (slash < 0) return false;
    const domain = resource.slice(0, slash);
    const native = domain === "kubernetes.io" || domain.endsWith(".kubernetes.io");
    return !native && !resource.startsWith("requests.");
}

/** Every problem of a `resources` object (`{requests, limits}`); fields it does not have are fine. */
export function resourceRequirementsProblems(resources: Json): ResourceProblem[] {
    if (!isObject(resources)) return [];
    const problems: ResourceProblem[] = [];
    const read = (section: "requests" | "limits"): Map<string, { text: unknown; q: Quantity }> => {
        const values = new Map<string, { text: unknown; q: Quantity }>();
        const map: Json = resources[section];
        if (!isObject(map)) return values;
        for (const resource of Object.keys(map)) {
            const text: unknown = map[resource];
            if (text === undefined || text === null) continue;
            const problem = quantityProblem(text);
            if (problem) {
                problems.push({ section, resource, kind: "quantity", message: `${quantityText(text)} ${problem}` });
                continue;
            }
            values.set(resource, { text, q: parseQuantity(text)! });
        }
        return values;
    };
    const limits = read("limits");
    const requests = read("requests");
    for (const [resource, request] of requests) {
        const limit = limits.get(resource);
        if (notOvercommittable(resource)) {
            if (limit === undefined) {
                problems.push({ section: "limits", resource, kind: "limit", message: `is required: ${resource} cannot be overcommitted, so its limit must be set equal to its request ${quantityText(request.text)}` });
            } else if (compareQuantities(request.q, limit.q) !== 0) {
                problems.push({ section: "requests", resource, kind: "limit", message: `${quantityText(request.text)} must equal limits.${resource} ${quantityText(limit.text)}: ${resource} cannot be overcommitted` });
            }
        } else if (limit !== undefined && compareQuantities(request.q, limit.q) > 0) {
            problems.push({ section: "requests", resource, kind: "limit", message: `${quantityText(request.text)} exceeds limits.${resource} ${quantityText(limit.text)}; lower the request or raise the limit (the API server refuses a request above its limit)` });
        }
    }
    return problems;
}
