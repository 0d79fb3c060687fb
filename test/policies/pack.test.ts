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

    it("has unique checklist ids", () => {
        const ids = checklist.map((c) => c.id);
        assert.equal(new Set(ids).size, ids.length);
    });

    it("ships docs/checklist.md in step with the checklist and the policies (npm run docs)", () => {
        assert.equal(fs.readFileSync(checklistDocPath, "utf8"), renderChecklistDoc());
    });
});
