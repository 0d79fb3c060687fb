import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { Findings } from "../../tools/report/findings";
import { cli, productionVariant, readJson, tmpDir, type CliResult } from "./cli";

interface ExportShape {
    version: number;
    deployment: { manifest: { time: string }; resources: Array<{ urn: string; type: string; custom: boolean; parent: string; provider: string; inputs: Record<string, unknown>; dependencies: string[]; propertyDependencies: Record<string, string[]> }> };
}

describe("npm run plan (end to end, policy pack over gRPC)", function () {
    this.timeout(120_000);
    const out = tmpDir("plan");
    const files = { json: path.join(out, "production.json"), export: path.join(out, "production-export.json"), manifests: path.join(out, "manifests"), markdown: path.join(out, "production.md") };
    let production: CliResult;
    const dbUrl = "postgres://reporting:do-not-leak-4711@10.20.0.5:5432/teei";
    const dbUrlFile = path.join(out, "db-url");

    before(() => {
        fs.writeFileSync(dbUrlFile, `${dbUrl}\n`);
        production = cli("plan", ["--stack", "production", "--json", files.json, "--export", files.export, "--manifests", files.manifests, "--markdown", files.markdown, "--secret", "slackToken=xoxb-test-value", "--secret", `reportingApiDatabaseUrl=@${dbUrlFile}`]);
    });

    it("plans production offline and passes its gate with exit 0", () => {
        assert.equal(production.code, 0, production.stderr + production.stdout);
        assert.match(production.stdout, /^GO for production: no mandatory violations; /m);
        const f = readJson<Findings>(files.json);
        assert.equal(f.stack, "production");
        assert.equal(f.ok, true);
        assert.deepEqual(f.violations.filter((v) => v.enforcementLevel === "mandatory"), []);
        assert.deepEqual(f.notEvaluated, []);
        assert.ok(f.checklist.some((c) => c.id === "004.infra.autoscaling" && c.status === "PASS"));
        assert.ok(f.checklist.every((c) => ["PASS", "WARN", "FAIL", "PENDING"].includes(c.status)));
    });

    it("prints resource counts, the checklist and the secrets it planned as unknown", () => {
        assert.match(production.stdout, /^Resources \(\d+\)$/m);
        assert.match(production.stdout, /^\s+4\s+kubernetes:apps\/v1:Deployment$/m);
        assert.match(production.stdout, /3 secret\(s\) not set, planned as unknown; `pulumi up` refuses to run until they are set with `pulumi config set --secret`: openaiApiKey \(services\[1\]\.secretEnv\.OPENAI_API_KEY\), webhookHmacSecret/);
        assert.doesNotMatch(production.stdout, /slackToken \(|reportingApiDatabaseUrl \(/);
        assert.match(production.stdout, /^Checklist \(\d+ items: /m);
        assert.match(fs.readFileSync(files.markdown, "utf8"), /^# golive plan — stack production\n\n\*\*GO for production/);
    });

    it("writes the plan in the shape of pulumi stack export, without secret values", () => {
        const e = readJson<ExportShape>(files.export);
        assert.equal(e.version, 3);
        const types = e.deployment.resources.map((r) => r.type);
        assert.equal(types[0], "pulumi:pulumi:Stack");
        assert.ok(types.includes("pulumi:providers:kubernetes"));
        const deployment = e.deployment.resources.find((r) => r.type === "kubernetes:apps/v1:Deployment")!;
        assert.match(deployment.urn, /^urn:pulumi:production::golive::.*kubernetes:apps\/v1:Deployment::/);
        assert.ok(deployment.parent.startsWith("urn:pulumi:production::golive::"));
        assert.match(deployment.provider, /^urn:pulumi:production::golive::pulumi:providers:kubernetes::gke::/);
        const text = fs.readFileSync(files.export, "utf8");
        assert.ok(!text.includes("do-not-leak-4711") && !text.includes("xoxb-test-value"));
        const secret = e.deployment.resources.find((r) => r.type === "kubernetes:core/v1:Secret" && r.urn.endsWith("reporting-api-secrets"))!;
        // A secret of unknown value, as during preview: readable by the Pulumi CLI without a secrets provider.
        assert.deepEqual(secret.inputs["stringData"], { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: JSON.stringify(unknownValue) });
    });

    it("writes every Kubernetes object as YAML, one file per object", () => {
        const written = fs.readdirSync(files.manifests);
        assert.ok(written.includes("deployment-teei-reporting-api.yaml"), written.join(", "));
        assert.ok(written.length >= 4 * 6, `only ${written.length} manifests`);
        assert.deepEqual(written.filter((f) => f.startsWith("secret-")), [], "Secrets are validated, never written");
        assert.ok(!written.some((f) => fs.readFileSync(path.join(files.manifests, f), "utf8").includes("do-not-leak-4711")));
        assert.match(production.stderr, /Kubernetes manifests validated and written to .* \(3 Secrets validated, not written\)/);
    });

    it("gives the same findings when analyze reads the export back", () => {
        const json = path.join(out, "analyze.json");
        const r = cli("analyze", ["--file", files.export, "--stack", "production", "--json", json]);
        assert.equal(r.code, 0, r.stderr + r.stdout);
        const planned = readJson<Findings>(files.json);
        const analyzed = readJson<Findings>(json);
        assert.deepEqual(analyzed.violations, planned.violations);
        assert.deepEqual(analyzed.checklist.map((c) => [c.id, c.status]), planned.checklist.map((c) => [c.id, c.status]));
    });

    it("refuses to pass a mandatory check whose value is unknown, end to end", () => {
        const e = readJson<ExportShape>(files.export);
        const api = e.deployment.resources.find((r) => r.type === "kubernetes:apps/v1:Deployment" && r.urn.endsWith("::reporting-api-deployment"))!;
        const containers = (api.inputs as { spec: { template: { spec: { containers: Array<{ image: string }> } } } }).spec.template.spec.containers;
        containers[0]!.image = unknownValue;
        const file = path.join(out, "unknown-image-export.json");
        fs.writeFileSync(file, JSON.stringify(e));
        const json = path.join(out, "unknown.json");
        const r = cli("analyze", ["--file", file, "--stack", "production", "--json", json]);
        assert.equal(r.code, 1, r.stderr + r.stdout);
        assert.match(r.stdout, /^NO-GO for production: 1 mandatory check not evaluable in preview\.$/m);
        const f = readJson<Findings>(json);
        assert.deepEqual(f.violations, []);
        assert.deepEqual(f.notEvaluated.map((n) => [n.policy, n.enforcementLevel, n.urn]), [["workloads-container-disallow-unpinned-image", "mandatory", api.urn]]);
        assert.equal(f.checklist.find((c) => c.id === "004.services.target-versions")?.status, "PENDING");
    });

    it("plans staging with exit 0", () => {
        const r = cli("plan", ["--stack", "staging"]);
        assert.equal(r.code, 0, r.stderr + r.stdout);
        assert.match(r.stdout, /^GO for staging/m);
    });

    it("refuses a production stack that breaks a launch rule with exit 1, and only warns for staging", () => {
        const file = productionVariant("replicas: { min: 2, max: 10 }\n      resources:\n        requests: { cpu: 500m", "replicas: { min: 1, max: 10 }\n      resources:\n        requests: { cpu: 500m");
        const prod = cli("plan", ["--stack", "production", "--stack-file", file, "--json", path.join(out, "bad.json")]);
        assert.equal(prod.code, 1, prod.stderr + prod.stdout);
        assert.match(prod.stdout, /^NO-GO for production: \d+ mandatory violations?\.$/m);
        const f = readJson<Findings>(path.join(out, "bad.json"));
        assert.equal(f.ok, false);
        assert.ok(f.violations.some((v) => v.policy === "workloads-hpa-configure-replicas" && v.enforcementLevel === "mandatory" && v.urn?.includes("q2q-pipeline")), JSON.stringify(f.violations, null, 1));
        assert.ok(f.checklist.some((c) => c.id === "004.infra.autoscaling" && c.status === "FAIL"));

        const staging = cli("plan", ["--stack", "staging", "--stack-file", file]);
        assert.equal(staging.code, 0, staging.stderr + staging.stdout);
        assert.match(staging.stdout, /advisory\s+workloads-hpa-configure-replicas/);
    });
});

describe("npm run plan on bad input (exit 2, one line per problem, no stack trace)", function () {
    this.timeout(60_000);

    function assertBadInput(r: CliResult, lines: string[]) {
        assert.equal(r.code, 2, r.stderr + r.stdout);
        assert.deepEqual(r.stderr.trim().split("\n").filter((l) => !l.startsWith("> ")), lines.map((l) => `error: ${l}`));
        assert.doesNotMatch(r.stderr, /\n\s+at /);
    }

    it("names a typo'd key", () => {
        const file = productionVariant("golive:services:", "golive:servicez:");
        const r = cli("plan", ["--stack", "production", "--stack-file", file]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /golive:servicez: unknown key \(did you mean services\?\)/);
        assert.doesNotMatch(r.stderr, /\n\s+at /);
    });

    it("names an image tagged latest", () => {
        const file = productionVariant("ghcr.io/teei/export-service:v2.1.0", "ghcr.io/teei/export-service:latest");
        const r = cli("plan", ["--stack", "production", "--stack-file", file]);
        assertBadInput(r, [`${file}: golive:services[3].image: tag "latest" is not allowed; pin a version or digest (got "ghcr.io/teei/export-service:latest")`]);
    });

    it("refuses a stack name that is not one", () => {
        assertBadInput(cli("plan", ["--stack", "../package"]), ['--stack "../package": stack names are letters, digits, \'-\', \'_\' and \'.\'']);
    });

    it("validates encrypted keys too, though it cannot read them", () => {
        const file = productionVariant("  golive:alerting:", "  golive:reportingApiDatabaseURL:\n    secure: v1:AAAA\n  golive:alerting:");
        const r = cli("plan", ["--stack", "production", "--stack-file", file]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /golive:reportingApiDatabaseURL: unknown key/);
    });

    it("refuses a stack file that is not a mapping, in one line", () => {
        const file = path.join(tmpDir("stack"), "Pulumi.production.yaml");
        fs.writeFileSync(file, "- golive:environment\n");
        assertBadInput(cli("plan", ["--stack", "production", "--stack-file", file]), [`${file}: expected a mapping with a config: key, as \`pulumi config set\` writes it`]);
    });

    it("refuses a stack with no stack file", () => {
        assertBadInput(cli("plan", ["--stack", "prod"]), ['policies/config/prod.json: no policy config for stack "prod"; expected one of production, staging']);
    });

    it("refuses a missing --stack and an unknown option", () => {
        assert.equal(cli("plan", []).code, 2);
        const r = cli("plan", ["--stack", "production", "--dry"]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /^error: Unknown option '--dry'/m);
    });

    it("refuses a --secret without a value", () => {
        assertBadInput(cli("plan", ["--stack", "production", "--secret", "slackToken"]), ['--secret "slackToken": expected <key>=<value> or <key>=@<file>, e.g. --secret slackToken=@/run/secrets/slack']);
        assertBadInput(cli("plan", ["--stack", "production", "--secret", "slackToken="]), ['--secret "slackToken=": expected <key>=<value> or <key>=@<file>, e.g. --secret slackToken=@/run/secrets/slack']);
    });
});
