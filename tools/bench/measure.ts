/**
 * One measurement, in its own process (mocks are global per process): run the program
 * under mocks for a stack file, then evaluate the pack over gRPC; print timings as JSON.
 * argv: <stack> <stack-file>
 */
import { parseStackConfig } from "../../config";
import { evaluate } from "../analyzer/evaluate";
import { packDir, policyConfigFile, projectDir } from "../cli/command";
import { runProgram } from "../plan/record";
import { readStackFile } from "../plan/stack-config";

async function main() {
    const [stack, stackFile] = process.argv.slice(2) as [string, string];
    const file = readStackFile(projectDir, stack, stackFile);
    parseStackConfig(file.config, () => false, file.file, stack);
    const t0 = performance.now();
    const program = await runProgram({ projectDir, project: "golive", stack, config: file.config, secretKeys: [] });
    const programMs = performance.now() - t0;
    const rssAfterProgram = process.memoryUsage().rss;
    const evaluation = await evaluate(program.resources, { packDir, policyConfigFile: policyConfigFile(stack), project: "golive", stack, dryRun: true });
    process.stdout.write(JSON.stringify({
        resources: program.resources.length,
        programMs: Math.round(programMs),
        msPerResource: +(programMs / program.resources.length).toFixed(2),
        packStartMs: evaluation.startMs,
        analyzeMs: evaluation.analyzeMs,
        diagnostics: evaluation.diagnostics.length,
        rssAfterProgramMb: Math.round(rssAfterProgram / 2 ** 20),
        maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }) + "\n");
}

main().then(() => process.exit(0), (e: unknown) => {
    console.error(e);
    process.exit(1);
});
