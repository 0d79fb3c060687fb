/**
 * npm run plan -- --stack <name> [--json <file>] [--export <file>] [--manifests <dir>]
 *                 [--markdown <file>] [--secret <key>=<value>|<key>=@<file> ...] [--stack-file <file>]
 * --stack-file reads the stack's config from another file (a candidate change, a test case)
 * while the stack name still picks policies/config/<name>.json.
 * Runs the program offline under Pulumi's mocks (preview), evaluates the policy pack through
 * its Analyzer gRPC service, prints the plan and the readiness report.
 */
import * as fs from "node:fs";
import { RunError } from "@pulumi/pulumi";
import { parseStackConfig } from "../config";
import { evaluate } from "./analyzer/evaluate";
import { InputError } from "./cli/errors";
import { finish, golivePackageVersion, packDir, parse, policyConfigFile, projectDir, run, writeFile } from "./cli/main";
import { firestoreCoverageNotes } from "./plan/firestore-coverage";
import { kubernetesObjects } from "./plan/kubernetes-objects";
import { runProgram } from "./plan/record";
import { readStackFile } from "./plan/stack-config";
import { stackExport } from "./plan/export";
import { buildFindings } from "./report/findings";
import { assertValidManifests, ManifestError, writeManifests } from "./manifests";

const usage = "npm run plan -- --stack <name> [--json <file>] [--export <file>] [--manifests <dir>] [--markdown <file>] [--secret <key>=<value>|<key>=@<file> ...] [--stack-file <Pulumi.<name>.yaml>]";

/** `--secret key=value`, or `key=@file` to keep the value out of the command line and shell history. */
function secretArg(pair: string): { key: string; value: string } {
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
    return { key, value };
}

async function main(): Promise<number> {
    const args = parse(process.argv.slice(2), {
        stack: { type: "string" },
        json: { type: "string" },
        export: { type: "string" },
        manifests: { type: "string" },
        markdown: { type: "string" },
        secret: { type: "string", multiple: true },
        "stack-file": { type: "string" },
    }, usage);
    if (!args.stack) throw new InputError(`--stack is required\nusage: ${usage}`);
    const stack = args.stack;
    const policyConfig = policyConfigFile(stack);
    const file = readStackFile(projectDir, stack, args["stack-file"]);
    const secretKeys: string[] = [];
    for (const pair of args.secret ?? []) {
        const { key, value } = secretArg(pair);
        file.config[key] = value;
        secretKeys.push(key);
    }
    // Encrypted values cannot be read offline, but their keys are validated like any other.
    const unreadable = file.encrypted.filter((k) => !secretKeys.includes(k));
    const validated = { ...file.config, ...Object.fromEntries(unreadable.map((k) => [k, "<encrypted>"])) };

    // Validate first, with the program's own parser, so bad input exits 2 before anything runs.
    const config = parseStackConfig(validated, (k) => secretKeys.includes(k) || file.encrypted.includes(k), file.file);

    const progress = (line: string) => console.error(`· ${line}`);
    progress(`planning stack ${stack} from ${file.file} (offline preview under Pulumi mocks) ...`);
    const t0 = Date.now();
    const program = await runProgram({ projectDir, project: "golive", stack, config: file.config, secretKeys });
    progress(`${program.resources.length} resources registered in ${Date.now() - t0} ms`);

    const notes: string[] = [];
    const list = (refs: typeof config.secretRefs) => refs.map((r) => `${r.key} (${r.usedBy})`).join(", ");
    const notGiven = config.secretRefs.filter((r) => !secretKeys.includes(`golive:${r.key}`));
    const encrypted = notGiven.filter((r) => unreadable.includes(`golive:${r.key}`));
    const unset = notGiven.filter((r) => !unreadable.includes(`golive:${r.key}`));
    if (encrypted.length) notes.push(`${encrypted.length} secret(s) set in ${file.file} but encrypted, planned as unknown (give them with --secret to plan with values): ${list(encrypted)}`);
    if (unset.length) notes.push(`${unset.length} secret(s) not set, planned as unknown; \`pulumi up\` refuses to run until they are set with \`pulumi config set --secret\`: ${list(unset)}`);
    notes.push(`launch phase: ${config.launch.phase}`);
    notes.push(...firestoreCoverageNotes(program.resources)); // Firestore (issue 9): the manifest's uncovered queries

    // Every Kubernetes object is checked against the API schemas; an invalid one is an error, never written.
    const objects = kubernetesObjects(program.resources);
    if (args.manifests) {
        // Secrets are validated but not written: their values exist only at deploy time, and a
        // placeholder applied with kubectl would overwrite the live Secret.
        const secrets = objects.filter((o) => o["kind"] === "Secret" && o["apiVersion"] === "v1");
        await assertValidManifests(secrets);
        const written = await writeManifests(args.manifests, objects.filter((o) => !secrets.includes(o)));
        progress(`${written.length} Kubernetes manifests validated and written to ${args.manifests}` + (secrets.length ? ` (${secrets.length} Secrets validated, not written)` : ""));
    } else {
        await assertValidManifests(objects);
        progress(`${objects.length} Kubernetes objects validated against the Kubernetes schemas`);
    }
    if (args.export) {
        writeFile(args.export, `${JSON.stringify(stackExport(program.resources, new Date(), golivePackageVersion()), null, 2)}\n`);
        progress(`stack export written to ${args.export}`);
    }

    const evaluation = await evaluate(program.resources, {
        packDir,
        policyConfigFile: policyConfig,
        project: "golive",
        stack,
        dryRun: true,
        progress,
    });
    const findings = buildFindings(stack, evaluation);
    return finish({ title: `golive plan — stack ${stack}`, findings, resources: program.resources, notes }, args);
}

// The program reports bad input as a RunError (config, missing secrets, component args),
// as the Pulumi CLI expects: printed without a stack trace.
run(main, (e) => RunError.isInstance(e) || e instanceof ManifestError);
