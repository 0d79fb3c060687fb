import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { itRunbooks, runbooksDir } from "../corpus";
import { policies } from "../../policies/all";
import { checklist, runbooks, type ChecklistItem } from "../../policies/checklist";
import { runbookTagPrefix } from "../../policies/lib/define";

const enforced = (id: string) => policies.some((p) => (p.tags ?? []).includes(`${runbookTagPrefix}${id}`));

describe("the runbook checklist", () => {
    it("tells a person what to check and how for every item no policy enforces", () => {
        const items: readonly ChecklistItem[] = checklist;
        const bare = items.filter((c) => !enforced(c.id) && !c.manual).map((c) => c.id);
        assert.deepEqual(bare, [], "items no policy enforces need a manual check");
        for (const c of items.filter((x) => !enforced(x.id))) {
            // A concrete check names a command, a place or a number, not only "verify it".
            assert.ok(c.manual!.length >= 60, `${c.id}: "${c.manual}" is too short to say how`);
            assert.doesNotMatch(c.manual!, /no policy checks this/i);
        }
    });

    it("cites each item's runbook by its title and section, never by its file name", () => {
        const titles = Object.values(runbooks).map((r) => r.title);
        for (const c of checklist) {
            assert.ok(titles.some((t) => c.source.startsWith(`${t} § `)), `${c.id}: source "${c.source}" does not start with a runbook title`);
            assert.doesNotMatch(c.source, /\d{3}_[0-9a-f]{16}\.txt/, c.id);
            assert.equal(c.source.startsWith(`${runbooks[c.id.slice(0, 3) as keyof typeof runbooks].title} § `), true, `${c.id} cites another runbook than its id says`);
        }
    });

    itRunbooks("uses each runbook's own title, its first heading", () => {
        for (const [n, r] of Object.entries(runbooks)) {
            const heading = fs.readFileSync(path.join(runbooksDir, r.file), "utf8").split("\n").find((l) => l.startsWith("# "))!;
            // 002's heading starts with an emoji (stored mis-encoded); the title is the words.
            assert.equal(heading.slice(2).replace(/^[^A-Za-z0-9]+/, ""), r.title, `runbook ${n}`);
        }
    });
});
