/**
 * Shared command-line plumbing: argument parsing with one-line errors, output files, and
 * the exit codes of DESIGN.md (0 ready, 1 a mandatory violation, 2 bad input).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError, exitCodes } from "./errors";
import type { Findings } from "../report/findings";
import { renderMarkdown } from "../report/markdown";
import type { ReportInput } from "../report/summary";
import { renderTerminal } from "../report/terminal";

export const projectDir = path.resolve(__dirname, "..", "..");
export const packDir = path.join(projectDir, "policies");

export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T, usage: string) {
    try {
        return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
    } catch (e) {
        throw new InputError(`${(e as Error).message.split("\n")[0]}\nusage: ${usage}`);
    }
}

export function golivePackageVersion(): string {
    return (JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")) as { version: string }).version;
}

/** The stack's `--policy-pack-config` file; a stack without one is bad input, found before any work. */
export function policyConfigFile(stack: string): string {
    if (!/^[A-Za-z0-9_.-]+$/.test(stack) || stack.startsWith(".")) {
        throw new InputError(`--stack ${JSON.stringify(stack)}: stack names are letters, digits, '-', '_' and '.'`);
    }
    const file = path.join(packDir, "config", `${stack}.json`);
    if (!fs.existsSync(file)) {
        const known = fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
        throw new InputError(`policies/config/${stack}.json: no policy config for stack "${stack}"; expected one of ${known.join(", ")}`);
    }
    return file;
}

/** Writes the report where asked and prints it; returns the exit code. */
export function finish(report: ReportInput, opts: { json?: string; markdown?: string }): number {
    if (opts.json) writeFile(opts.json, `${JSON.stringify(report.findings, null, 2)}\n`);
    if (opts.markdown) writeFile(opts.markdown, renderMarkdown(report));
    console.log(renderTerminal(report));
    return exitCodeOf(report.findings);
}

export function exitCodeOf(f: Findings): number {
    return f.ok ? exitCodes.ok : exitCodes.violations;
}

export function writeFile(file: string, text: string): void {
    try {
        fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        fs.writeFileSync(file, text);
    } catch (e) {
        throw new InputError(`${file}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
}

/** Errors that are the user's input print as their lines and exit 2; anything else is a bug. */
export function run(main: () => Promise<number>, badInput: (e: unknown) => boolean = () => false): void {
    main().then(
        (code) => process.exit(code),
        (e: unknown) => {
            if (e instanceof InputError || badInput(e)) {
                for (const line of (e as Error).message.split("\n")) console.error(`error: ${line}`);
                process.exit(exitCodes.badInput);
            }
            console.error(`golive: internal error: ${(e as Error)?.message ?? String(e)}`);
            if (process.env["GOLIVE_DEBUG"]) console.error((e as Error)?.stack);
            else console.error("(set GOLIVE_DEBUG=1 for the stack trace)");
            process.exit(3);
        },
    );
}
