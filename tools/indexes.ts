/**
 * npm run indexes -- --queries <file> --indexes <firestore.indexes.json> [--json <out>]
 * For each query of the manifest: do Firestore's automatic single-field indexes serve it,
 * does an index declared in firestore.indexes.json, and which entry to add if none does.
 * Exit 0 when every query is covered, 1 when one is not, 2 on bad input.
 */
import * as fs from "node:fs";
import { checkCoverage, type Coverage } from "../policies/firestore/index-coverage";
import { readIndexFile, toIndexEntry, type IndexEntry, type IndexFile } from "../policies/firestore/indexes-file";
import type { Query } from "../policies/firestore/query";
import { exitCodes, InputError } from "./cli/errors";
import { exitWith, parse, runCommand, writeFile } from "./cli/command";
import { readQueriesFile } from "./indexes/read-queries";

export const usage = "npm run indexes -- --queries <file> --indexes <firestore.indexes.json> [--json <out>]";

const help = `usage: ${usage}

For each query of the queries manifest (JSON or YAML: a list of {id, collection,
collectionGroup, where: [{field, op, value}], orderBy: [{field, direction}]}), decides by
Firestore's documented index rules (Standard edition) whether the automatic single-field
indexes serve it (as the file's fieldOverrides change them), whether an index declared in
firestore.indexes.json covers it, and prints the exact entry to add when none does.

  --queries <file>   the queries manifest
  --indexes <file>   the Firebase CLI's firestore.indexes.json (comments and the legacy format are read)
  --json <out>       also write {"queries": [{"id", "needsComposite", "covered", "coveredBy", "suggested"}]}

Exit status: 0 every query is covered, 1 a query is not, 2 bad input (arguments or files).`;

/** Where the command writes: the console, or a test's buffer. */
export interface Output {
    out(line: string): void;
    err(line: string): void;
}

const consoleOutput: Output = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** The --json record of one query; exactly the contract's keys. */
export interface QueryCoverageJson {
    id: string;
    needsComposite: boolean;
    covered: boolean;
    coveredBy: IndexEntry | null;
    suggested: unknown;
}

export function main(argv: string[], io: Output = consoleOutput): number {
    const args = parse(argv, { queries: { type: "string" }, indexes: { type: "string" }, json: { type: "string" }, help: { type: "boolean", short: "h" } }, usage);
    if (args.help) {
        io.out(help);
        return exitCodes.ok;
    }
    const missing = (["queries", "indexes"] as const).filter((k) => !args[k]);
    if (missing.length) throw new InputError(`${missing.map((k) => `--${k}`).join(" and ")} ${missing.length === 1 ? "is" : "are"} required\nusage: ${usage}`);

    // Both files are read before either is reported, so one run shows every problem.
    const problems: string[] = [];
    let queries: Query[] = [];
    try {
        queries = readQueriesFile(args.queries!);
    } catch (e) {
        if (!(e instanceof InputError)) throw e;
        problems.push(...e.message.split("\n"));
    }
    const indexesFile = args.indexes!;
    let text: string | undefined;
    try {
        text = fs.readFileSync(indexesFile, "utf8");
    } catch (e) {
        problems.push(`${indexesFile}: cannot read the indexes file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const reading = text === undefined ? undefined : readIndexFile(text, indexesFile);
    if (reading) problems.push(...reading.errors);
    if (problems.length || !reading?.indexFile) throw new InputError(problems.join("\n"));

    for (const w of reading.warnings) io.err(`warning: ${w}`);
    const results = queries.map((q) => checkCoverage(q, reading.indexFile!));
    if (args.json) writeFile(args.json, `${JSON.stringify({ queries: results.map(toJson) }, null, 2)}\n`);
    for (const line of render(results, args.queries!, indexesFile, reading.indexFile)) io.out(line);
    return results.every((r) => r.covered) ? exitCodes.ok : exitCodes.violations;
}

export function toJson(c: Coverage): QueryCoverageJson {
    return {
        id: c.id,
        needsComposite: c.needsComposite,
        covered: c.covered,
        coveredBy: c.coveredBy ? toIndexEntry(c.coveredBy) : null,
        suggested: c.suggested?.entry ?? null,
    };
}

function render(results: Coverage[], queriesFile: string, indexesFile: string, file: IndexFile): string[] {
    const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const lines = [
        `Firestore index coverage: ${count(results.length, "query", "queries")} in ${queriesFile}`,
        `against ${indexesFile} (${count(file.indexes.length, "composite index", "composite indexes")}, ${count(file.fieldOverrides.length, "field override", "field overrides")})`,
        "",
    ];
    const width = Math.max(0, ...results.map((r) => r.id.length));
    for (const r of results) {
        lines.push(`  ${r.covered ? "ok     " : "MISSING"}  ${r.id.padEnd(width)}  ${r.reason}`);
        if (r.suggested) {
            const indent = " ".repeat(width + 13);
            const where = r.suggested.section === "fieldOverrides" && r.suggested.replaces ? `replace ${r.suggested.replaces} with` : `add to "${r.suggested.section}":`;
            lines.push(`${indent}${where} ${JSON.stringify(r.suggested.entry)}`);
        }
    }
    lines.push("");
    const missing = results.filter((r) => !r.covered);
    if (missing.length === 0) {
        const automatic = results.filter((r) => !r.needsComposite).length;
        lines.push(`COVERED: every query is served (${automatic} by single-field indexes, ${results.length - automatic} by declared indexes).`);
    } else {
        lines.push(`NOT COVERED: ${missing.length} of ${results.length} queries need an index ${indexesFile} does not declare: ${missing.map((r) => r.id).join(", ")}.`);
    }
    return lines;
}

if (require.main === module) exitWith(runCommand(() => Promise.resolve().then(() => main(process.argv.slice(2)))));
