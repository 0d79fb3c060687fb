import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { policies } from "../../policies/all";
import { checklist } from "../../policies/checklist";
import { policyNamePattern, runbookTagPrefix } from "../../policies/lib/define";
import { checklistDocPath, renderChecklistDoc } from "../../tools/checklist-doc";

const policiesDir = path.resolve(__dirname, "..", "..", "policies");

describe("the policy pack as a whole", () => {
    it("names every policy <area>-<resource>-<verb>-<noun>, once", () => {
        const names = policies.map((p) => p.name);
        assert.deepEqual(names.filter((n) => !policyNamePattern.test(n)), []);
        assert.equal(new Set(names).size, names.length);
    });

    it("gives every policy a description, a severity, a remediation and the checklist items it enforces", () => {
        for (const p of policies) {
            assert.ok(p.description, `${p.name} has no description`);
            assert.ok(p.severity, `${p.name} has no severity`);
            assert.ok(p.remediationSteps, `${p.name} has no remediation`);
            assert.ok((p.tags ?? []).some((t) => t.startsWith(runbookTagPrefix)), `${p.name} enforces no checklist item`);
        }
    });

    it("keeps each policy in its own file, named after it, with a test file of the same name", () => {
        for (const p of policies) {
            const area = p.name.split("-")[0]!;
            assert.ok(fs.existsSync(path.join(policiesDir, area, `${p.name}.ts`)), `policies/${area}/${p.name}.ts is missing`);
            assert.ok(fs.existsSync(path.join(__dirname, area, `${p.name}.test.ts`)), `test/policies/${area}/${p.name}.test.ts is missing`);
        }
    });

    it("registers every policy file of every area in policies/all.ts, each with its test file", () => {
        // Areas are the pack's folders but its library, its config and its builds, so a new
        // area is covered the day its folder appears.
        const areas = fs.readdirSync(policiesDir, { withFileTypes: true })
            .filter((e) => e.isDirectory() && !["lib", "config", "node_modules"].includes(e.name) && !e.name.startsWith("."))
            .map((e) => e.name);
        assert.ok(areas.includes("workloads"), areas.join(", "));
        const registered = new Set(policies.map((p) => p.name));
        const files = areas.flatMap((area) => fs.readdirSync(path.join(policiesDir, area))
            .filter((f) => f.endsWith(".ts") && policyNamePattern.test(f.slice(0, -3)))
            .map((f) => ({ area, name: f.slice(0, -3) })));
        assert.deepEqual(files.filter((f) => !f.name.startsWith(`${f.area}-`)).map((f) => `policies/${f.area}/${f.name}.ts`), [], "a policy file lives in the folder of its area");
        assert.deepEqual(files.filter((f) => !registered.has(f.name)).map((f) => `policies/${f.area}/${f.name}.ts`), [], "not registered in policies/all.ts");
        assert.deepEqual(files.filter((f) => !fs.existsSync(path.join(__dirname, f.area, `${f.name}.test.ts`))).map((f) => `test/policies/${f.area}/${f.name}.test.ts`), [], "missing test files");
        assert.deepEqual(files.map((f) => f.name).sort(), [...registered].sort(), "every registered policy has its own file");
    });

    it("has unique checklist ids", () => {
        const ids = checklist.map((c) => c.id);
        assert.equal(new Set(ids).size, ids.length);
    });

    it("ships docs/checklist.md in step with the checklist and the policies (npm run docs)", () => {
        assert.equal(fs.readFileSync(checklistDocPath, "utf8"), renderChecklistDoc());
    });
});
