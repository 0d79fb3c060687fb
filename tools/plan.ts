/**
 * npm run plan -- --stack <name> [--json <file>] [--export <file>] [--manifests <dir>]
 *                 [--markdown <file>] [--secret <key>=<value>|<key>=@<file> ...] [--stack-file <file>]
 *                 [--policy-pack-config <file>] [--now <ISO time>] [--baseline <stack export>]
 * --stack-file reads the stack's config from another file (a candidate change, a test case)
 * while the stack name still picks policies/config/<name>.json (unless --policy-pack-config).
 * Runs the program offline under Pulumi's mocks (preview), evaluates the policy pack through
 * its Analyzer gRPC service, prints the plan and the readiness report.
 */
import * as fs from "node:fs";
import { RunError } from "@pulumi/pulumi";
import { parseStackConfig, type SecretRef } from "../config";
import { openGate } from "./analyzer/evaluate";
import type { EngineResource } from "./analyzer/resource";
import { clockOf, type Clock } from "./cli/clock";
import { InputError } from "./cli/errors";
import { assertOutputFile, exitWith, finish, golivePackageVersion, packDir, parse, policyConfigFile, projectDir, runCommand, writeFile } from "./cli/command";
import { apiHostProblems } from "./plan/api-hosts";
import { firestoreCoverageNotes } from "./plan/firestore-coverage";
import { kubernetesObjects } from "./plan/kubernetes-objects";
import { runProgram, type ProgramRun } from "./plan/record";
import { readStackFile } from "./plan/stack-config";
import { readExport } from "./export/read";
import { stackExport } from "./export/write";
import { assertBaselineOfStack } from "./plan/freeze";
import { judged } from "./report/judged";
import { shipsOf } from "./report/ships";
import type { UnsetSecret } from "./report/summary";
import { assertManifestsFolder, assertValidManifests, ManifestError, writeManifests } from "./manifests";

const usage = "npm run plan -- --stack <name> [--json <file>] [--export <file>] [--manifests <dir>] [--markdown <file>] [--secret <key>=<value>|<key>=@<file> ...] [--stack-file <Pulumi.<name>.yaml>] [--policy-pack-config <file>] [--now <ISO time>] [--baseline <stack export>]";

const help = `Plans a stack offline (the program under Pulumi's mocks, in preview mode) and gates it with the
policy pack, driven through its Analyzer gRPC service as the Pulumi engine drives it.

usage: ${usage}

  --stack <name>            the stack: reads Pulumi.<name>.yaml and policies/config/<name>.json
  --stack-file <file>       read the config from another file (a candidate change); the stack
                            name still picks the policy config
  --policy-pack-config <file>
                            the policy config (levels and settings, as for pulumi preview), instead
                            of policies/config/<name>.json; values are checked against each
                            policy's configSchema
  --secret <key>=@<file>    a secret the config names, read from a file (or <key>=<value>, which
                            the shell history and ps show); repeat for each; a secret not given is
                            planned as unknown, as a real preview plans a computed value
  --now <ISO time>          the clock for time rules (go/no-go freshness), e.g. 2026-12-01T18:00:00Z;
                            default: GOLIVE_NOW if set, else the current time
  --baseline <export>       the last deployed state (\`pulumi stack export\`): the report lists what the
                            plan creates, updates and deletes; in launch-eve and launch a change
                            golive:launch.freezeExceptions does not name is NO-GO, and in every phase
                            so is deleting a resource the baseline protects
  --json <file>             write the findings (verdict, violations, checklist, notes, secrets not given)
  --markdown <file>         write the readiness report as Markdown
  --export <file>           write the plan in the format of \`pulumi stack export\`
  --manifests <dir>         write every Kubernetes object as YAML, one file per object; the folder
                            then holds exactly this plan's objects (golive replaces the files it
                            wrote before and refuses a folder holding files it did not write)
  -h, --help                print this help

exit codes: 0 ready (GO), 1 a mandatory violation or nothing checked, 2 bad input, 3 an internal error`;

/** `--secret key=value`, or `key=@file` to keep the value out of the command line and shell history. */
function secretArg(pair: string): { name: string; key: string; value: string } {
    const eq = pair.indexOf("=");
    if (eq <= 0 || eq === pair.length - 1) {
        throw new InputError(`--secret ${JSON.stringify(pair.slice(0, eq > 0 ? eq + 1 : undefined))}: expected <key>=<value> or <key>=@<file>, e.g. --secret slackToken=@/run/secrets/slack`);
    }
    const name = pair.slice(0, eq);
    const key = name.includes(":") ? name : `golive:${name}`;
    let value = pair.slice(eq + 1);
    if (value.startsWith("@")) {
        try {
            value = fs.readFileSync(value.slice(1), "utf8").replace(/\r?\n$/, "");
        } catch (e) {
            throw new InputError(`--secret ${name}=${value}: cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        }
    }
    return { name, key, value };
}

/** A --secret the config never reads would be silently ignored: almost always a typo. */
function assertSecretsUsed(given: ReadonlyArray<{ name: string; key: string }>, refs: readonly SecretRef[], stackFile: string): void {
    const used = refs.map((r) => `golive:${r.key}`);
    const unused = given.filter((g) => !used.includes(g.key));
    if (unused.length === 0) return;
    const names = refs.map((r) => r.key);
    const expected = names.length ? `the secrets it uses are ${names.join(", ")}` : "it uses no secrets";
    throw new InputError(unused.map((g) => `--secret ${g.name}: ${stackFile} uses no secret named "${g.name}"; ${expected}`).join("\n"));
}

const options = {
    stack: { type: "string" },
    json: { type: "string" },
    export: { type: "string" },
    manifests: { type: "string" },
    markdown: { type: "string" },
    secret: { type: "string", multiple: true },
    "stack-file": { type: "string" },
    "policy-pack-config": { type: "string" },
    now: { type: "string" },
    baseline: { type: "string" },
} as const;

type Args = ReturnType<typeof parse<typeof options>>;

/** What the plan works from, once every input has been checked. */
interface Checked {
    stack: string;
    args: Args;
    policyConfig: string;
    file: ReturnType<typeof readStackFile>;
    config: ReturnType<typeof parseStackConfig>;
    secretKeys: string[];
    /** Secret keys set in the stack file but encrypted, so unreadable offline. */
    unreadable: string[];
    clock: Clock;
    /** The last deployed state (--baseline), read before planning. */
    baseline?: { file: string; resources: EngineResource[] };
}

/** Everything that can be refused before planning: arguments, output paths, the stack file, the secrets. */
async function checkInput(args: Args & { stack: string }): Promise<Checked> {
    const stack = args.stack;
    const policyConfig = policyConfigFile(stack, args["policy-pack-config"]);
    const clock = clockOf(args.now);
    // Every output is checked before any work: a typo costs one line, not a plan.
    for (const flag of ["json", "markdown", "export"] as const) {
        const file = args[flag];
        if (file !== undefined) assertOutputFile(`--${flag}`, file);
    }
    if (args.manifests !== undefined) await assertManifestsFolder(args.manifests);

    const file = readStackFile(projectDir, stack, args["stack-file"]);
    const given = (args.secret ?? []).map(secretArg);
    const secretKeys = given.map((g) => g.key);
    // Encrypted values cannot be read offline, but their keys are validated like any other.
    const unreadable = file.encrypted.filter((k) => !secretKeys.includes(k));
    const validated = { ...file.config, ...Object.fromEntries(file.encrypted.map((k) => [k, "<encrypted>"])) };

    // Validate first, with the program's own parser, so bad input exits 2 before anything runs.
    // The file is validated as written: a --secret value never hides a plain-text secret in it.
    const config = parseStackConfig(validated, (k) => file.encrypted.includes(k), file.file, stack);
    assertSecretsUsed(given, config.secretRefs, file.file);
    for (const g of given) file.config[g.key] = g.value;
    let baseline: Checked["baseline"];
    if (args.baseline !== undefined) {
        baseline = { file: args.baseline, resources: readExport(args.baseline).resources };
        assertBaselineOfStack(args.baseline, baseline.resources, stack);
    }
    return { stack, args, policyConfig, file, config, secretKeys, unreadable, clock, baseline };
}

/** The notes on secrets the plan did not have (planned as unknown). */
function secretNotes(c: Checked): { notes: string[]; unsetSecrets: UnsetSecret[] } {
    const notGiven = c.config.secretRefs.filter((r) => !c.secretKeys.includes(`golive:${r.key}`));
    const unsetSecrets: UnsetSecret[] = notGiven.map((r) => ({ key: r.key, usedBy: r.usedBy, state: c.unreadable.includes(`golive:${r.key}`) ? "encrypted" : "unset" }));
    const notes: string[] = [];
    const list = (state: UnsetSecret["state"]) => unsetSecrets.filter((s) => s.state === state).map((s) => `${s.key} (${s.usedBy})`);
    const encrypted = list("encrypted");
    const unset = list("unset");
    if (encrypted.length) notes.push(`${encrypted.length} secret(s) set in ${c.file.file} but encrypted, planned as unknown (give them with --secret to plan with values): ${encrypted.join(", ")}`);
    if (unset.length) notes.push(`${unset.length} secret(s) not set, planned as unknown; \`pulumi up\` refuses to run until they are set with \`pulumi config set --secret\`: ${unset.join(", ")}`);
    return { notes, unsetSecrets };
}

/** The objects no schema covers, by kind: said so in the progress line, never counted as validated. */
function withoutSchema(objects: ReadonlyArray<Record<string, unknown>>): string {
    if (objects.length === 0) return "";
    const kinds = new Map<string, number>();
    for (const o of objects) {
        const kind = `${String(o["apiVersion"])} ${String(o["kind"])}`;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    return `; ${objects.length} with no schema to validate against, identity rules only (${[...kinds].map(([k, n]) => `${n} ${k}`).join(", ")})`;
}

/**
 * Every Kubernetes object is checked against the API schemas (an invalid one is an error,
 * never written); with --manifests they are written, Secrets excepted: their values exist
 * only at deploy time, and a placeholder applied with kubectl would overwrite the live Secret.
 */
async function validateAndWriteManifests(resources: ProgramRun["resources"], dir: string | undefined, progress: (line: string) => void): Promise<void> {
    const objects = kubernetesObjects(resources);
    if (!dir) {
        const unvalidated = await assertValidManifests(objects);
        progress(`${objects.length - unvalidated.length} Kubernetes objects validated against the Kubernetes schemas${withoutSchema(unvalidated)}`);
        return;
    }
    const secrets = objects.filter((o) => o["kind"] === "Secret" && o["apiVersion"] === "v1");
    await assertValidManifests(secrets);
    const written = await writeManifests(dir, objects.filter((o) => !secrets.includes(o)));
    const removed = written.removed.length ? `; ${written.removed.length} file(s) of an earlier plan removed` : "";
    progress(`${written.files.length} Kubernetes manifests written to ${dir}, ${written.files.length - written.unvalidated.length} of them validated against the Kubernetes schemas` + (secrets.length ? ` (${secrets.length} Secrets validated, not written)` : "") + withoutSchema(written.unvalidated) + removed);
}

/** Firestore (issue 9): the manifest's queries no declared index covers. */
function withFirestoreNotes(n: ReturnType<typeof secretNotes>, resources: ProgramRun["resources"]): ReturnType<typeof secretNotes> {
    return { ...n, notes: [...n.notes, ...firestoreCoverageNotes(resources)] };
}

async function plan(argv: string[]): Promise<number> {
    const args = parse(argv, options, usage);
    if (args.help) {
        console.log(help);
        return 0;
    }
    if (!args.stack) throw new InputError(`--stack is required\nusage: ${usage}`);
    const c = await checkInput({ ...args, stack: args.stack });
    const progress = (line: string) => console.error(`· ${line}`);
    // The pack starts beside the program, as the engine starts analyzers beside the language
    // host: on two cores the pack's start costs the plan little. Nothing is written and no
    // result shown before the pack has said what its policies accept, so a bad policy config
    // value is still refused before any planned output (the program's own error comes second).
    const opening = openGate({ packDir, policyConfigFile: c.policyConfig, progress, clock: c.clock.forPack });
    const t0 = Date.now();
    const planned = runProgram({ projectDir, project: "golive", stack: c.stack, config: c.file.config, secretKeys: c.secretKeys });
    // Both are awaited below; these only keep an early rejection from counting as unhandled.
    opening.catch(() => undefined);
    planned.catch(() => undefined);
    let gate: Awaited<typeof opening>;
    try {
        gate = await opening;
        const disagree = apiHostProblems(c.file.file, c.config.edge?.apiHosts, c.policyConfig, gate.policyConfig);
        if (disagree.length) {
            gate.stop();
            throw new InputError(disagree.join("\n"));
        }
    } catch (e) {
        await planned.catch(() => undefined);
        throw e;
    }
    try {
        progress(`planning stack ${c.stack} from ${c.file.file} (offline preview under Pulumi mocks, beside the pack's start) ...`);
        const program = await planned;
        progress(`${program.resources.length} resources registered in ${Date.now() - t0} ms`);
        await validateAndWriteManifests(program.resources, c.args.manifests, progress);
        if (c.args.export) {
            writeFile(c.args.export, `${JSON.stringify(stackExport(program.resources, new Date(), golivePackageVersion()), null, 2)}\n`);
            progress(`stack export written to ${c.args.export}`);
        }
        const evaluation = await gate.evaluate(program.resources, { project: "golive", stack: c.stack, dryRun: true });
        const { findings, launch, rollback } = judged({ stack: c.stack, resources: program.resources, evaluation, clock: c.clock, baseline: c.baseline, freeze: true });
        return finish({ title: `golive plan — stack ${c.stack}`, findings, resources: program.resources, ...withFirestoreNotes(secretNotes(c), program.resources), ships: shipsOf(c.config), launch, rollback }, c.args);
    } finally {
        gate.stop();
    }
}

/**
 * The plan command; returns its exit code. Tests call it in-process: each run installs the
 * program's mocks and config afresh (tools/plan/record.ts).
 */
export function main(argv: string[]): Promise<number> {
    // The program reports bad input as a RunError (config, missing secrets, component args),
    // as the Pulumi CLI expects: printed without a stack trace.
    return runCommand(() => plan(argv), (e) => RunError.isInstance(e) || e instanceof ManifestError);
}

if (require.main === module) exitWith(main(process.argv.slice(2)));
