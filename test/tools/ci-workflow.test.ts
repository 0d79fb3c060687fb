import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

/**
 * The users' CI workflow names npm scripts, stacks and files of this repository; a rename here
 * would leave CI running something that no longer exists. This parses the workflow and checks
 * every one of them against the repository.
 */
const root = path.resolve(__dirname, "..", "..");
const workflowFile = path.join(root, ".github", "workflows", "golive.yml");

interface Step {
    run?: string;
    uses?: string;
    with?: Record<string, unknown>;
    if?: string;
}
interface Job {
    steps: Step[];
    strategy?: { matrix?: Record<string, string[]> };
}

const workflow = parse(fs.readFileSync(workflowFile, "utf8")) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const scripts = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const runs = steps.flatMap((s) => (s.run ? [s.run] : []));

/** Values of the workflow with each matrix value put in place of `${{ matrix.<key> }}`. */
function expand(value: string, job: Job): string[] {
    const m = /\$\{\{\s*matrix\.(\w+)\s*\}\}/.exec(value);
    if (!m) return [value];
    return (job.strategy?.matrix?.[m[1]!] ?? []).flatMap((v) => expand(value.replace(m[0], v), job));
}

describe("the users' CI workflow (.github/workflows/golive.yml)", () => {
    it("runs on every pull request", () => {
        assert.ok("pull_request" in workflow.on);
    });

    it("names only npm scripts package.json has", () => {
        const named = runs.flatMap((r) => [...r.matchAll(/\bnpm (?:run (\S+)|(test|ci)\b)/g)].map((m) => m[1] ?? m[2]!)).filter((n) => n !== "ci");
        assert.ok(named.includes("plan") && named.includes("test"), `the offline gate must run: ${named.join(", ")}`);
        assert.deepEqual(named.filter((n) => !(n in scripts)), []);
    });

    it("plans only stacks that have a stack file, and posts a report the plan writes", () => {
        const stacks = runs.flatMap((r) => [...r.matchAll(/npm run plan -- --stack (\S+)/g)].map((m) => m[1]!));
        assert.deepEqual(stacks.sort(), ["production", "staging"]);
        for (const s of stacks) assert.ok(fs.existsSync(path.join(root, `Pulumi.${s}.yaml`)), `Pulumi.${s}.yaml`);
        const written = runs.flatMap((r) => [...r.matchAll(/--markdown (\S+)/g)].map((m) => m[1]!));
        const posted = runs.flatMap((r) => [...r.matchAll(/--body-file (\S+)/g)].map((m) => m[1]!));
        assert.ok(posted.length > 0 && posted.every((f) => written.includes(f)), `posts ${posted.join(", ")}, writes ${written.join(", ")}`);
    });

    it("previews with the real CLI, this policy pack and each stack's policy config, which exist", () => {
        const job = workflow.jobs["preview"]!;
        const pulumi = job.steps.find((s) => s.uses?.startsWith("pulumi/actions@"))!;
        assert.ok(pulumi, "a pulumi/actions step");
        assert.equal(pulumi.with!["command"], "preview");
        assert.ok(fs.existsSync(path.join(root, String(pulumi.with!["policyPacks"]), "PulumiPolicy.yaml")));
        const configs = expand(String(pulumi.with!["policyPackConfigs"]), job);
        assert.deepEqual(configs, ["policies/config/staging.json", "policies/config/production.json"]);
        for (const c of configs) assert.ok(fs.existsSync(path.join(root, c)), c);
        assert.deepEqual(expand(String(pulumi.with!["stack-name"]), job), ["staging", "production"]);
        // Without credentials the preview is skipped, never failed: every credentialed step is guarded.
        assert.ok(job.steps.filter((s) => s.uses || s.run?.startsWith("npm")).every((s) => s.if?.includes("HAS_CREDENTIALS")));
    });
});
