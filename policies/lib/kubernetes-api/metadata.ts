/**
 * What the API server checks in every object's metadata and in label selectors
 * (ValidateObjectMeta, ValidateLabels, ValidateAnnotations, ValidateLabelSelector).
 */
import type { Json } from "../kubernetes";
import { dns1123LabelProblem, labelValueProblem, qualifiedNameProblem } from "./names";
import { arrayAt, child, isObject, stringAt, type Problems } from "./problems";

/** The API server's limit on all annotations of an object together (keys and values). */
export const maxAnnotationBytes = 256 * 1024;

/** A name rule: why a name is not acceptable for the kind, or undefined. */
export type NameRule = (name: string) => string | undefined;

/** metadata.name (by the kind's rule), metadata.namespace, labels and annotations. */
export function checkObjectMeta(p: Problems, metadata: Json, path: string, nameRule: NameRule | undefined): void {
    if (!isObject(metadata)) return;
    const name = stringAt(metadata.name);
    // An empty name is reported as missing by the manifest reader; only its format is judged here.
    if (name !== undefined && name !== "" && nameRule) p.check(child(path, "name"), name, nameRule(name));
    const namespace = stringAt(metadata.namespace);
    if (namespace !== undefined && namespace !== "") p.check(child(path, "namespace"), namespace, dns1123LabelProblem(namespace));
    checkLabels(p, metadata.labels, child(path, "labels"));
    checkAnnotations(p, metadata.annotations, child(path, "annotations"));
}

/** Pod template metadata: labels and annotations (a template has no name of its own). */
export function checkTemplateMeta(p: Problems, metadata: Json, path: string): void {
    if (!isObject(metadata)) return;
    checkLabels(p, metadata.labels, child(path, "labels"));
    checkAnnotations(p, metadata.annotations, child(path, "annotations"));
}

/** A map of labels: qualified-name keys, label values. Also used for selectors' matchLabels and nodeSelector. */
export function checkLabels(p: Problems, labels: Json, path: string): void {
    if (!isObject(labels)) return;
    for (const key of Object.keys(labels)) {
        const keyProblem = qualifiedNameProblem(key);
        if (keyProblem) p.add(path, `key ${JSON.stringify(key)} ${keyProblem}`);
        const value = stringAt(labels[key]);
        if (value !== undefined) p.check(child(path, key), value, labelValueProblem(value));
    }
}

/** Annotation keys are qualified names (checked lowercased, as the API server does); values are free, but all together at most 256 KiB. */
export function checkAnnotations(p: Problems, annotations: Json, path: string): void {
    if (!isObject(annotations)) return;
    let bytes = 0;
    for (const key of Object.keys(annotations)) {
        const keyProblem = qualifiedNameProblem(key.toLowerCase());
        if (keyProblem) p.add(path, `key ${JSON.stringify(key)} ${keyProblem}`);
        const value = stringAt(annotations[key]);
        bytes += Buffer.byteLength(key) + (value === undefined ? 0 : Buffer.byteLength(value));
    }
    if (bytes > maxAnnotationBytes) p.add(path, `total ${bytes} bytes, more than the ${maxAnnotationBytes} the API server accepts`);
}

const operators = ["In", "NotIn", "Exists", "DoesNotExist"];

/** A metav1.LabelSelector: valid matchLabels, and matchExpressions whose values fit their operator. */
export function checkLabelSelector(p: Problems, selector: Json, path: string): void {
    if (!isObject(selector)) return;
    checkLabels(p, selector.matchLabels, child(path, "matchLabels"));
    arrayAt(selector.matchExpressions).forEach((e: Json, i: number) => {
        if (!isObject(e)) return;
        const at = child(child(path, "matchExpressions"), i);
        const key = stringAt(e.key);
        if (key !== undefined) p.check(child(at, "key"), key, qualifiedNameProblem(key));
        const values = arrayAt(e.values);
        const operator = stringAt(e.operator);
        if (operator === "In" || operator === "NotIn") {
            if (values.length === 0) p.add(child(at, "values"), `must have at least one value when the operator is ${operator}`);
        } else if (operator === "Exists" || operator === "DoesNotExist") {
            if (values.length > 0) p.add(child(at, "values"), `must be empty when the operator is ${operator}`);
        } else if (operator !== undefined) {
            p.add(child(at, "operator"), `${JSON.stringify(operator)} must be one of ${operators.join(", ")}`);
        }
        values.forEach((v: Json, j: number) => {
            const value = stringAt(v);
            if (value !== undefined) p.check(child(child(at, "values"), j), value, labelValueProblem(value));
        });
    });
}

/** Whether a selector has neither matchLabels nor matchExpressions: it would select every pod. */
export function isEmptySelector(selector: Json): boolean {
    if (!isObject(selector)) return true;
    const labels = isObject(selector.matchLabels) ? Object.keys(selector.matchLabels).length : 0;
    return labels === 0 && arrayAt(selector.matchExpressions).length === 0;
}

/**
 * Whether a metav1.LabelSelector selects these labels: matchLabels AND every matchExpression.
 * An empty selector selects everything (PDB policy/v1, NetworkPolicy podSelector); a missing
 * one selects nothing, so callers decide what undefined means for their kind.
 */
export function selectorMatches(selector: Json, labels: Record<string, string>): boolean {
    if (selector === undefined || selector === null) return false;
    const matchLabels: Json = selector.matchLabels ?? {};
    for (const [k, v] of Object.entries(matchLabels)) {
        if (labels[k] !== v) return false;
    }
    const expressions: Json[] = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
    for (const e of expressions) {
        const key: string = e?.key;
        const values: string[] = Array.isArray(e?.values) ? e.values : [];
        const has = Object.prototype.hasOwnProperty.call(labels, key);
        switch (e?.operator) {
            case "In": if (!has || !values.includes(labels[key]!)) return false; break;
            case "NotIn": if (has && values.includes(labels[key]!)) return false; break;
            case "Exists": if (!has) return false; break;
            case "DoesNotExist": if (has) return false; break;
            default: return false; // an operator the API server would reject selects nothing
        }
    }
    return true;
}
