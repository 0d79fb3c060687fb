/**
 * npm run analyze -- --file <stack-export.json> --stack <name> [--json <file>] [--markdown <file>] [--now <ISO time>] [--baseline <export>]
 *                    [--policy-pack-config <file>]
 * npm run analyze -- --manifests <dir|file> --stack <name> [...]
 * Evaluates the policy pack against a saved stack (ours or a real `pulumi stack export`) or
 * against Kubernetes YAML, like `pulumi policy analyze`: Analyze per resource, AnalyzeStack once.
 */
import * as path from "node:path";
import { evaluate } from "./analyzer/evaluate";
import type { EngineResource } from "./analyzer/resource";
import { readExport } from "./export/read";
import { clockOf } from "./cli/clock";
import { assertBaselineOfStack } from "./plan/freeze";
import { judged } from "./report/judged";
import { InputError } from "./cli/errors";
import { assertOutputFile, exitWith, finish, packDir, parse, policyConfigFile, runCommand } from "./cli/command";
import { ManifestError, readManifests, toEngineResource, validateManifest } from "./manifests";

const usage = "npm run analyze -- (--file <stack-export.json> | --manifests <dir|file>) --stack <name> [--json <file>] [--markdown <file>] [--now <ISO time>] [--baseline <stack export>] [--policy-pack-config <file>]";

const help = `Gates resources golive did not plan with the policy pack, like \`pulumi policy analyze\`:
a saved stack (ours or a real \`pulumi stack export\`), or Kubernetes YAML (what kustomize or helm render).

usage: ${usage}

  --file <export.json>      a stack export (v3) or a backend checkpoint (version 3 or later)
  --manifests <dir|file>    Kubernetes YAML, multi-document; a folder is read file by file
                            (*.yaml, *.yml, *.json), each object judged as golive would judge it
  --stack <name>            the stack: its policy config is policies/config/<name>.json
  --policy-pack-config <file>
                            the policy config (levels and settings, as for pulumi policy analyze)
                            instead; values are checked against each policy's configSchema
  --json <file>             write the findings (verdict, violations, checklist, notes)
  --markdown <file>         write the readiness report as Markdown
  --now <ISO time>          the clock for time rules (certificate expiry, go/no-go freshness), e.g.
                            2026-11-22T09:00:00Z; default: GOLIVE_NOW if set, else the current time
  --baseline <export>       with --file: the last deployed state; the report lists what the analyzed
                            state changes, judged like plan --baseline (freeze, protected deletions)
  -h, --help                print this help

exit codes: 0 ready (GO), 1 a mandatory violation or nothing checked, 2 bad input, 3 an internal error`;

async function analyze(argv: string[]): Promise<number> {
    const args = parse(argv, {
        file: { type: "string" },
        manifests: { type: "string" },
        stack: { type: "string" },
        json: { type: "string" },
        markdown: { type: "string" },
        now: { type: "string" },
        baseline: { type: "string" },
        "policy-pack-config": { type: "string" },
    }, usage);
    if (args.help) {
        console.log(help);
        return 0;
    }
    if (!args.stack) throw new InputError(`--stack is required\nusage: ${usage}`);
    if (!args.file === !args.manifests) throw new InputError(`give exactly one of --file and --manifests\nusage: ${usage}`);
    if (args.baseline !== undefined && !args.file) throw new InputError(`--baseline compares two stack states: give it with --file\nusage: ${usage}`);
    // Time-dependent checks read the clock from the pack's environment (GOLIVE_NOW).
    const clock = clockOf(args.now);
    const stack = args.stack;
    const configFile = policyConfigFile(stack, args["policy-pack-config"]);
    for (const flag of ["json", "markdown"] as const) {
        const file = args[flag];
        if (file !== undefined) assertOutputFile(`--${flag}`, file);
    }
    const progress = (line: string) => console.error(`· ${line}`);

    const notes: string[] = [];
    let resources: EngineResource[];
    let source: string;
    if (args.file) {
        const read = readExport(args.file);
        resources = read.resources;
        source = `${args.file} (${read.format})`;
        if (read.stats.encryptedSecrets) notes.push(`${read.stats.encryptedSecrets} encrypted secret value(s) cannot be read offline; checks that read them are reported as not evaluable`);
        if (read.stats.contentlessAssets) notes.push(`${read.stats.contentlessAssets} asset(s) saved without content are treated as unknown`);
        if (read.withoutInputs) notes.push(`${read.withoutInputs} custom resource(s) have no saved inputs; they were analyzed with their outputs`);
    } else {
        const objects = await readManifests(args.manifests!);
        resources = objects.map(toEngineResource);
        // Two files may declare the same object (kind, namespace, name); kubectl would keep
        // the last one. Evaluate both, told apart by file, and say so.
        const seen = new Map<string, string>();
        resources.forEach((r, i) => {
            const file = objects[i]!.file;
            const first = seen.get(r.urn);
            if (first === undefined) {
                seen.set(r.urn, file);
                return;
            }
            const o = objects[i]!;
            notes.push(`${o.kind} ${o.namespace ? `${o.namespace}/` : ""}${o.name} is declared in both ${first} and ${file}; applied together, the later file would replace the earlier`);
            r.urn = `${r.urn}@${path.basename(file)}`;
        });
        source = `${args.manifests} (${objects.length} Kubernetes object${objects.length === 1 ? "" : "s"})`;
        for (const o of objects) {
            // The API server's own rules are the pack's verdict (workloads-object-enforce-api-validation), not a note.
            const v = await validateManifest(o.object, { apiRules: false });
            for (const e of v.errors) notes.push(`schema: ${o.file}: ${e}`);
        }
    }
    progress(`analyzing ${source} with ${path.relative(process.cwd(), configFile) || configFile} ...`);
    const baseline = args.baseline !== undefined ? { file: args.baseline, resources: readExport(args.baseline).resources } : undefined;
    if (baseline) assertBaselineOfStack(baseline.file, baseline.resources, stack);
    const evaluation = await evaluate(resources, { packDir, policyConfigFile: configFile, project: "golive", stack, dryRun: false, progress, clock: clock.forPack });
    // Manifests have no state to compare: the freeze is a question for stack states only.
    const { findings, launch, rollback } = judged({ stack, resources, evaluation, clock, baseline, freeze: args.file !== undefined });
    return finish({ title: `golive analyze — ${source}, stack ${stack}`, findings, resources, notes, unsetSecrets: [], launch, rollback }, args);
}

/** The analyze command; returns its exit code (tests call it in-process). */
export function main(argv: string[]): Promise<number> {
    return runCommand(() => analyze(argv), (e) => e instanceof ManifestError);
}

if (require.main === module) exitWith(main(process.argv.slice(2)));
