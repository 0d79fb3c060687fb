/**
 * npm run bench [-- --sizes 4,25,100]
 * Measures the offline plan: program under mocks (time per registered resource, memory)
 * and the policy pack over gRPC (start-up, Analyze + AnalyzeStack time), for the example
 * production stack and for synthetic stacks of N services. Numbers go to stdout as a table.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as YAML from "yaml";
import { parse, projectDir } from "./cli/command";

interface Row { label: string; resources: number; programMs: number; msPerResource: number; packStartMs: number; analyzeMs: number; rssAfterProgramMb: number; maxRssMb: number; wallMs: number }

/** Pulumi.production.yaml with its four services cloned to `n` services (names svc-<i>). */
function syntheticStack(n: number): string {
    const doc = YAML.parse(fs.readFileSync(path.join(projectDir, "Pulumi.production.yaml"), "utf8")) as { config: Record<string, unknown> };
    const base = doc.config["golive:services"] as Array<Record<string, unknown>>;
    doc.config["golive:services"] = Array.from({ length: n }, (_, i) => {
        const s = { ...base[i % base.length]! };
        s["name"] = `svc-${i}`;
        s["calledBy"] = i > 0 ? [`svc-${i - 1}`] : [];
        if (s["host"]) s["host"] = `svc-${i}`;
        return s;
    });
    // Each clone rolls back to its original's version, so the synthetic stack plans like the example.
    const launch = doc.config["golive:launch"] as { rollbackTo?: Record<string, string> };
    const rollbackTo = launch.rollbackTo ?? {};
    launch.rollbackTo = Object.fromEntries(Array.from({ length: n }, (_, i) => [`svc-${i}`, rollbackTo[String(base[i % base.length]!["name"])]]).filter(([, v]) => v !== undefined));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "golive-bench-")), "Pulumi.production.yaml");
    fs.writeFileSync(file, YAML.stringify(doc));
    return file;
}

function measure(label: string, stackFile: string): Row {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, "bench", "measure.ts"), "production", stackFile], { cwd: projectDir, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
    return { label, ...(JSON.parse(r.stdout) as Omit<Row, "label" | "wallMs">), wallMs: Date.now() - t0 };
}

function main() {
    const usage = "npm run bench [-- --sizes 4,25,100]";
    const args = parse(process.argv.slice(2), { sizes: { type: "string" } }, usage);
    if (args.help) {
        console.log(`Measures the offline plan for the example stack and synthetic stacks of N services.\nusage: ${usage}`);
        return;
    }
    const sizes = (args.sizes ?? "25,100").split(",").map(Number);
    const rows: Row[] = [measure("production example", path.join(projectDir, "Pulumi.production.yaml"))];
    for (const n of sizes) rows.push(measure(`${n} services`, syntheticStack(n)));
    console.log(`golive bench — node ${process.version}, ${os.cpus().length} cpus, ${new Date().toISOString()}`);
    const head = ["stack", "resources", "program ms", "ms/resource", "pack start ms", "analyze ms", "rss MB", "max rss MB", "wall ms"];
    console.log(head.join(" | "));
    for (const r of rows) {
        console.log([r.label, r.resources, r.programMs, r.msPerResource, r.packStartMs, r.analyzeMs, r.rssAfterProgramMb, r.maxRssMb, r.wallMs].join(" | "));
    }
}

main();
