/**
 * npm run engine:bench [-- --services 100]
 * Times golive's offline gate against the real Pulumi CLI on the same work: the plan
 * export of the production stack with N services (production's services repeated as
 * `npm run bench` repeats them, tools/bench/stacks.ts, the last copy cut short), judged by
 * `npm run analyze -- --file` and by `pulumi policy analyze --file`, one after the other,
 * each from a cold start (both start the pack, which ts-node type-checks). Prints wall
 * time, peak memory and whether they agree.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { InputError } from "../cli/errors";
import { exitWith, parse, projectDir, runCommand } from "../cli/command";
import { writeStackWithServices } from "../bench/stacks";
import type { FindingsFile } from "../report/findings-file";
import { ensureEngine } from "./build";
import { compare, explain, fromFindingsFile, rootStackUrn } from "./compare";
import { golive } from "./golive";
import { engineSandbox, policyAnalyze } from "./pulumi";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
    const args = parse(process.argv.slice(2), { services: { type: "string" } }, "npm run engine:bench [-- --services 100]");
    const n = Number(args.services ?? "100");
    if (!Number.isInteger(n) || n < 1) throw new InputError(`--services ${JSON.stringify(args.services)}: expected a whole number of services, e.g. 100`);
    ensureEngine();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golive-engine-bench-"));
    const sandbox = engineSandbox();
    try {
        const exportFile = path.join(dir, "plan.json");
        const { file: stackFile, policyConfig } = writeStackWithServices(projectDir, "production", n, dir);
        const plan = await golive("plan", ["--stack", "production", "--stack-file", stackFile, "--policy-pack-config", policyConfig, "--export", exportFile]);
        if (plan.code !== 0 && plan.code !== 1) throw new Error(`npm run plan failed (exit ${plan.code}):\n${plan.stderr}`);
        const resources = (JSON.parse(fs.readFileSync(exportFile, "utf8")) as { deployment: { resources: Array<{ urn: string; type: string; parent?: string }> } }).deployment.resources;
        console.log(`engine:bench: ${n} services, ${resources.length} resources (plan ${seconds(plan.ms)}); node ${process.version}, ${os.cpus().length} cpus, load ${os.loadavg()[0]!.toFixed(1)}`);

        const findingsFile = path.join(dir, "findings.json");
        const g = await golive("analyze", ["--file", exportFile, "--stack", "production", "--policy-pack-config", policyConfig, "--json", findingsFile]);
        if (g.code !== 0 && g.code !== 1) throw new Error(`npm run analyze failed (exit ${g.code}):\n${g.stderr}`);
        const e = await policyAnalyze(exportFile, policyConfig, sandbox);
        if (e.result === undefined) throw new Error(`pulumi policy analyze failed (exit ${e.code}):\n${e.stderr}`);
        const c = compare(fromFindingsFile(JSON.parse(fs.readFileSync(findingsFile, "utf8")) as FindingsFile), e, rootStackUrn(resources));

        console.log("judge | wall | peak RSS (largest process) | violations | verdict");
        console.log(`npm run analyze -- --file | ${seconds(g.ms)} | ${g.maxRssMb ?? "?"} MB | ${c.golive.violations.length} | ${c.golive.pass ? "pass" : "fail"}`);
        console.log(`pulumi policy analyze --file | ${seconds(e.ms)} | ${e.maxRssMb ?? "?"} MB | ${c.engine.violations.length} | ${c.engine.pass ? "pass" : "fail"}`);
        console.log(c.agree ? "they agree" : `they disagree:\n${explain(c)}`);
        return c.agree ? 0 : 1;
    } finally {
        sandbox.remove();
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

exitWith(runCommand(main));
