import { strict as assert } from "node:assert";
import * as path from "node:path";
import { ESLint } from "eslint";

const projectDir = path.resolve(__dirname, "..", "..");
/** A one-file TypeScript project: the rules get their types without a program of the whole repository. */
const sample = path.join(__dirname, "sample", "output-url.ts");

describe("the lint setup", function () {
    this.timeout(60_000);

    it("catches an Output interpolated into a plain template string (a resource input that reads \"Calling [toString] on an Output<T>\")", async () => {
        // The repository's ESLint config, its rules and plugins, with types from the one-file project.
        // With CI=true typescript-eslint assumes a single CLI run and types the file as it is on
        // disk, not the text linted here: this test lints text, as an editor does.
        const eslint = new ESLint({
            cwd: projectDir,
            overrideConfig: {
                languageOptions: {
                    parserOptions: {
                        projectService: false,
                        project: path.join(__dirname, "sample", "tsconfig.json"),
                        disallowAutomaticSingleRunInference: true,
                    },
                },
            },
        });
        const code = [
            'import * as pulumi from "@pulumi/pulumi";',
            'const host = pulumi.output("api.teei.example.com");',
            "export const url = `https://${host}/health`;",
            "",
        ].join("\n");
        const [result] = await eslint.lintText(code, { filePath: sample });
        const rules = (result?.messages ?? []).map((m) => m.ruleId);
        assert.ok(rules.includes("@pulumi/no-output-in-template-literal"), JSON.stringify(result?.messages));
    });
});
