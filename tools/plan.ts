/**
 * npm run plan -- --stack <name> [--json <file>] [--export <file>] [--manifests <dir>]
 *                 [--markdown <file>] [--secret <key>=<value> ...] [--stack-file <file>]
 * --stack-file reads the stack's config from another file (a candidate change, a test case)
 * while the stack name still picks policies/config/<name>.json.
 * Runs the program offline under Pulumi's mocks (preview), evaluates the policy pack through
 * its Analyzer gRPC service, prints the plan and the readiness report.
 */
import { RunError } from "@pulumi/pulumi";
import { parseStackConfig } from "../config";
import { evaluate } from "./analyzer/evaluate";
import { InputError } from "./cli/errors";
import { finish, golivePackageVersion, packDir, parse, policyConfigFile, projectDir, run, writeFile } from "./cli/main";
import { kubernetesObjects } from "./plan/kubernetes-objects";
import { runProgram } from "./plan/record";
import { readStackFile } from "./plan/stack-config";
import { stackExport } from "./plan/export";
import { buildFindings } from "./report/findings";
import { assertValidManifests, ManifestError, writeManifests } from "./manifests";

const usage = "npm run plan -- --stack <name> [--json <file>] [--export <file>] [--manifests <dir>] [--markdown <file>] [--secret <key>=<value> ...] [--stack-file <Pulumi.<name>.yaml>]";

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
        const eq = pair.indexOf("=");
        if (eq <= 0) throw new InputError(`--secret ${JSON.stringify(pair)}: expected <key>=<value>, e.g. --secret slackToken=xoxb-...`);
        const key = pair.slice(0, eq).includes(":") ? pair.slice(0, eq) : `golive:${pair.slice(0, eq)}`;
        file.config[key] = pair.slice(eq + 1);
        secretKeys.push(key);
    }

    // Validate first, with the program's own parser, so bad input exits 2 before anything runs.
    const config = parseStackConfig(file.config, (k) => secretKeys.includes(k) || file.encrypted.includes(k), file.file);

    const progress = (line: string) => console.error(`· ${line}`);
    progress(`planning stack ${stack} from ${file.file} (offline preview under Pulumi mocks) ...`);
    const t0 = Date.now();
    const program = await runProgram({ projectDir, project: "golive", stack, config: file.config, secretKeys });
    progress(`${program.resources.length} resources registered in ${Date.now() - t0} ms`);

    const notes: string[] = [];
    const unset = config.secretRefs.filter((r) => !secretKeys.includes(`golive:${r.key}`));
    if (unset.length) {
        notes.push(`${unset.length} secret${unset.length === 1 ? "" : "s"} planned as unknown (not given with --secret${file.encrypted.length ? "; encrypted values cannot be read offline" : ""}): ${unset.map((r) => `${r.key} (${r.usedBy})`).join(", ")}`);
    }
    notes.push(`launch phase: ${config.launch.phase}`);

    // Every Kubernetes object is checked against the API schemas; an invalid one is an error, never written.
    const objects = kubernetesObjects(program.resources);
    if (args.manifests) {
        const written = await writeManifests(args.manifests, objects);
        progress(`${written.length} Kubernetes manifests validated and written to ${args.manifests}`);
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
