import { isDeepStrictEqual } from "node:util";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { fsReason, ManifestError } from "./errors";
import { isMapping } from "./object";
import { validateManifest } from "./validate";

/**
 * Writes one YAML file per object, `<kind>-<namespace>-<name>.yaml` (`<kind>-<name>.yaml`
 * without a namespace), into `dir`, and returns the paths sorted. Every object is validated
 * first; if any is invalid, or two would share a file, it throws a ManifestError listing every
 * problem and writes nothing. Objects without a schema (CRDs, Gateway API) are written.
 */
export async function writeManifests(dir: string, objects: Array<Record<string, unknown>>): Promise<string[]> {
    const problems: string[] = [];
    const byFile = new Map<string, { subject: string; object: Record<string, unknown> }>();
    for (const object of objects) {
        const result = await validateManifest(object);
        problems.push(...result.errors);
        if (result.errors.length > 0) {
            continue;
        }
        const file = path.join(dir, fileName(object));
        const clash = byFile.get(file);
        if (clash) {
            problems.push(`${result.subject}: would be written to ${file}, as ${clash.subject} is`);
            continue;
        }
        byFile.set(file, { subject: result.subject, object });
    }
    if (problems.length > 0) {
        const header = `refusing to write manifests to ${dir}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`;
        throw new ManifestError([header, ...problems.map((p) => `  ${p}`)].join("\n"), problems);
    }
    const planned = [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, { object }]) => ({ file, text: toYaml(object) }));
    await writeAll(dir, planned);
    return planned.map(({ file }) => file);
}

/**
 * Validates objects without writing them (what plan does when no --manifests is asked):
 * throws one ManifestError listing every invalid object.
 */
export async function assertValidManifests(objects: Array<Record<string, unknown>>): Promise<void> {
    const problems: string[] = [];
    for (const object of objects) problems.push(...(await validateManifest(object)).errors);
    if (problems.length > 0) {
        const header = `${problems.length} Kubernetes schema problem${problems.length === 1 ? "" : "s"} in the planned objects`;
        throw new ManifestError([header, ...problems.map((p) => `  ${p}`)].join("\n"), problems);
    }
}

/** `deployment-teei-reporting-api.yaml`; names were checked to be safe path segments. */
function fileName(object: Record<string, unknown>): string {
    const metadata = object.metadata as Record<string, unknown>;
    const parts = [String(object.kind).toLowerCase(), metadata.namespace, metadata.name].filter((p) => typeof p === "string");
    return `${parts.join("-")}.yaml`;
}

/**
 * YAML that kubectl (YAML 1.1) and YAML 1.2 readers both read back as this exact object:
 * the 1.1 stringifier quotes `yes`, `on`, `0755`... If some string would still be read
 * differently by a 1.2 reader (`0o17`), every string of that object is double-quoted instead.
 */
function toYaml(object: Record<string, unknown>): string {
    // apiVersion, kind and metadata first, as people expect to read them.
    const { apiVersion, kind, metadata, ...rest } = object;
    const ordered = { apiVersion, kind, metadata: isMapping(metadata) ? metadata : undefined, ...rest };
    const text = stringify(ordered, { version: "1.1", lineWidth: 0 });
    const plain = JSON.parse(JSON.stringify(ordered)) as unknown;
    if (isDeepStrictEqual(parse(text), plain) && isDeepStrictEqual(parse(text, { version: "1.1" }), plain)) {
        return text;
    }
    return stringify(ordered, { version: "1.1", lineWidth: 0, defaultStringType: "QUOTE_DOUBLE" });
}

/**
 * Writes every file beside its destination first and renames them into place only once all
 * were written, so a full disk or a permission error leaves no half-written set behind.
 */
async function writeAll(dir: string, files: Array<{ file: string; text: string }>): Promise<void> {
    const staged: Array<{ tmp: string; file: string }> = [];
    try {
        await mkdir(dir, { recursive: true });
        for (const { file, text } of files) {
            const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
            staged.push({ tmp, file });
            await writeFile(tmp, text, "utf8");
        }
        for (const { tmp, file } of staged) {
            await rename(tmp, file);
        }
    } catch (err) {
        await Promise.all(staged.map(({ tmp }) => rm(tmp, { force: true })));
        throw new ManifestError(`cannot write manifests to ${dir}: ${fsReason(err)}`);
    }
}
