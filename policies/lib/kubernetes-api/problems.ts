/**
 * A problem the Kubernetes API server would refuse an object for: the field, written as in
 * `kubectl explain` (`spec.template.spec.containers[0].resources.requests.cpu`), and what
 * is wrong with it, phrased to follow the field (`"2" must be at most the cpu limit "1"`).
 */
import type { Json } from "../kubernetes";

export interface ApiProblem {
    path: string;
    message: string;
}

/** `spec.containers[0]` + `name` -> `spec.containers[0].name`; keys that are not identifiers are quoted: `labels["app.kubernetes.io/name"]`. */
export function child(path: string, key: string | number): string {
    if (typeof key === "number") return `${path}[${key}]`;
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
    return path === "" ? key : `${path}.${key}`;
}

/** One line: the field, then what is wrong. */
export function formatApiProblem(p: ApiProblem): string {
    return p.path === "" ? p.message : `${p.path} ${p.message}`;
}

/** Collects problems for one object. */
export class Problems {
    readonly list: ApiProblem[] = [];

    add(path: string, message: string): void {
        this.list.push({ path, message });
    }

    /** Adds `problem` (a name-format function's answer) when there is one. */
    check(path: string, value: string, problem: string | undefined): void {
        if (problem !== undefined) this.add(path, `${JSON.stringify(value)} ${problem}`);
    }
}

export function isObject(v: Json): v is Record<string, Json> {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** The array at a field, or [] when it is absent or not an array (the schema reports that). */
export function arrayAt(v: Json): Json[] {
    return Array.isArray(v) ? v : [];
}

/** A string field's value, or undefined when absent or not a string (the schema reports that). */
export function stringAt(v: Json): string | undefined {
    return typeof v === "string" ? v : undefined;
}

/** A whole-number field's value, or undefined when absent or not a number. */
export function numberAt(v: Json): number | undefined {
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}
