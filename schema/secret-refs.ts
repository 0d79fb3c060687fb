/**
 * Where a config schema names secrets: every field of type `secretRef` (schema/common.ts),
 * found through the schema's JSON Schema, where its `.meta({ secretRef: true })` mark stands.
 * So a new area's secret is found by declaring its field with that type, never by adding it
 * to a list.
 */
import { z } from "zod";

interface Node {
    secretRef?: boolean;
    properties?: Record<string, Node>;
    additionalProperties?: Node | boolean;
    items?: Node;
    anyOf?: Node[];
    oneOf?: Node[];
    allOf?: Node[];
}

/** A node and the alternatives it stands for (a union's members). */
function alternatives(node: Node): Node[] {
    return [node, ...[...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])].flatMap(alternatives)];
}

function children(node: Node): Node[] {
    const extra = typeof node.additionalProperties === "object" ? [node.additionalProperties] : [];
    return [...Object.values(node.properties ?? {}), ...extra, ...(node.items ? [node.items] : [])];
}

/** The node a value at `key` of a value of `node` is checked by, in any alternative. */
function childNodes(node: Node, key: PropertyKey): Node[] {
    return alternatives(node).flatMap((n) => {
        if (typeof key === "number") return n.items ? [n.items] : [];
        const named = n.properties?.[String(key)];
        if (named) return [named];
        return typeof n.additionalProperties === "object" ? [n.additionalProperties] : [];
    });
}

function holdsSecretRef(node: Node, seen = new Set<Node>()): boolean {
    if (seen.has(node)) return false;
    seen.add(node);
    return alternatives(node).some((n) => n.secretRef === true || children(n).some((c) => holdsSecretRef(c, seen)));
}

export interface SecretUse {
    /** The secret's name: the config key holding its value. */
    key: string;
    /** Where the config names it. */
    path: PropertyKey[];
}

export class SecretFields {
    private readonly root: Node;

    constructor(schema: z.ZodType) {
        // The input side: the shape a stack file is written in (transforms and custom checks become "any").
        this.root = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Node;
    }

    /**
     * Whether the value at `path` names a secret or holds fields that do. A value put there by
     * mistake may be the secret itself, so errors never echo it.
     */
    holdsSecret(path: readonly PropertyKey[]): boolean {
        let nodes = [this.root];
        for (const key of path) nodes = nodes.flatMap((n) => childNodes(n, key));
        return nodes.some((n) => holdsSecretRef(n));
    }

    /** Every secret a valid config names, where it names it, in the config's order. */
    usesIn(config: unknown): SecretUse[] {
        const uses: SecretUse[] = [];
        const walk = (nodes: Node[], value: unknown, path: PropertyKey[]) => {
            if (nodes.length === 0) return;
            if (typeof value === "string" && nodes.some((n) => alternatives(n).some((a) => a.secretRef === true))) {
                uses.push({ key: value, path });
            } else if (Array.isArray(value)) {
                value.forEach((v, i) => walk(nodes.flatMap((n) => childNodes(n, i)), v, [...path, i]));
            } else if (value !== null && typeof value === "object") {
                for (const [k, v] of Object.entries(value)) walk(nodes.flatMap((n) => childNodes(n, k)), v, [...path, k]);
            }
        };
        walk([this.root], config, []);
        return uses;
    }
}
