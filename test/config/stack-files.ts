import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { ConfigError, parseStackConfig } from "../../config";

export const projectDir = path.resolve(__dirname, "..", "..");

/** A stack file's config as the CLI hands it to the program: `golive:key` -> string. */
export function rawConfig(stack: string): Record<string, string> {
    const doc = YAML.parse(fs.readFileSync(path.join(projectDir, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
    return Object.fromEntries(Object.entries(doc.config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

/** The production config with one top-level key's value replaced by `edit`. */
export function editedProduction(key: string, edit: (value: any) => unknown): Record<string, string> { // eslint-disable-line @typescript-eslint/no-explicit-any -- raw YAML
    const raw = rawConfig("production");
    raw[`golive:${key}`] = JSON.stringify(edit(JSON.parse(raw[`golive:${key}`] ?? "null")));
    return raw;
}

/** The problems parseStackConfig reports for a production stack file's raw config, [] when it accepts it. */
export function productionProblems(raw: Record<string, string>, isSecret: (key: string) => boolean = () => false): string[] {
    try {
        parseStackConfig(raw, isSecret, "Pulumi.production.yaml", "production");
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${String(e)}`);
        return e.problems;
    }
    return [];
}
