/**
 * Reads a `pulumi stack export` (version 3) or a backend checkpoint of version 3 or later
 * (same deployment shape under `checkpoint.latest`) into engine resources. Anything else is
 * bad input, reported in one line that names the file and what was expected.
 */
import * as fs from "node:fs";
import { InputError } from "../cli/errors";
import type { EngineResource } from "../analyzer/resource";
import { newWireStats, toAnalyzerWire, type WireStats } from "../analyzer/wire";

export interface ReadExport {
    resources: EngineResource[];
    stats: WireStats;
    /** Custom resources saved without inputs: analyzed with their outputs instead. */
    withoutInputs: number;
    format: string;
}

const expected = 'expected `pulumi stack export` output: {"version":3,"deployment":{"resources":[...]}}';

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

function deploymentOf(file: string, doc: unknown): { deployment: Record<string, unknown>; format: string } {
    if (!isRecord(doc)) throw new InputError(`${file}: the top level is not a JSON object; ${expected}`);
    const version = doc["version"];
    if (typeof version !== "number") throw new InputError(`${file}: no "version" number; ${expected}`);
    if (isRecord(doc["deployment"])) {
        // Version 4 is version 3 plus a top-level "features" list (newer CLIs write it when used).
        if (version !== 3 && version !== 4) throw new InputError(`${file}: stack export version ${version} is not supported; ${expected}`);
        return { deployment: doc["deployment"], format: `stack export v${version}` };
    }
    if (isRecord(doc["checkpoint"])) {
        const latest = doc["checkpoint"]["latest"];
        if (version < 3) {
            throw new InputError(`${file}: checkpoint version ${version} predates the v3 deployment format (resources use the legacy "defaults" key); export the stack with a current CLI: pulumi stack export --file <file>`);
        }
        if (!isRecord(latest)) throw new InputError(`${file}: checkpoint has no "latest" deployment; ${expected}`);
        return { deployment: latest, format: `checkpoint v${version}` };
    }
    throw new InputError(`${file}: neither "deployment" nor "checkpoint" found; ${expected}`);
}

function strings(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

export function readExport(file: string): ReadExport {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new InputError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw new InputError(`${file}: not valid JSON (${(e as Error).message}); ${expected}`);
    }
    const { deployment, format } = deploymentOf(file, doc);
    const list = deployment["resources"] ?? [];
    if (!Array.isArray(list)) throw new InputError(`${file}: deployment.resources is not an array; ${expected}`);
    const stats = newWireStats();
    let withoutInputs = 0;
    const resources = list.map((r: unknown, i): EngineResource => {
        if (!isRecord(r) || typeof r["urn"] !== "string" || typeof r["type"] !== "string") {
            throw new InputError(`${file}: deployment.resources[${i}] has no urn and type strings; ${expected}`);
        }
        const custom = r["custom"] === true;
        const outputs = isRecord(r["outputs"]) ? r["outputs"] : {};
        let inputs = isRecord(r["inputs"]) ? r["inputs"] : undefined;
        if (!inputs) {
            if (custom) withoutInputs++;
            inputs = outputs;
        }
        const propertyDependencies: Record<string, string[]> = {};
        if (isRecord(r["propertyDependencies"])) {
            for (const [k, v] of Object.entries(r["propertyDependencies"])) propertyDependencies[k] = strings(v);
        }
        return {
            urn: r["urn"],
            custom,
            type: r["type"],
            id: typeof r["id"] === "string" ? r["id"] : undefined,
            inputs: toAnalyzerWire(inputs, stats) as Record<string, unknown>,
            outputs: toAnalyzerWire(outputs, stats) as Record<string, unknown>,
            parent: typeof r["parent"] === "string" ? r["parent"] : undefined,
            protect: r["protect"] === true,
            dependencies: strings(r["dependencies"]),
            propertyDependencies,
            provider: typeof r["provider"] === "string" ? r["provider"] : undefined,
            ignoreChanges: strings(r["ignoreChanges"]),
            additionalSecretOutputs: strings(r["additionalSecretOutputs"]),
            aliases: strings(r["aliases"]),
        };
    });
    return { resources, stats, withoutInputs, format };
}
