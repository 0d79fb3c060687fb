import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { policies } from "../../policies/all";
import { resolvePolicyConfig } from "../../tools/analyzer/policy-config";
import { InputError } from "../../tools/cli/errors";
import { analyzerInfo, configFile, info } from "./pack-info";

const names = policies.map((p) => p.name);

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

    it("falls back to the policy's own level, mandatory, when the file says nothing or is empty", () => {
        for (const content of [{}, "", "\n"]) {
            const c = resolvePolicyConfig(configFile(content), info);
            assert.ok(names.every((n) => c.get(n)?.level === "mandatory"), JSON.stringify(content));
        }
    });

    it("refuses a policy name the pack does not have", () => {
        assert.match(rejects({ "workloads-container-disallow-latest": "mandatory" }), /^<file>: workloads-container-disallow-latest: not a policy of golive-launch-readiness; expected one of /);
    });

    it("refuses an unknown enforcement level", () => {
        assert.equal(rejects({ all: "strict" }), `<file>: all: expected one of advisory, mandatory, remediate, disabled, got "strict"`);
    });

    it("refuses a file that is not JSON, naming the expected shape", () => {
        assert.match(rejects("{all: mandatory}"), /^<file>: not valid JSON: .*; expected \{"all": "advisory"\|"mandatory", "<policy>": "<level>" or \{"enforcementLevel": "<level>", "<setting>": <value>\}\}$/);
    });

    it("applies each policy's schema defaults, and a value the file sets replaces its default", () => {
        assert.deepEqual(resolvePolicyConfig(configFile({}), info).get("workloads-hpa-configure-replicas")?.properties, { minReplicas: 2 });
        const set = resolvePolicyConfig(configFile({ "workloads-hpa-configure-replicas": { minReplicas: 3 } }), info);
        assert.deepEqual(set.get("workloads-hpa-configure-replicas"), { level: "mandatory", properties: { minReplicas: 3 } });
        // No default, nothing set: nothing sent.
        assert.deepEqual(set.get("workloads-probe-require-health-path")?.properties, {});
    });

    it("refuses a value of the wrong type, naming the policy, the setting, the schema and the fix", () => {
        assert.equal(rejects({ "workloads-hpa-configure-replicas": { minReplicas: "two" } }),
            '<file>: workloads-hpa-configure-replicas.minReplicas: "two" must be integer; the policy\'s configSchema: {"default":2,"minimum":1,"type":"integer"} (remove it to use the default 2)');
    });

    it("refuses a value out of the schema's range or pattern, every problem in one go, in the pack's order", () => {
        assert.deepEqual(rejects({ "workloads-deployment-require-replicas": { minReplicas: 0 }, "workloads-probe-require-health-path": { healthPath: "health" } }).split("\n"), [
            '<file>: workloads-probe-require-health-path.healthPath: "health" must match pattern "^/"; the policy\'s configSchema: {"pattern":"^/","type":"string"}',
            '<file>: workloads-deployment-require-replicas.minReplicas: 0 must be >= 1; the policy\'s configSchema: {"default":2,"minimum":1,"type":"integer"} (remove it to use the default 2)',
        ]);
    });

    it("refuses a setting the policy does not have, listing those it has", () => {
        assert.equal(rejects({ "workloads-hpa-configure-replicas": { minReplica: 3 } }), "<file>: workloads-hpa-configure-replicas.minReplica: not a setting of this policy; expected minReplicas");
    });

    it("names a setting a policy's schema requires when the file leaves it out", () => {
        const strict = analyzerInfo("p", "1.0.0", [
            { name: "edge-zone-configure-ttl", description: "d", enforcementLevel: "mandatory", configSchema: { properties: { ttl: { type: "integer" } }, required: ["ttl"] }, validateResource: () => undefined },
        ]);
        const file = configFile({});
        assert.throws(() => resolvePolicyConfig(file, strict), { message: `${file}: edge-zone-configure-ttl.ttl: is required; the policy's configSchema: {"type":"integer"}; set it under "edge-zone-configure-ttl"` });
        assert.deepEqual(resolvePolicyConfig(configFile({ "edge-zone-configure-ttl": { ttl: 300 } }), strict).get("edge-zone-configure-ttl")?.properties, { ttl: 300 });
    });

    it("takes all as a level or as {enforcementLevel}, as the CLI does, and nothing else under it", () => {
        assert.ok([...resolvePolicyConfig(configFile({ all: { enforcementLevel: "advisory" } }), info).values()].every((c) => c.level === "advisory"));
        assert.equal(rejects({ all: { enforcementLevel: "advisory", minReplicas: 3 } }), '<file>: all: only "enforcementLevel" applies to every policy; put settings under the policy they belong to');
    });

    it("refuses to judge with a pack that declares its own initial config, rather than apply it differently from the CLI", () => {
        const withInitial = analyzerInfo("p", "1.0.0", policies, { "workloads-hpa-configure-replicas": { minReplicas: 3 } });
        const file = configFile({});
        assert.throws(() => resolvePolicyConfig(file, withInitial), { message: `policy pack p declares an initial policy config, which the offline gate does not apply; move it to ${file}` });
    });

    it("refuses the versioned form and ESC environments, which need the Pulumi Cloud", () => {
        assert.match(rejects({ version: 2, policies: {} }), /^<file>: version: versioned policy config and ESC environments are not supported by the offline gate; use the plain form /);
        assert.match(rejects({ environments: ["prod"] }), /^<file>: environments: /);
    });
});
