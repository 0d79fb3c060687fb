/**
 * npm run bench -- [--json <file>] [--scales 1,10,100] [--runs <n>]
 * What the gate costs against Pulumi's own cost, and how it grows: for the production stack
 * with its services repeated 1x, 10x and 100x (tools/bench/stacks.ts), the wall time and peak
 * memory of `plan` (program, policies, report: the command as a user runs it) and of the bare
 * program (tools/bench/bare.ts: the same resources, types and inputs under the same mocks,
 * nothing else), run in turns so the machine's load weighs on both alike; each figure is the
 * median of the runs. The policy cost per resource is the plan's own measure of its Analyze
 * and AnalyzeStack calls through the gRPC service, the pack's start excluded.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { policyCost } from "./analyzer/evaluate";
import { InputError } from "./cli/errors";
import { exitWith, parse, projectDir, runCommand } from "./cli/command";
import { measureProcess, type Measured } from "./bench/measure";
import { writeScaledStack } from "./bench/stacks";

const usage = "npm run bench -- [--json <file>] [--scales 1,10,100] [--runs <n>]";

const help = `Measures the offline gate against the bare Pulumi program, at several sizes of the production stack.

usage: ${usage}

  --json <file>      write {"scales":[{"services","resources","planSeconds","bareSeconds","ratio",
                     "peakRssMB"}],"policyMsPerResource"} (policy cost at the largest scale)
  --scales <list>    how many times production's services each stack has (default 1,10,100)
  --runs <n>         timed runs of plan and of the bare program per scale, medians reported
                     (default 5, 3 from 10x); one untimed run of each first when n > 1
  -h, --help         print this help`;

const options = {
    json: { type: "string" },
    scales: { type: "string" },
    runs: { type: "string" },
} as const;

export interface Scale {
    services: number;
    resources: number;
    planSeconds: number;
    bareSeconds: number;
    ratio: number;
    peakRssMB: number;
}

export interface BenchResult {
    scales: Scale[];
    policyMsPerResource: number;
}

/** Beside the JSON contract: the figures the table shows. */
interface ScaleDetail extends Scale {
    factor: number;
    barePeakRssMB: number;
    policyMsPerResource: number;
    runs: number;
}

const median = (xs: readonly number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The loader the npm scripts run the commands with (package.json). */
const loader = ["-r", path.join(projectDir, "tools", "register.js")];

function planArgs(stackFile: string, policyConfig: string, exportFile: string | undefined): string[] {
    return [...loader, path.join(projectDir, "tools", "plan.ts"), "--stack", "production", "--stack-file", stackFile, "--policy-pack-config", policyConfig, ...(exportFile ? ["--export", exportFile] : [])];
}

function bareArgs(exportFile: string): string[] {
    return [...loader, path.join(projectDir, "tools", "bench", "bare.ts"), exportFile, "production"];
}

/** A run that did not do its job is an error, never a figure. */
function checked(what: string, m: Measured, okCodes: readonly number[]): Measured {
    if (m.code === null || !okCodes.includes(m.code)) {
        throw new Error(`${what} exited with ${m.code}:\n${(m.stderr || m.stdout).trim().split("\n").slice(-20).join("\n")}`);
    }
    return m;
}

async function benchScale(factor: number, runs: number, warmUp: boolean, work: string, progress: (line: string) => void): Promise<ScaleDetail> {
    const dir = fs.mkdtempSync(path.join(work, `x${factor}-`));
    const { file, policyConfig, services } = writeScaledStack(projectDir, "production", factor, dir);
    const exportFile = path.join(dir, "export.json");
    // Exit 1 is a plan that found a mandatory violation: still a whole plan, measured as such.
    // The first plan writes the export the bare program declares; the others plan only.
    let exported = false;
    const plan = async () => {
        const m = checked(`plan of ${services} services`, await measureProcess(planArgs(file, policyConfig, exported ? undefined : exportFile), projectDir), [0, 1]);
        exported = true;
        return m;
    };
    const bare = async () => checked(`bare program of ${services} services`, await measureProcess(bareArgs(exportFile), projectDir), [0]);
    if (warmUp) {
        progress(`${factor}x (${services} services): one untimed plan and bare run first (the pack built, files transpiled and cached) ...`);
        await plan();
        await bare();
    }
    const plans: Measured[] = [];
    const bares: Measured[] = [];
    for (let i = 0; i < runs; i++) {
        // In turns, alternating which goes first, so load and drift weigh on both alike;
        // the first turn plans first (the bare program reads the plan's export).
        if (i % 2 === 0) {
            plans.push(await plan());
            bares.push(await bare());
        } else {
            bares.push(await bare());
            plans.push(await plan());
        }
        const p = plans.at(-1)!;
        const b = bares.at(-1)!;
        const cost = policyCost(p.stderr);
        const policy = cost ? `, policies ${(cost.analyzeMs / cost.resources).toFixed(3)} ms per resource` : "";
        progress(`${factor}x run ${i + 1}/${runs}: plan ${p.seconds.toFixed(2)} s (peak ${p.peakRssMB} MB${policy}), bare ${b.seconds.toFixed(2)} s (peak ${b.peakRssMB} MB)`);
    }
    const resources = (JSON.parse(fs.readFileSync(exportFile, "utf8")) as { deployment: { resources: unknown[] } }).deployment.resources.length;
    const costs = plans.map((p) => {
        const cost = policyCost(p.stderr);
        if (!cost) throw new Error(`plan of ${services} services: its output does not say what the policies cost:\n${p.stderr.trim()}`);
        return cost.analyzeMs / cost.resources;
    });
    const planSeconds = median(plans.map((p) => p.seconds));
    const bareSeconds = median(bares.map((b) => b.seconds));
    return {
        factor,
        services,
        resources,
        planSeconds: round(planSeconds, 3),
        bareSeconds: round(bareSeconds, 3),
        ratio: round(planSeconds / bareSeconds, 3),
        peakRssMB: median(plans.map((p) => p.peakRssMB)),
        barePeakRssMB: median(bares.map((b) => b.peakRssMB)),
        policyMsPerResource: round(median(costs), 3),
        runs,
    };
}

/** The --json file, exactly the contract of DESIGN.md (other tools read it). */
export function benchJson(details: readonly ScaleDetail[]): BenchResult {
    const largest = details.reduce((a, b) => (b.factor > a.factor ? b : a));
    return {
        scales: details.map((d) => ({ services: d.services, resources: d.resources, planSeconds: d.planSeconds, bareSeconds: d.bareSeconds, ratio: d.ratio, peakRssMB: d.peakRssMB })),
        policyMsPerResource: largest.policyMsPerResource,
    };
}

function table(details: readonly ScaleDetail[]): string {
    const head = ["scale", "services", "resources", "plan s", "bare s", "plan/bare", "plan ms/res", "policy ms/res", "plan peak MB", "bare peak MB", "runs"];
    const rows = details.map((d) => [`${d.factor}x`, d.services, d.resources, d.planSeconds.toFixed(2), d.bareSeconds.toFixed(2), d.ratio.toFixed(2), ((d.planSeconds * 1000) / d.resources).toFixed(2), d.policyMsPerResource.toFixed(3), d.peakRssMB, d.barePeakRssMB, d.runs].map(String));
    return [head, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n").replace(/\n/, `\n|${head.map(() => "---").join("|")}|\n`);
}

function positiveInts(flag: string, value: string): number[] {
    const xs = value.split(",").map((x) => x.trim());
    if (!xs.length || xs.some((x) => !/^[1-9]\d*$/.test(x))) throw new InputError(`${flag} ${value}: expected whole numbers from 1, comma-separated, e.g. ${flag} ${flag === "--runs" ? "3" : "1,10,100"}`);
    return xs.map(Number);
}

async function bench(argv: string[]): Promise<number> {
    const args = parse(argv, options, usage);
    if (args.help) {
        console.log(help);
        return 0;
    }
    const scales = positiveInts("--scales", args.scales ?? "1,10,100");
    const runs = args.runs === undefined ? undefined : positiveInts("--runs", args.runs);
    if (runs && runs.length !== 1) throw new InputError(`--runs ${args.runs}: expected one whole number, e.g. --runs 3`);
    if (args.json !== undefined && !fs.existsSync(path.dirname(path.resolve(args.json)))) throw new InputError(`--json ${args.json}: its folder does not exist; expected a file path such as bench.json`);
    const progress = (line: string) => console.error(`· ${line}`);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "golive-bench-"));
    const started = Date.now();
    try {
        const details: ScaleDetail[] = [];
        for (const [i, factor] of scales.entries()) {
            const n = runs?.[0] ?? (factor >= 10 ? 3 : 5);
            // Once, before the first timed run: the pack's build and the transpiled files are
            // then cached for every run, as they are for a user's second plan.
            details.push(await benchScale(factor, n, i === 0 && n > 1, work, progress));
        }
        const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
        console.log(`golive bench: ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${os.cpus().length} cpus, load average ${load} at the end, ${Math.round((Date.now() - started) / 1000)} s`);
        console.log(table(details));
        if (args.json !== undefined) fs.writeFileSync(args.json, `${JSON.stringify(benchJson(details))}\n`);
        return 0;
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}

/** The bench command; returns its exit code (0, 2 on bad arguments, 3 when a run fails). */
export function main(argv: string[]): Promise<number> {
    return runCommand(() => bench(argv), () => false);
}

if (require.main === module) exitWith(main(process.argv.slice(2)));
