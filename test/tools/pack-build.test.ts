import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { builtPack } from "../../tools/analyzer/pack-build";
import { tmpDir } from "./cli";

/**
 * A pack of two modules in a fresh folder; its tsconfig.json (which the build honours, as
 * run-policy-pack does) keeps the standard library small so it compiles in a moment.
 */
function tinyPack(index: string): string {
    const dir = tmpDir("pack");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "tiny", version: "1.2.3", main: "index.ts" }));
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { lib: ["es5"], types: [] } }));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(dir, "index.ts"), index);
    fs.mkdirSync(path.join(dir, "lib"));
    fs.writeFileSync(path.join(dir, "lib", "limits.ts"), "export const minReplicas: number = 2;\n");
    return dir;
}

describe("the policy pack compiled once per version of its sources (tools/analyzer/pack-build)", function () {
    this.timeout(60_000);

    it("compiles the pack into .build/<hash>/ once, reuses it while the sources are unchanged and builds anew when one changes", () => {
        const pack = tinyPack('import { minReplicas } from "./lib/limits";\nexport const floor = minReplicas;\n');
        const first = builtPack(pack);
        assert.equal(path.dirname(first), path.join(pack, ".build"));
        assert.match(path.basename(first), /^[0-9a-f]{16}$/);
        // The main module as JavaScript, the other files as they are.
        assert.deepEqual(JSON.parse(fs.readFileSync(path.join(first, "package.json"), "utf8")), { name: "tiny", version: "1.2.3", main: "index.js" });
        assert.equal(fs.readFileSync(path.join(first, "PulumiPolicy.yaml"), "utf8"), "runtime: nodejs\n");
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled pack, loaded as run-policy-pack loads it
        assert.equal((require(path.join(first, "index.js")) as { floor: number }).floor, 2);

        const marker = path.join(first, "reused");
        fs.writeFileSync(marker, "");
        assert.equal(builtPack(pack), first);
        assert.ok(fs.existsSync(marker), "the same build, not a new compile");
        fs.writeFileSync(path.join(pack, "lib", "limits.ts"), "export const minReplicas: number = 3;\n");
        const second = builtPack(pack);
        assert.notEqual(second, first);
        assert.deepEqual(fs.readdirSync(path.join(pack, ".build")).sort(), [path.basename(first), path.basename(second)].sort());
    });

    it("refuses a pack that does not type-check, naming the file, the line and the error, and keeps no build", () => {
        const pack = tinyPack('import { minReplicas } from "./lib/limits";\nexport const floor: string = minReplicas;\n');
        assert.throws(() => builtPack(pack), (e: Error) => {
            assert.equal(e.message, `policy pack ${pack} does not compile (run-policy-pack would refuse to start it):\nindex.ts(2,14): error TS2322: Type 'number' is not assignable to type 'string'.`);
            return true;
        });
        assert.deepEqual(fs.readdirSync(path.join(pack, ".build")), []);
    });
});
