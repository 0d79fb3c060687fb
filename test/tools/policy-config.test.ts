import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Policies } from "@pulumi/policy";
import type * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { policies } from "../../policies/all";
import { resolvePolicyConfig } from "../../tools/analyzer/policy-config";
import { InputError } from "../../tools/cli/errors";

// The pack's GetAnalyzerInfo answer, built by @pulumi/policy's own code.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- internal module without typings
const protoutil = require("@pulumi/policy/protoutil") as {
    makeAnalyzerInfo(name: string, version: string, level: string, args: { policies: Policies }, initialConfig?: unknown): analyzerProto.AnalyzerInfo;
};
const info = protoutil.makeAnalyzerInfo("golive-launch-readiness", "0.1.0", "mandatory", { policies });
const names = policies.map((p) => p.name);

function configFile(content: unknown): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golive-policy-config-"));
    const file = path.join(dir, "stack.json");
    fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
}

function rejects(content: unknown): string {
    const file = configFile(content);
    try {
        resolvePolicyConfig(file, info);
    } catch (e) {
        assert.ok(e instanceof InputError);
        return e.message.replaceAll(file, "<file>");
    }
    assert.fail("expected the config to be refused");
}

describe("policy pack config (--policy-pack-config)", () => {
    it("makes every policy mandatory in production and advisory in staging", () => {
        const projectDir = path.resolve(__dirname, "..", "..");
        const prod = resolvePolicyConfig(path.join(projectDir, "policies/config/production.json"), info);
        const staging = resolvePolicyConfig(path.join(projectDir, "policies/config/staging.json"), info);
        assert.ok(names.every((n) => staging.get(n)?.level === "advisory"));
        const advisoryInProd = names.filter((n) => prod.get(n)?.level !== "mandatory");
        const file = JSON.parse(fs.readFileSync(path.join(projectDir, "policies/config/production.json"), "utf8")) as Record<string, unknown>;
        assert.deepEqual(advisoryInProd, names.filter((n) => file[n] === "advisory" || (file[n] as { enforcementLevel?: string } | undefined)?.enforcementLevel === "advisory"));
    });

    it("lets a policy's own entry override all", () => {
        const name = names[0]!;
        const c = resolvePolicyConfig(configFile({ all: "mandatory", [name]: "advisory" }), info);
        assert.equal(c.get(name)?.level, "advisory");
        assert.equal(c.get(names[1]!)?.level, "mandatory");
    });

    it("falls back to the policy's own level, mandatory, when the file says nothing", () => {
        const c = resolvePolicyConfig(configFile({}), info);
        assert.ok(names.every((n) => c.get(n)?.level === "mandatory"));
    });

    it("refuses a policy name the pack does not have", () => {
        assert.match(rejects({ "workloads-container-disallow-latest": "mandatory" }), /^<file>: workloads-container-disallow-latest: not a policy of golive-launch-readiness; expected one of /);
    });

    it("refuses an unknown enforcement level", () => {
        assert.equal(rejects({ all: "strict" }), `<file>: all: expected one of advisory, mandatory, remediate, disabled, got "strict"`);
    });

    it("refuses a file that is not JSON, naming the expected shape", () => {
        assert.match(rejects("{all: mandatory}"), /^<file>: not valid JSON: .*; expected \{"all": "advisory"\|"mandatory", "<policy>": \{"enforcementLevel": \.\.\.\}\}$/);
    });
});
