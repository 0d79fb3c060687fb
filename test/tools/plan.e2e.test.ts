import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { parseJsonWithComments } from "../../policies/firestore/json-with-comments";
import { generatedHeader } from "../../tools/manifests";
import type { Findings } from "../../tools/report/findings";
import type { FindingsFile } from "../../tools/report/findings-file";
import { cli, productionVariant, projectDir, readJson, stagingVariant, tmpDir, type CliResult } from "./cli";

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

    /** A file an earlier plan (of a canary since promoted) left in the manifests folder. */
    const stale = path.join(files.manifests, "deployment-teei-export-service-canary.yaml");

    before(() => {
        fs.writeFileSync(dbUrlFile, `${dbUrl}\n`);
        fs.mkdirSync(files.manifests);
        fs.writeFileSync(stale, `${generatedHeader}\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: export-service-canary, namespace: teei}\n`);
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

    it("starts the report with what ships and puts every note, with the secrets planned as unknown, in the findings file", () => {
        assert.match(production.stdout, /^golive plan — stack production\n\nWhat ships \(4 services\)\n {2}SERVICE +VERSION +REPLICAS +CANARY +ROLLBACK TO\n {2}reporting-api +v2\.5\.0 +2\.\.10 +none +v2\.4\.9\n/);
        const f = readJson<FindingsFile>(files.json);
        assert.deepEqual(f.unsetSecrets.map((s) => [s.key, s.state]), [["openaiApiKey", "unset"], ["webhookHmacSecret", "unset"], ["pagerdutyIntegrationKey", "unset"]]);
        for (const note of f.notes) assert.ok(production.stdout.includes(`  - ${note}\n`), note);
        assert.ok(f.notes.some((n) => n.startsWith("3 secret(s) not set, planned as unknown")));
        assert.deepEqual(f.ships?.map((s) => [s.service, s.version, s.rollbackTo]), [["reporting-api", "v2.5.0", "v2.4.9"], ["q2q-pipeline", "v1.8.2", "v1.8.1"], ["notification-service", "v1.3.1", "v1.3.0"], ["export-service", "v2.1.0", "v2.0.3"]]);
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
        assert.deepEqual(secret.inputs["stringData"], { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "redacted-by-golive-plan" });
    });

    it("writes every Kubernetes object as YAML, one file per object, and removes the files of an earlier plan", () => {
        const written = fs.readdirSync(files.manifests);
        assert.equal(fs.existsSync(stale), false, "the earlier plan's canary file would still be applied by kubectl apply -f");
        assert.match(production.stderr, /; 1 file\(s\) of an earlier plan removed/);
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

    it("plans the Firestore database protected, its backups and indexes, and reports every query of the manifest served", () => {
        const e = readJson<{ deployment: { resources: Array<{ urn: string; type: string; protect: boolean; outputs: Record<string, unknown> }> } }>(files.export);
        const count = (type: string) => e.deployment.resources.filter((r) => r.type === type).length;
        assert.deepEqual(
            ["gcp:firestore/database:Database", "gcp:firestore/backupSchedule:BackupSchedule", "gcp:firestore/index:Index", "gcp:firestore/field:Field"].map(count),
            [1, 2, 10, 3],
        );
        const db = e.deployment.resources.find((r) => r.type === "gcp:firestore/database:Database")!;
        assert.equal(db.protect, true);
        // In production the data-holding resources are protected: the database (its children are not) and the edge's reserved address.
        assert.deepEqual(e.deployment.resources.filter((r) => r.protect).map((r) => r.urn).sort(), [db.urn, "urn:pulumi:production::golive::golive:edge:Edge$gcp:compute/globalAddress:GlobalAddress::edge-address"].sort());
        const component = e.deployment.resources.find((r) => r.type === "golive:firestore:Firestore")!;
        assert.equal((component.outputs["queries"] as unknown[]).length, 16);
        assert.match(production.stdout, /Firestore indexes: all 16 queries of firestore\/queries\.yaml are served on database "\(default\)"/);
        const f = readJson<Findings>(files.json);
        for (const id of ["000.firestore.indexes", "000.firestore.backups", "004.infra.backups", "003.pipeline.backup-before-deploy"]) {
            assert.equal(f.checklist.find((c) => c.id === id)?.status, "PASS", id);
        }
    });

    it("refuses a production stack whose indexes file lost the index a query needs, naming the query", () => {
        const dir = tmpDir("indexes");
        const text = fs.readFileSync(path.join(projectDir, "firestore", "firestore.indexes.json"), "utf8");
        const parsed = parseJsonWithComments(text).value as { indexes: Array<{ fields: Array<{ fieldPath: string }> }> };
        // The collection-group index (userId, respondedAt) that the query my-rsvps needs.
        parsed.indexes = parsed.indexes.filter((i) => i.fields[0]!.fieldPath !== "userId");
        const indexes = path.join(dir, "firestore.indexes.json");
        fs.writeFileSync(indexes, JSON.stringify(parsed, null, 2));
        const file = productionVariant("indexesFile: firestore/firestore.indexes.json", `indexesFile: ${indexes}`);
        const json = path.join(dir, "findings.json");
        const r = cli("plan", ["--stack", "production", "--stack-file", file, "--json", json]);
        assert.equal(r.code, 1, r.stderr + r.stdout);
        assert.match(r.stdout, /Firestore indexes: 1 of 16 queries of firestore\/queries\.yaml have no index on database "\(default\)": my-rsvps /);
        const f = readJson<Findings>(json);
        assert.deepEqual(f.violations.map((v) => [v.policy, v.enforcementLevel]), [["firestore-query-missing-index", "mandatory"]]);
        assert.match(f.violations[0]!.message, /^Firestore query "my-rsvps" \(firestore\/queries\.yaml\) on Firestore database "\(default\)": no index serves it: needs \(userId ASC, respondedAt DESC\) on "rsvps" in COLLECTION_GROUP scope/);
        assert.equal(f.checklist.find((c) => c.id === "000.firestore.indexes")?.status, "FAIL");
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
        assert.match(r.stdout, /^NO-GO for production: 3 mandatory checks not evaluable in preview\.$/m);
        const f = readJson<Findings>(json);
        assert.deepEqual(f.violations, []);
        // Every check that reads the image: is it pinned, is it set at all, is the rollback version older.
        assert.deepEqual(f.notEvaluated.map((n) => [n.policy, n.enforcementLevel, n.urn]).sort(), [
            ["workloads-container-disallow-unpinned-image", "mandatory", api.urn],
            ["workloads-deployment-require-rollback-version", "mandatory", api.urn],
            ["workloads-object-enforce-api-validation", "mandatory", api.urn],
        ]);
        assert.equal(f.checklist.find((c) => c.id === "004.services.target-versions")?.status, "PENDING");
    });

    it("plans staging with exit 0", () => {
        const r = cli("plan", ["--stack", "staging"]);
        assert.equal(r.code, 0, r.stderr + r.stdout);
        assert.match(r.stdout, /^GO for staging/m);
    });

    it("refuses a production launch whose rollback versions are no choice (exit 1): equal, newer or missing", () => {
        const file = productionVariant(
            "      reporting-api: v2.4.9\n      q2q-pipeline: v1.8.1\n      notification-service: v1.3.0\n",
            "      reporting-api: v2.5.0\n      q2q-pipeline: v1.9.0\n",
        );
        const json = path.join(out, "rollback.json");
        const r = cli("plan", ["--stack", "production", "--stack-file", file, "--json", json]);
        assert.equal(r.code, 1, r.stderr + r.stdout);
        assert.match(r.stdout, /^NO-GO for production: 3 mandatory violations\.$/m);
        const f = readJson<Findings>(json);
        const fix = (service: string, version: string) => `Set \`${service}: <previous version>\` under golive:launch.rollbackTo in the stack file (the release running before this launch, older than ${version}).`;
        assert.deepEqual(f.violations.map((v) => [v.policy, v.enforcementLevel, v.message]).sort(), [
            ["workloads-deployment-require-rollback-version", "mandatory", `Deployment teei/reporting-api launches v2.5.0 at phase launch-eve, but the rollback version "v2.5.0" is the version being launched, so a rollback would change nothing. ${fix("reporting-api", "v2.5.0")}`],
            ["workloads-deployment-require-rollback-version", "mandatory", `Deployment teei/q2q-pipeline launches v1.8.2 at phase launch-eve, but the rollback version "v1.9.0" is newer than v1.8.2, so rolling back would move forward instead. ${fix("q2q-pipeline", "v1.8.2")}`],
            ["workloads-deployment-require-rollback-version", "mandatory", `Deployment teei/notification-service launches v1.3.1 at phase launch-eve, but no rollback version is declared. ${fix("notification-service", "v1.3.1")}`],
        ].sort());
        assert.equal(f.checklist.find((c) => c.id === "004.rollback.plan")?.status, "FAIL");
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

        const staging = cli("plan", ["--stack", "staging", "--stack-file", stagingVariant("replicas: { min: 2, max: 3 }\n      resources:\n        requests: { cpu: 100m, memory: 256Mi }", "replicas: { min: 1, max: 3 }\n      resources:\n        requests: { cpu: 100m, memory: 256Mi }")]);
        assert.equal(staging.code, 0, staging.stderr + staging.stdout);
        assert.match(staging.stdout, /advisory\s+workloads-hpa-configure-replicas/);
    });
});

// The other refusals are tested in-process (commands.test.ts); this one proves the real entry point.
describe("npm run plan on bad input (exit 2, one line per problem, no stack trace)", function () {
    this.timeout(60_000);

    function assertBadInput(r: CliResult, lines: string[]) {
        assert.equal(r.code, 2, r.stderr + r.stdout);
        assert.deepEqual(r.stderr.trim().split("\n").filter((l) => !l.startsWith("> ")), lines.map((l) => `error: ${l}`));
        assert.doesNotMatch(r.stderr, /\n\s+at /);
    }

    it("names an image tagged latest", () => {
        const file = productionVariant("ghcr.io/teei/export-service:v2.1.0", "ghcr.io/teei/export-service:latest");
        const r = cli("plan", ["--stack", "production", "--stack-file", file]);
        assertBadInput(r, [`${file}: golive:services[3].image: tag "latest" is not allowed; pin a version or digest (got "ghcr.io/teei/export-service:latest")`]);
    });

    it("refuses requests above limits before planning, naming the service's key in the stack file", () => {
        const file = productionVariant("requests: { cpu: 250m, memory: 256Mi }\n        limits: { cpu: \"1\", memory: 512Mi }\n      env:", "requests: { cpu: \"2\", memory: 1Gi }\n        limits: { cpu: \"1\", memory: 512Mi }\n      env:");
        assertBadInput(cli("plan", ["--stack", "production", "--stack-file", file]), [
            `${file}: golive:services[0].resources: requests.cpu "2" exceeds limits.cpu "1"; lower the request or raise the limit (the API server refuses a request above its limit)`,
            `${file}: golive:services[0].resources: requests.memory "1Gi" exceeds limits.memory "512Mi"; lower the request or raise the limit (the API server refuses a request above its limit)`,
        ]);
    });

    it("refuses the staging config for the production stack in one line, and the production config for staging", () => {
        assertBadInput(cli("plan", ["--stack", "production", "--stack-file", "Pulumi.staging.yaml"]), [
            `Pulumi.staging.yaml: golive:environment: is "staging" but stack "production" deploys production (stacks production and production-* are production, every other stack is staging); use the stack's own Pulumi.production.yaml, or set golive:environment: production and meet its rules`,
        ]);
        assertBadInput(cli("plan", ["--stack", "staging", "--stack-file", "Pulumi.production.yaml"]), [
            `Pulumi.production.yaml: golive:environment: is "production" but stack "staging" deploys staging (stacks production and production-* are production, every other stack is staging); use the stack's own Pulumi.staging.yaml, or set golive:environment: staging and meet its rules`,
        ]);
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
