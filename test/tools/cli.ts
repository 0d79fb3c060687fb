import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const projectDir = path.resolve(__dirname, "..", "..");

export interface CliResult {
    code: number | null;
    stdout: string;
    stderr: string;
}

/** Runs `npm run <command>` the way a user does, minus npm's own banner. */
export function cli(command: "plan" | "analyze", args: string[]): CliResult {
    const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", path.join("tools", `${command}.ts`), ...args], {
        cwd: projectDir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", GOLIVE_DEBUG: "" },
        timeout: 120_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tmpDir(prefix: string): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), `golive-${prefix}-`));
}

export function readJson<T>(file: string): T {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** Pulumi.<stack>.yaml with `from` replaced by `to`, written to a temp file. */
function variant(stack: string, from: string | RegExp, to: string): string {
    const name = `Pulumi.${stack}.yaml`;
    const text = fs.readFileSync(path.join(projectDir, name), "utf8");
    const changed = text.replace(from, to);
    if (changed === text) throw new Error(`test setup: ${String(from)} not found in ${name}`);
    const file = path.join(tmpDir("stack"), name);
    fs.writeFileSync(file, changed);
    return file;
}

/** Pulumi.production.yaml with `from` replaced by `to`, written to a temp file. */
export function productionVariant(from: string | RegExp, to: string): string {
    return variant("production", from, to);
}

/** Pulumi.staging.yaml with `from` replaced by `to`, written to a temp file. */
export function stagingVariant(from: string | RegExp, to: string): string {
    return variant("staging", from, to);
}
