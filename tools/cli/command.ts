/**
 * Shared command-line plumbing: argument parsing with one-line errors, `--help`, output
 * files checked before any work, and the exit codes of DESIGN.md (0 ready, 1 a mandatory
 * violation or nothing checked, 2 bad input, 3 an internal error).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError, exitCodes } from "./errors";
import type { Findings } from "../report/findings";
import { findingsFile } from "../report/findings-file";
import { renderMarkdown } from "../report/markdown";
import type { ReportInput } from "../report/summary";
import { renderTerminal } from "../report/terminal";

export const projectDir = path.resolve(__dirname, "..", "..");
export const packDir = path.join(projectDir, "policies");

type Options = NonNullable<ParseArgsConfig["options"]>;
const helpOption = { help: { type: "boolean", short: "h" } } as const;

/** Parses argv strictly; every command also takes `--help` / `-h` (check `help` first). */
export function parse<T extends Options>(argv: string[], options: T, usage: string) {
    try {
        return parseArgs({ args: argv, options: { ...options, ...helpOption }, strict: true, allowPositionals: false }).values;
    } catch (e) {
        throw new InputError(`${(e as Error).message.split("\n")[0]}\nusage: ${usage}\n(--help for every option)`);
    }
}

export function golivePackageVersion(): string {
    return (JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")) as { version: string }).version;
}

/** A stack name, as the Pulumi CLI allows it; it names files, so nothing else passes. */
export function assertStackName(stack: string): void {
    if (!/^[A-Za-z0-9_.-]+$/.test(stack) || stack.startsWith(".")) {
        throw new InputError(`--stack ${JSON.stringify(stack)}: stack names are letters, digits, '-', '_' and '.'`);
    }
}

/**
 * The `--policy-pack-config` file: the one given, else the stack's policies/config/<stack>.json.
 * A missing one is bad input, found before any work; its content is checked against the
 * pack once the pack says what its policies accept (tools/analyzer/policy-config.ts).
 */
export function policyConfigFile(stack: string, given?: string): string {
    assertStackName(stack);
    if (given !== undefined) {
        if (!fs.existsSync(given) || fs.statSync(given).isDirectory()) {
            throw new InputError(`--policy-pack-config ${given}: no such file; expected a JSON file of policy levels and settings, such as policies/config/${stack === "staging" ? "staging" : "production"}.json`);
        }
        return given;
    }
    const file = path.join(packDir, "config", `${stack}.json`);
    if (!fs.existsSync(file)) {
        const known = fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
        throw new InputError(`policies/config/${stack}.json: no policy config for stack "${stack}"; expected one of ${known.join(", ")}, or give one with --policy-pack-config <file>`);
    }
    return file;
}

/**
 * An output file (`--json`, `--markdown`, `--export`) is checked before any work, so a typo
 * costs one line instead of a whole plan: it must not be a folder, and its folder must exist.
 */
export function assertOutputFile(flag: string, file: string): void {
    const example = `${flag === "--markdown" ? "report.md" : flag === "--export" ? "export.json" : "findings.json"}`;
    const stat = (p: string) => {
        try {
            return fs.statSync(p);
        } catch {
            return undefined;
        }
    };
    if (file === "" || /[\\/]$/.test(file) || stat(file)?.isDirectory()) {
        throw new InputError(`${flag} ${file}: is a folder; expected a file path such as ${path.join(file || ".", example)}`);
    }
    const dir = path.dirname(file);
    const parent = stat(dir);
    if (!parent) throw new InputError(`${flag} ${file}: the folder ${dir} does not exist; create it first or write elsewhere`);
    if (!parent.isDirectory()) throw new InputError(`${flag} ${file}: ${dir} is not a folder`);
}

/** Writes the report where asked and prints it; returns the exit code. */
export function finish(report: ReportInput, opts: { json?: string; markdown?: string }): number {
    if (opts.json) writeFile(opts.json, `${JSON.stringify(findingsFile(report), null, 2)}\n`);
    if (opts.markdown) writeFile(opts.markdown, renderMarkdown(report));
    console.log(renderTerminal(report));
    return exitCodeOf(report.findings);
}

/** 0 only when the stack is ok: no mandatory violation, no mandatory check left unevaluated, something checked. */
export function exitCodeOf(f: Findings): number {
    return f.ok ? exitCodes.ok : exitCodes.violations;
}

export function writeFile(file: string, text: string): void {
    try {
        fs.writeFileSync(file, text);
    } catch (e) {
        throw new InputError(`${file}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
}

/**
 * Runs a command body and turns what it throws into an exit code: the user's input prints
 * as its lines (exit 2), anything else is a bug (exit 3). Never exits the process, so tests
 * call a command's `main(argv)` in-process.
 */
export async function runCommand(body: () => Promise<number>, badInput: (e: unknown) => boolean = () => false): Promise<number> {
    try {
        return await body();
    } catch (e) {
        if (e instanceof InputError || badInput(e)) {
            for (const line of (e as Error).message.split("\n")) console.error(`error: ${line}`);
            return exitCodes.badInput;
        }
        console.error(`golive: internal error: ${(e as Error)?.message ?? String(e)}`);
        if (process.env["GOLIVE_DEBUG"]) console.error((e as Error)?.stack);
        else console.error("(set GOLIVE_DEBUG=1 for the stack trace)");
        return exitCodes.internal;
    }
}

/** A command's entry point when run directly: its exit code becomes the process's. */
export function exitWith(code: Promise<number>): void {
    void code.then((c) => process.exit(c));
}
