import { strict as assert } from "node:assert";
import * as path from "node:path";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { readExport } from "../../tools/analyze/read-export";
import { InputError } from "../../tools/cli/errors";

const corpus = path.resolve(__dirname, "..", "corpus", "stack-exports");
const at = (f: string) => path.join(corpus, f);

describe("reading stack exports written by others", () => {
    const readable: Array<[string, number, string, number]> = [
        ["Coldboltage__jobsbolt-pulumi.json", 26, "stack export v3", 13],
        ["KazamaMana__boto-pulumi-eb.json", 10, "stack export v3", 1],
        ["MitchellGerdisch__pulumi-auto_api-stack_factory.json", 25, "stack export v3", 6],
        ["pulumi__pulumi-cloudflare__ruleset_v5-5.49.0.json", 3, "stack export v3", 0],
        ["pulumi__pulumi-eks__oidc-iam-sa-3.0.0.json", 41, "stack export v3", 0],
        ["pulumi__pulumi-gcp__cluster-7.2.1.json", 5, "stack export v3", 1],
        ["pulumi__pulumi__checkpoint-v4.json", 30, "checkpoint v4", 0],
    ];
    for (const [file, count, format, encrypted] of readable) {
        it(`reads ${file} as a ${format} of ${count} resources with ${encrypted} unreadable secrets`, () => {
            const r = readExport(at(file));
            assert.equal(r.resources.length, count);
            assert.equal(r.format, format);
            assert.equal(r.stats.encryptedSecrets, encrypted);
        });
    }

    it("turns an encrypted secret into an unknown value instead of a placeholder a policy could judge", () => {
        const r = readExport(at("pulumi__pulumi-gcp__cluster-7.2.1.json"));
        const text = JSON.stringify(r.resources.map((x) => [x.inputs, x.outputs]));
        assert.ok(text.includes(unknownValue));
        assert.ok(!text.includes("ciphertext"));
    });

    it("turns resource references into ids, as the engine sends them to analyzers", () => {
        const r = readExport(at("pulumi__pulumi-eks__oidc-iam-sa-3.0.0.json"));
        assert.ok(r.stats.resourceReferences > 0);
        assert.ok(!JSON.stringify(r.resources).includes("5cf8f73096256a8f31e491e813e4eb8e"));
    });

    it("refuses a version 1 checkpoint with one line that says what to do", () => {
        assert.throws(() => readExport(at("pulumi__pulumi__checkpoint-v1.json")), (e: unknown) => {
            assert.ok(e instanceof InputError);
            assert.equal(e.message, `${at("pulumi__pulumi__checkpoint-v1.json")}: checkpoint version 1 predates the v3 deployment format (resources use the legacy "defaults" key); export the stack with a current CLI: pulumi stack export --file <file>`);
            return true;
        });
    });

    it("refuses a file that is not JSON with one line naming the file and the expected format", () => {
        const notJson = path.resolve(__dirname, "..", "..", "Pulumi.yaml");
        assert.throws(() => readExport(notJson), (e: unknown) => e instanceof InputError && e.message.startsWith(`${notJson}: not valid JSON (`) && !e.message.includes("\n"));
    });

    it("refuses a missing file with one line", () => {
        assert.throws(() => readExport("/nonexistent/stack.json"), { message: "/nonexistent/stack.json: cannot read: ENOENT" });
    });
});
