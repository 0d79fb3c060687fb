import { readdir, readFile, stat } from "node:fs/promises";
import * as path from "node:path";
import { LineCounter, parseAllDocuments, type Document } from "yaml";
import { fsReason, ManifestError } from "./errors";
import { isMapping, pulumiType, type ManifestObject } from "./object";

/** What a directory is searched for; JSON is a subset of YAML, so one parser reads all three. */
const MANIFEST_EXTENSIONS = [".yaml", ".yml", ".json"];

/**
 * Reads Kubernetes objects from a file or from every *.yaml, *.yml and *.json file of a
 * directory (sorted by name, not recursive), the way `kubectl apply -f` takes them:
 * multi-document YAML, empty documents skipped, `kind: List` expanded into its items.
 * Any problem throws a one-line ManifestError naming the file, line and what was expected.
 */
export async function readManifests(pathOrDir: string): Promise<ManifestObject[]> {
    const files = await manifestFiles(pathOrDir);
    const objects: ManifestObject[] = [];
    for (const file of files) {
        objects.push(...parseManifests(await readText(file), file));
    }
    if (objects.length === 0) {
        throw new ManifestError(`${pathOrDir}: no Kubernetes objects found (every document is empty)`);
    }
    return objects;
}

/** The objects of one file's text; `file` is only used to name them and in messages. */
export function parseManifests(text: string, file: string): ManifestObject[] {
    const lines = new LineCounter();
    // YAML 1.2 core schema (the package default). kubectl reads YAML 1.1, where a bare `yes`
    // or `on` is a boolean and `0755` octal, but this package's 1.1 schema also makes Dates of
    // timestamps and 80 of `1:20`, which kubectl does not; neither is exact, so 1.2 is kept
    // and writeManifests quotes every string a 1.1 reader could take for something else.
    const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
    const objects: ManifestObject[] = [];
    docs.forEach((doc, documentIndex) => {
        const where = (offset: number | undefined): string => {
            const pos = lines.linePos(offset ?? 0);
            return `${file}:${pos.line}:${pos.col}: document ${documentIndex + 1}`;
        };
        const [syntax] = doc.errors;
        if (syntax) {
            throw new ManifestError(`${where(syntax.pos[0])}: invalid YAML: ${syntax.message}`);
        }
        const start = doc.contents?.range?.[0];
        const value = toPlain(doc, () => where(start));
        if (value === null || value === undefined) {
            return; // `---` followed by nothing or only comments, skipped as kubectl does
        }
        const line = lines.linePos(start ?? 0).line;
        if (!isMapping(value)) {
            throw new ManifestError(`${where(start)}: expected a Kubernetes object (a mapping with apiVersion, kind and metadata), got ${describeValue(value)}`);
        }
        if (isList(value)) {
            // kubectl flattens `kind: List` (what `kubectl get -o yaml` prints) into its items.
            value.items.forEach((item, listIndex) => {
                const itemStart = (doc.getIn(["items", listIndex], true) as { range?: [number, number, number] } | undefined)?.range?.[0];
                const at = `${where(itemStart)}, items[${listIndex}]`;
                objects.push({ ...identify(item, at), file, documentIndex, listIndex, line: lines.linePos(itemStart ?? 0).line });
            });
            return;
        }
        objects.push({ ...identify(value, where(start)), file, documentIndex, line });
    });
    return objects;
}

/** The files to read: the path itself, or a directory's manifest files sorted by name. */
async function manifestFiles(pathOrDir: string): Promise<string[]> {
    const info = await stat(pathOrDir).catch((err: unknown) => {
        throw new ManifestError(`${pathOrDir}: ${fsReason(err)}`);
    });
    if (!info.isDirectory()) {
        return [pathOrDir];
    }
    const entries = await readdir(pathOrDir, { withFileTypes: true }).catch((err: unknown) => {
        throw new ManifestError(`${pathOrDir}: ${fsReason(err)}`);
    });
    const files: string[] = [];
    for (const entry of entries) {
        if (!MANIFEST_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
            continue;
        }
        const file = path.join(pathOrDir, entry.name);
        // A symlink counts if it points at a file, as it would for kubectl.
        if (entry.isFile() || (entry.isSymbolicLink() && (await stat(file).catch(() => undefined))?.isFile())) {
            files.push(file);
        }
    }
    if (files.length === 0) {
        throw new ManifestError(`${pathOrDir}: no manifest files in this directory (expected *.yaml, *.yml or *.json)`);
    }
    // Code-unit order, not locale order, so every machine reads the files in the same order.
    return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function readText(file: string): Promise<string> {
    try {
        return await readFile(file, "utf8");
    } catch (err) {
        throw new ManifestError(`${file}: ${fsReason(err)}`);
    }
}

/** Aliases are resolved here, so an unknown alias or an alias bomb fails here, not in toJS callers. */
function toPlain(doc: Document.Parsed, where: () => string): unknown {
    try {
        return doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
        throw new ManifestError(`${where()}: invalid YAML: ${err instanceof Error ? err.message : String(err)}`);
    }
}

function isList(value: Record<string, unknown>): value is Record<string, unknown> & { items: unknown[] } {
    return typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items);
}

/** Checks the fields every Kubernetes object must have and derives the object's identity. */
function identify(value: unknown, at: string): Omit<ManifestObject, "file" | "documentIndex" | "listIndex" | "line"> {
    if (!isMapping(value)) {
        throw new ManifestError(`${at}: expected a Kubernetes object (a mapping with apiVersion, kind and metadata), got ${describeValue(value)}`);
    }
    const apiVersion = requireString(value.apiVersion, "apiVersion", 'a string such as "apps/v1"', at);
    const kind = requireString(value.kind, "kind", 'a string such as "Deployment"', at);
    if (!isMapping(value.metadata)) {
        const got = value.metadata === undefined ? "is missing" : `must be a mapping, got ${describeValue(value.metadata)}`;
        throw new ManifestError(`${at}: ${kind}: "metadata" ${got}; expected a mapping with at least "name"`);
    }
    const name = requireString(value.metadata.name, "metadata.name", "the object's name", `${at}: ${kind}`);
    const namespace = value.metadata.namespace;
    if (namespace !== undefined && (typeof namespace !== "string" || namespace === "")) {
        throw new ManifestError(`${at}: ${kind} ${name}: "metadata.namespace" must be a non-empty string, got ${describeValue(namespace)}`);
    }
    return { apiVersion, kind, name, ...(namespace !== undefined ? { namespace } : {}), object: value, type: pulumiType(apiVersion, kind) };
}

function requireString(value: unknown, field: string, expected: string, at: string): string {
    if (typeof value === "string" && value !== "") {
        return value;
    }
    const got = value === undefined ? "is missing" : `must be a non-empty string, got ${describeValue(value)}`;
    throw new ManifestError(`${at}: "${field}" ${got}; expected ${expected}`);
}

function describeValue(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a sequence";
    if (typeof value === "object") return "a mapping";
    if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    return `${typeof value} ${JSON.stringify(value) ?? typeof value}`;
}
