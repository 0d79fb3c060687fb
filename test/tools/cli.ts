/**
 * Running the commands in tests: in-process through their exported `main(argv)` (every case
 * but the few that prove the real entry points), or as a user runs them, in a subprocess.
 */
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

/** Runs `npm run <command>` the way a user does (the same loader), minus npm's own banner. Only for entry-point smoke tests. */
export function cli(command: "plan" | "analyze", args: string[]): CliResult {
    const r = spawnSync(process.execPath, ["-r", "./tools/register.js", path.join("tools", `${command}.ts`), ...args], {
        cwd: projectDir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", GOLIVE_DEBUG: "" },
        timeout: 120_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

/** Without the colours the report gets when the tests run on a terminal. */
const plain = (s: string) => s.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");

/** Runs a command's `main(argv)` in-process with its console captured (the pack is the run's shared one). */
export async function run(command: (argv: string[]) => Promise<number>, argv: string[]): Promise<Run> {
    const out: string[] = [];
    const err: string[] = [];
    const { log, error } = console;
    console.log = (...a: unknown[]) => void out.push(a.join(" "));
    console.error = (...a: unknown[]) => void err.push(a.join(" "));
    try {
        const code = await command(argv);
        return { code, stdout: plain(out.join("\n")), stderr: plain(err.join("\n")) };
    } finally {
        console.log = log;
        console.error = error;
    }
}

/** The lines a command printed as errors (`error: ...`), without the progress lines. */
export function errorLines(r: { stderr: string }): string[] {
    return r.stderr.split("\n").filter((l) => l.startsWith("error: ")).map((l) => l.slice("error: ".length));
}

export function tmpDir(prefix: string): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), `golive-${prefix}-`));
}

export function readJson<T>(file: string): T {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

export function writeJson(dir: string, name: string, content: unknown): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
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
