/**
 * `npm run bench`: never timed here (timings belong to the bench, not to tests). The bench
 * itself runs at 1x with one repetition, so it cannot silently break again, and its --json
 * file is held to the contract other tools read (DESIGN.md). Its plan and bare runs are
 * subprocesses by nature: Pulumi's mocks are global per process.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { parseStackConfig } from "../../config";
import { judgedLine, policyCost } from "../../tools/analyzer/evaluate";
import { main as bench } from "../../tools/bench";
import { sdkModule } from "../../tools/bench/bare";
import { scaledPolicyConfig, scaledStack, stackWithServices, writeScaledStack, writeStackWithServices } from "../../tools/bench/stacks";
import { runProgram } from "../../tools/plan/record";
import { readStackFile } from "../../tools/plan/stack-config";
import { projectDir, readJson, run, tmpDir } from "./cli";

interface Service {
    name: string;
    host?: string;
    calledBy?: string[];
}

const production = () => YAML.parse(fs.readFileSync(path.join(projectDir, "Pulumi.production.yaml"), "utf8")) as { config: Record<string, unknown> };

describe("npm run bench (tools/bench.ts)", function () {
    this.timeout(300_000);
    const out = tmpDir("bench");

    it("at 1x with one run writes exactly the JSON contract, for the production stack's resources", async () => {
        const file = path.join(out, "bench.json");
        const r = await run(bench, ["--scales", "1", "--runs", "1", "--json", file]);
        assert.equal(r.code, 0, r.stderr + r.stdout);
        const json = readJson<{ scales: Array<Record<string, number>>; policyMsPerResource: number }>(file);
        assert.deepEqual(Object.keys(json), ["scales", "policyMsPerResource"]);
        assert.equal(json.scales.length, 1);
        const scale = json.scales[0]!;
        assert.deepEqual(Object.keys(scale), ["services", "resources", "planSeconds", "bareSeconds", "ratio", "peakRssMB"]);
        for (const [key, value] of Object.entries(scale)) assert.ok(typeof value === "number" && value > 0, `${key}: ${value}`);
        assert.ok(json.policyMsPerResource > 0);
        assert.equal(scale["services"], (production().config["golive:services"] as unknown[]).length);
        const stack = readStackFile(projectDir, "production");
        const planned = await runProgram({ projectDir, project: "golive", stack: "production", config: stack.config, secretKeys: [] });
        assert.equal(scale["resources"], planned.resources.length);
        assert.ok(Math.abs(scale["ratio"]! - scale["planSeconds"]! / scale["bareSeconds"]!) < 0.01);
        assert.match(r.stdout, /^\| scale \| services \| resources \| plan s \| bare s \| plan\/bare \|/m);
        assert.match(r.stdout, /^\| 1x \| 4 \| /m);
    });

    it("refuses a scale that is not a whole number from 1, naming the flag and an example", async () => {
        const r = await run(bench, ["--scales", "1,0"]);
        assert.equal(r.code, 2);
        assert.deepEqual(r.stderr.split("\n"), ["error: --scales 1,0: expected whole numbers from 1, comma-separated, e.g. --scales 1,10,100"]);
    });
});

describe("the bench's stacks (tools/bench/stacks.ts)", () => {
    it("keeps production as copy 0 and names each further copy's services, hosts, callers and rollbacks apart", () => {
        const base = production();
        const scaled = scaledStack(base, 3);
        const services = scaled.config["golive:services"] as Service[];
        const original = base.config["golive:services"] as Service[];
        assert.equal(services.length, original.length * 3);
        assert.deepEqual(services.slice(0, original.length), original);
        assert.equal(new Set(services.map((s) => s.name)).size, services.length);
        const hosts = services.flatMap((s) => (s.host ? [s.host] : []));
        assert.equal(new Set(hosts).size, hosts.length);
        const copy2 = services.slice(original.length * 2);
        assert.deepEqual(copy2.map((s) => s.name), original.map((s) => `${s.name}-2`));
        assert.deepEqual(copy2.map((s) => s.calledBy), original.map((s) => s.calledBy?.map((c) => `${c}-2`)));
        const rollbackTo = (scaled.config["golive:launch"] as { rollbackTo: Record<string, string> }).rollbackTo;
        const baseRollback = (base.config["golive:launch"] as { rollbackTo: Record<string, string> }).rollbackTo;
        for (const s of original) assert.equal(rollbackTo[`${s.name}-2`], baseRollback[s.name]);
    });

    it("writes a stack file the config accepts at 10x", () => {
        const dir = tmpDir("bench-stack");
        const { file, services } = writeScaledStack(projectDir, "production", 10, dir);
        assert.equal(services, (production().config["golive:services"] as unknown[]).length * 10);
        const stack = readStackFile(projectDir, "production", file);
        const config = parseStackConfig(stack.config, () => false, stack.file, "production");
        assert.equal(config.services.length, services);
    });

    it("refuses a scale below 1", () => {
        assert.throws(() => scaledStack(production(), 0), /scale 0: expected a whole number of copies, 1 or more/);
    });

    it("at a count of services repeats the copies of scaledStack and cuts the last one short", () => {
        const base = production();
        const original = base.config["golive:services"] as Service[];
        const services = (n: number) => stackWithServices(base, n).config["golive:services"] as Service[];
        assert.deepEqual(services(original.length), original);
        assert.deepEqual(stackWithServices(base, original.length * 3), scaledStack(base, 3));
        const twice = scaledStack(base, 2).config;
        const cut = stackWithServices(base, original.length + 2).config;
        const kept = (cut["golive:services"] as Service[]).map((s) => s.name);
        assert.deepEqual(cut["golive:services"], (twice["golive:services"] as Service[]).slice(0, original.length + 2));
        const rollbackTo = (c: Record<string, unknown>) => (c["golive:launch"] as { rollbackTo: Record<string, string> }).rollbackTo;
        assert.deepEqual(rollbackTo(cut), Object.fromEntries(Object.entries(rollbackTo(twice)).filter(([name]) => kept.includes(name))));
    });

    it("drops from the last copy's callers a service the cut left out (the config refuses a caller naming no service)", () => {
        const doc = { config: { "golive:services": [{ name: "web", calledBy: ["edge"] }, { name: "edge" }] } };
        const services = stackWithServices(doc, 3).config["golive:services"] as Service[];
        assert.deepEqual(services.map((s) => [s.name, s.calledBy]), [["web", ["edge"]], ["edge", undefined], ["web-1", []]]);
    });

    it("writes a stack file of 10 services the config accepts", () => {
        const dir = tmpDir("bench-stack-services");
        const { file, services } = writeStackWithServices(projectDir, "production", 10, dir);
        assert.equal(services, 10);
        const stack = readStackFile(projectDir, "production", file);
        const config = parseStackConfig(stack.config, () => false, stack.file, "production");
        assert.equal(config.services.length, 10);
    });

    it("scales the policy config alike: the peer stack declares the copies of the services it declares, cut where the stack is cut", () => {
        const base = production();
        const config = readJson<Record<string, unknown>>(path.join(projectDir, "policies", "config", "production.json"));
        const peers = (c: Record<string, unknown>) => (c["platform-stack-require-same-services"] as { peerServices: string[] }).peerServices;
        const names = (doc: { config: Record<string, unknown> }) => (doc.config["golive:services"] as Service[]).map((s) => s.name);
        // Staging declares production's services, so the scaled peers are the scaled services, copy by copy.
        assert.deepEqual([...peers(config)].sort(), [...names(base)].sort());
        for (const scaled of [scaledStack(base, 3), stackWithServices(base, 6)]) {
            assert.deepEqual(peers(scaledPolicyConfig(config, base, scaled)), names(scaled));
        }
        const onlyOne = { ...config, "platform-stack-require-same-services": { peerStack: "staging", peerServices: ["q2q-pipeline"] } };
        assert.deepEqual(peers(scaledPolicyConfig(onlyOne, base, scaledStack(base, 3))), ["q2q-pipeline", "q2q-pipeline-1", "q2q-pipeline-2"]);
        assert.deepEqual(scaledPolicyConfig(config, base, scaledStack(base, 3))["all"], config["all"]);
    });

    it("refuses a count of services below 1", () => {
        assert.throws(() => stackWithServices(production(), 0), /services 0: expected a whole number of services, 1 or more/);
    });
});

describe("the bench's bare program (tools/bench/bare.ts)", () => {
    it("finds each type's class in its provider SDK by the generated SDKs' layout", () => {
        assert.deepEqual(sdkModule("gcp:monitoring/alertPolicy:AlertPolicy"), { module: "@pulumi/gcp/monitoring/alertPolicy", exported: "AlertPolicy" });
        assert.deepEqual(sdkModule("cloudflare:index/zoneSetting:ZoneSetting"), { module: "@pulumi/cloudflare/zoneSetting", exported: "ZoneSetting" });
        assert.deepEqual(sdkModule("kubernetes:networking.k8s.io/v1:NetworkPolicy"), { module: "@pulumi/kubernetes/networking/v1/networkPolicy", exported: "NetworkPolicy" });
        assert.deepEqual(sdkModule("kubernetes:core/v1:ConfigMap"), { module: "@pulumi/kubernetes/core/v1/configMap", exported: "ConfigMap" });
        assert.deepEqual(sdkModule("pulumi:providers:kubernetes"), { module: "@pulumi/kubernetes/provider", exported: "Provider" });
    });
});

describe("the policy cost line a plan prints (tools/analyzer/evaluate.ts)", () => {
    it("reads back the figures it says", () => {
        const line = judgedLine(160, 480);
        assert.equal(line, "160 resources judged in 480 ms through the Analyzer service (3.000 ms per resource, the pack's start excluded)");
        assert.deepEqual(policyCost(`· starting\n· ${line}\n`), { resources: 160, analyzeMs: 480 });
        assert.equal(policyCost("· nothing judged"), undefined);
    });
});
