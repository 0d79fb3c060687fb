import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { readExport } from "../../tools/export/read";
import { InputError } from "../../tools/cli/errors";
import { corpusPath, itCorpus } from "../corpus";

const fixture = (f: string) => path.resolve(__dirname, "..", "fixtures", "stack-exports", f);

describe("reading stack exports", () => {
    describe("golive's own fixtures, one per shape", () => {
        const shapes: Array<[string, number, string, number]> = [
            ["aws-only-v3.json", 5, "stack export v3", 2],
            ["kubernetes-v3.json", 3, "stack export v3", 1],
            ["checkpoint-v4.json", 2, "checkpoint v4", 0],
        ];
        for (const [file, count, format, encrypted] of shapes) {
            it(`reads ${file} as a ${format} of ${count} resources with ${encrypted} unreadable secrets`, () => {
                const r = readExport(fixture(file));
                assert.deepEqual([r.resources.length, r.format, r.stats.encryptedSecrets], [count, format, encrypted]);
            });
        }

        it("turns an encrypted secret into an unknown value instead of a placeholder a policy could judge", () => {
            const r = readExport(fixture("aws-only-v3.json"));
            const parameter = r.resources.find((x) => x.type === "aws:ssm/parameter:Parameter");
            assert.equal(parameter?.inputs["value"], unknownValue);
            assert.ok(!JSON.stringify(r.resources).includes("ciphertext"));
        });

        it("turns resource references into ids, as the engine sends them to analyzers", () => {
            const r = readExport(fixture("aws-only-v3.json"));
            assert.equal(r.stats.resourceReferences, 1);
            assert.equal(r.resources.find((x) => x.type === "aws:s3/bucketPolicy:BucketPolicy")?.inputs["bucket"], "assets-7f3e");
        });

        it("refuses a version 1 checkpoint with one line that says what to do", () => {
            const file = fixture("checkpoint-v1.json");
            assert.throws(() => readExport(file), {
                message: `${file}: checkpoint version 1 predates the v3 deployment format (resources use the legacy "defaults" key); export the stack with a current CLI: pulumi stack export --file <file>`,
            });
        });
    });

    describe("real exports written by others (../shared/corpus)", () => {
        const readable: Array<[string, number, string, number, number]> = [
            ["Coldboltage__jobsbolt-pulumi.json", 26, "stack export v3", 13, 0],
            ["KazamaMana__boto-pulumi-eb.json", 10, "stack export v3", 1, 0],
            ["MitchellGerdisch__pulumi-auto_api-stack_factory.json", 25, "stack export v3", 6, 0],
            ["pulumi__pulumi-cloudflare__record-5.49.0.json", 5, "stack export v3", 0, 0],
            ["pulumi__pulumi-cloudflare__ruleset-state-v5.json", 3, "stack export v3", 0, 0],
            ["pulumi__pulumi-cloudflare__ruleset-state-v6.json", 3, "stack export v3", 0, 0],
            ["pulumi__pulumi-cloudflare__ruleset_v5-5.49.0.json", 3, "stack export v3", 0, 0],
            ["pulumi__pulumi-eks__oidc-iam-sa-3.0.0.json", 41, "stack export v3", 0, 42],
            ["pulumi__pulumi-gcp__cluster-7.2.1.json", 5, "stack export v3", 1, 0],
            ["pulumi__pulumi-gcp__logsink-7.0.0.json", 6, "stack export v3", 2, 0],
            ["pulumi__pulumi-gcp__monitoring-alertpolicy-1-6.67.0.json", 3, "stack export v3", 0, 0],
            ["pulumi__pulumi-gcp__storage-bucket-6.67.0.json", 3, "stack export v3", 0, 0],
            ["pulumi__pulumi__checkpoint-v4.json", 30, "checkpoint v4", 0, 0],
        ];
        const refused = ["pulumi__pulumi__checkpoint-v1.json"];

        itCorpus("has an expectation for every export in the folder, so a new file cannot go unread", () => {
            assert.deepEqual(fs.readdirSync(corpusPath("stack-exports")).sort(), [...readable.map(([f]) => f), ...refused].sort());
        });
        for (const [file, count, format, encrypted, references] of readable) {
            itCorpus(`reads ${file} as a ${format} of ${count} resources, ${encrypted} unreadable secrets, ${references} resource references`, () => {
                const r = readExport(corpusPath("stack-exports", file));
                assert.deepEqual(
                    [r.resources.length, r.format, r.stats.encryptedSecrets, r.stats.resourceReferences],
                    [count, format, encrypted, references],
                );
            });
        }
        for (const file of refused) {
            itCorpus(`refuses ${file} with one line naming it`, () => {
                assert.throws(() => readExport(corpusPath("stack-exports", file)), (e: unknown) => {
                    assert.ok(e instanceof InputError);
                    assert.ok(e.message.startsWith(`${corpusPath("stack-exports", file)}: `) && !e.message.includes("\n"), e.message);
                    return true;
                });
            });
        }
    });

    it("refuses a file that is not JSON with one line naming the file and the expected format", () => {
        const notJson = path.resolve(__dirname, "..", "..", "Pulumi.yaml");
        assert.throws(() => readExport(notJson), (e: unknown) => e instanceof InputError && e.message.startsWith(`${notJson}: not valid JSON (`) && !e.message.includes("\n"));
    });

    it("refuses a missing file with one line", () => {
        assert.throws(() => readExport("/nonexistent/stack.json"), { message: "/nonexistent/stack.json: cannot read: ENOENT" });
    });
});
