import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { readExport } from "../../tools/analyze/read-export";
import { evaluateWith } from "../../tools/analyzer/evaluate";
import { startPolicyPack, type RunningPack } from "../../tools/analyzer/pack-process";
import { InputError } from "../../tools/cli/errors";
import { buildFindings } from "../../tools/report/findings";
import { itEachCorpusFile } from "../corpus";
import { projectDir } from "./cli";

const fixtures = path.resolve(__dirname, "..", "fixtures", "stack-exports");

describe("every stack export, ours and the corpus's, through the served pack", function () {
    this.timeout(120_000);
    let pack: RunningPack;
    before(async () => {
        pack = await startPolicyPack(path.join(projectDir, "policies"));
    });
    after(() => pack.stop());

    /** Findings for a readable export, or one clear line for an unreadable one. */
    async function judge(file: string): Promise<void> {
        let resources;
        try {
            resources = readExport(file).resources;
        } catch (e) {
            assert.ok(e instanceof InputError, String(e));
            assert.equal(e.message.split("\n").length, 1);
            return;
        }
        const evaluation = await evaluateWith(pack, resources, {
            policyConfigFile: path.join(projectDir, "policies", "config", "production.json"),
            project: "golive",
            stack: "production",
            dryRun: false,
        });
        const f = buildFindings("production", evaluation);
        const kubernetesWorkloads = resources.filter((r) => /^kubernetes:(apps\/v1:Deployment|core\/v1:Pod)$/.test(r.type));
        const cloudflareZones = resources.filter((r) => r.type.startsWith("cloudflare:") && typeof r.inputs["zoneId"] === "string");
        // Workloads and Cloudflare zones that break launch rules give mandatory findings; stacks without any give none.
        assert.equal(f.ok, kubernetesWorkloads.length === 0 && cloudflareZones.length === 0, JSON.stringify(f.violations.slice(0, 2)));
        assert.equal(f.checklist.length > 0, true);
    }

    for (const file of fs.readdirSync(fixtures).sort()) {
        it(`gives findings or one clear line for golive's fixture ${file}`, () => judge(path.join(fixtures, file)));
    }
    itEachCorpusFile("stack-exports", (file) => `gives findings or one clear line for ${file}`, (file) => judge(file));
});
