import { strict as assert } from "node:assert";
import * as path from "node:path";
import { ESLint } from "eslint";

const projectDir = path.resolve(__dirname, "..", "..");

describe("the lint setup", function () {
    this.timeout(60_000);

    it("catches an Output interpolated into a plain template string (a resource input that reads \"Calling [toString] on an Output<T>\")", async () => {
        const eslint = new ESLint({ cwd: projectDir });
        const code = [
            'import * as pulumi from "@pulumi/pulumi";',
            'const host = pulumi.output("api.teei.example.com");',
            "export const url = `https://${host}/health`;",
            "",
        ].join("\n");
        const [result] = await eslint.lintText(code, { filePath: path.join(projectDir, "index.ts") });
        const rules = (result?.messages ?? []).map((m) => m.ruleId);
        assert.ok(rules.includes("@pulumi/no-output-in-template-literal"), JSON.stringify(result?.messages));
    });
});
