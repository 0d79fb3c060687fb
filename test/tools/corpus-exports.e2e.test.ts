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
        // The corpus's alert policies have no channels or runbook links, and its Cloudflare zones no
        // launch settings, as stacks not built for a launch don't.
        const alertPolicies = resources.filter((r) => r.type === "gcp:monitoring/alertPolicy:AlertPolicy");
        const cloudflareZones = resources.filter((r) => r.type.startsWith("cloudflare:") && typeof r.inputs["zoneId"] === "string");
        const judgedKinds = kubernetesWorkloads.length + alertPolicies.length + cloudflareZones.length;
        // Resources that break launch rules give mandatory findings; stacks without any give none,
        // and a stack no policy applies to at all does not pass (nothing was checked).
        assert.equal(f.ok, judgedKinds === 0 && f.judged, JSON.stringify(f.violations.slice(0, 2)));
        if (judgedKinds > 0) assert.equal(f.judged, true);
        assert.equal(f.checklist.length > 0, true);
    }

    for (const file of fs.readdirSync(fixtures).sort()) {
        it(`gives findings or one clear line for golive's fixture ${file}`, () => judge(path.join(fixtures, file)));
    }
    itEachCorpusFile("stack-exports", (file) => `gives findings or one clear line for ${file}`, (file) => judge(file));
});
