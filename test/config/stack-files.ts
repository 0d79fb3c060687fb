import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";

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
