/**
 * Reads Pulumi.<stack>.yaml the way the CLI hands config to a program: every value as a
 * string (structured values as JSON), secure values as secrets. The CLI would decrypt
 * `secure:` values; offline there is no key, so they count as "set but unreadable" and are
 * planned as unknown unless given with --secret.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { InputError } from "../cli/errors";

export interface StackConfigFile {
    file: string;
    /** `golive:key` -> value string */
    config: Record<string, string>;
    /** Keys whose value is `secure:` ciphertext in the file. */
    encrypted: string[];
}

const project = "golive";

export function readStackFile(projectDir: string, stack: string, override?: string): StackConfigFile {
    const file = override ?? `Pulumi.${stack}.yaml`;
    const full = override ? path.resolve(override) : path.join(projectDir, file);
    if (override && !fs.existsSync(full)) throw new InputError(`${file}: no such file`);
    if (!fs.existsSync(full)) {
        const stacks = fs.readdirSync(projectDir).map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1]).filter(Boolean);
        throw new InputError(`${file}: no such stack file; expected one of ${stacks.join(", ")}`);
    }
    let doc: unknown;
    try {
        doc = YAML.parse(fs.readFileSync(full, "utf8"));
    } catch (e) {
        throw new InputError(`${file}: not valid YAML: ${(e as Error).message.split("\n")[0]}`);
    }
    if (doc !== null && doc !== undefined && (typeof doc !== "object" || Array.isArray(doc))) {
        throw new InputError(`${file}: expected a mapping with a config: key, as \`pulumi config set\` writes it`);
    }
    // Without config: every required key would be reported missing, one line each; the one
    // problem is the missing (or empty) mapping, so say that once.
    const configNode = (doc as { config?: unknown } | null)?.config;
    if (configNode === undefined || configNode === null) {
        const what = doc && typeof doc === "object" && "config" in doc ? "its config: key is empty" : "it has no config: key";
        throw new InputError(`${file}: ${what}; expected the stack's settings under config: as \`pulumi config set\` writes them (config: with golive:environment, golive:services, ...; see ${exampleStackFile(projectDir)})`);
    }
    if (typeof configNode !== "object" || Array.isArray(configNode)) {
        throw new InputError(`${file}: config: expected a mapping of keys to values`);
    }
    const config: Record<string, string> = {};
    const encrypted: string[] = [];
    for (const [rawKey, value] of Object.entries(configNode)) {
        // As the CLI does: a key without a namespace belongs to the project.
        const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
        if (value && typeof value === "object" && !Array.isArray(value) && "secure" in value) {
            encrypted.push(key);
            continue;
        }
        config[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return { file, config, encrypted };
}

/** A stack file of this project to point at as an example. */
function exampleStackFile(projectDir: string): string {
    const files = fs.readdirSync(projectDir).filter((f) => /^Pulumi\.(.+)\.yaml$/.test(f)).sort();
    return files.includes("Pulumi.staging.yaml") ? "Pulumi.staging.yaml" : (files[0] ?? "Pulumi.<stack>.yaml");
}
