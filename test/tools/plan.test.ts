/**
 * `npm run plan` on the shipped stacks, in-process through its `main(argv)`: the program
 * under Pulumi's mocks, the pack over gRPC (the test run's shared pack). The real entry
 * point is proved once in entry-points.e2e.test.ts.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { policies } from "../../policies/all";
import { offlineChecks } from "../../policies/launch";
import { main as analyze } from "../../tools/analyze";
import { parseJsonWithComments } from "../../policies/firestore/json-with-comments";
import { generatedHeader } from "../../tools/manifests";
import { main as plan } from "../../tools/plan";
import type { FindingsFile } from "../../tools/report/findings-file";
import { productionVariant, projectDir, readJson, run, stagingVariant, tmpDir, type Run } from "./cli";

interface ExportShape {
    version: number;
    deployment: { manifest: { time: string }; resources: Array<{ urn: string; type: string; custom: boolean; parent: string; provider: string; inputs: Record<string, unknown>; dependencies: string[]; propertyDependencies: Record<string, string[]> }> };
}

/**
 * The policies that judge nothing in a shipped stack, and why. Every other policy of the
 * pack must judge something there: a policy that silently stops applying (a renamed label
 * key, a kind it no longer matches) passes nothing, it just looks away, and fails here.
 */
const notApplying: Record<"production" | "staging", Record<string, string>> = {
    production: {
        "workloads-canary-require-same-image": "production ships no canary (no canary: block in Pulumi.production.yaml)",
        "workloads-deployment-require-rollback-version": "production ships at launch phase pre-launch (GO at any date); rollback versions are judged from launch-eve on (test/tools/plan.test.ts moves it there)",
        "launch-record-require-go-decision": "the go/no-go record is required in launch-eve and launch only (test/tools/launch-gate.test.ts)",
        "launch-record-require-attestations": "attestations are required in phase launch only (test/tools/launch-gate.test.ts)",
        "edge-certificate-require-remaining-validity": "a plan has no issued certificate yet: the policy judges the expiry in a deployed stack's export (analyze --file)",
    },
    staging: {
        "workloads-deployment-require-rollback-version": "staging is at launch phase pre-launch (Pulumi.staging.yaml); rollback versions are judged from launch-eve on",
        "launch-record-require-go-decision": "staging is at launch phase pre-launch; the go/no-go record is required in launch-eve and launch",
        "launch-record-require-attestations": "staging is at launch phase pre-launch; attestations are required in phase launch",
        "edge-certificate-require-remaining-validity": "a plan has no issued certificate yet: the policy judges the expiry in a deployed stack's export (analyze --file)",
        "platform-resource-disallow-staging-dependency": "staging is the staging stack: policies/config/staging.json lists no stagingIdentifiers, as its own resources name its project and domain",
    },
};

const judged = (f: FindingsFile) => f.policies.filter((p) => p.judged > 0).map((p) => p.name);
const expectedJudged = (stack: keyof typeof notApplying) => policies.map((p) => p.name).filter((n) => !(n in notApplying[stack]));

describe("npm run plan on the shipped stacks (in-process, policy pack over gRPC)", function () {
    this.timeout(120_000);
    const out = tmpDir("plan");
    const files = {
        json: path.join(out, "production.json"),
        export: path.join(out, "production-export.json"),
        manifests: path.join(out, "manifests"),
        markdown: path.join(out, "production.md"),
        staging: path.join(out, "staging.json"),
    };
    let production: Run;
    let staging: Run;
    const dbUrl = "postgres://reporting:do-not-leak-4711@10.20.0.5:5432/teei";
    const dbUrlFile = path.join(out, "db-url");

    /** A file an earlier plan (of a canary since promoted) left in the manifests folder. */
    const stale = path.join(files.manifests, "deployment-teei-export-service-canary.yaml");

    const stackTraceLimit = Error.stackTraceLimit;

    before(async () => {
        fs.writeFileSync(dbUrlFile, `${dbUrl}\n`);
        fs.mkdirSync(files.manifests);
        fs.writeFileSync(stale, `${generatedHeader}\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: export-service-canary, namespace: teei}\n`);
        production = await run(plan, ["--stack", "production", "--json", files.json, "--export", files.export, "--manifests", files.manifests, "--markdown", files.markdown, "--secret", "slackToken=xoxb-test-value", "--secret", `reportingApiDatabaseUrl=@${dbUrlFile}`]);
        staging = await run(plan, ["--stack", "staging", "--json", files.staging]);
    });

    it("plans production offline and passes its gate with exit 0", () => {
        assert.equal(production.code, 0, production.stderr + production.stdout);
        assert.match(production.stdout, /^GO for production: no mandatory violations; /m);
        const f = readJson<FindingsFile>(files.json);
        assert.equal(f.stack, "production");
        assert.equal(f.ok, true);
        assert.deepEqual(f.violations, []);
        assert.deepEqual(f.notEvaluated, []);
        assert.equal(f.checklist.find((c) => c.id === "004.infra.autoscaling")?.status, "PASS");
    });

    it("gives the process back its stack trace limit, which it lowers only while the program runs", () => {
        assert.equal(Error.stackTraceLimit, stackTraceLimit);
    });

    it("shows the rollback budget the pack judged: 15 min 45 s to roll back and to deploy, each with how it was computed", () => {
        const f = readJson<FindingsFile>(files.json);
        // 120 s release switch + 4 waves x (30 pull + 150 startup + 5 readiness + 10 minReady) + 45 s grace; DNS (300 s) and the frontend (60 s) are faster.
        assert.deepEqual([f.rollback?.rollbackSeconds, f.rollback?.deploySeconds, f.rollback?.budgetSeconds], [945, 945, 1200]);
        assert.deepEqual(f.rollback?.rollback.map((s) => s.step), [
            "release switch",
            "rollout of Deployment teei/export-service",
            "rollout of Deployment teei/notification-service",
            "rollout of Deployment teei/q2q-pipeline",
            "rollout of Deployment teei/reporting-api",
            "frontend release switch",
            "DNS",
        ]);
        assert.equal(f.checklist.find((c) => c.id === "004.rollback.budget")?.status, "PASS");
        for (const text of [production.stdout, fs.readFileSync(files.markdown, "utf8")]) {
            assert.match(text, /Rollback budget\n+(- | {2})rollback: 15 min 45 s = release switch 120 s \+ slowest, rollout of Deployment teei\/export-service: 825 s \(4 waves of 3 pods/);
            assert.match(text, /deploy: 15 min 45 s = release switch 120 s/);
            assert.match(text, /within budget/);
        }
    });

    it("plans staging with exit 0, warning only that its database, backups and frontend bucket are not protected (production's are)", () => {
        assert.equal(staging.code, 0, staging.stderr + staging.stdout);
        assert.match(staging.stdout, /^GO for staging/m);
        assert.deepEqual(readJson<FindingsFile>(files.staging).violations.map((v) => [v.policy, v.enforcementLevel]), [
            ["firestore-database-enable-delete-protection", "advisory"],
            ["platform-datastore-require-protect", "advisory"],
            ["platform-datastore-require-protect", "advisory"],
        ]);
    });

    it("has every policy of the pack judge something in production, but those production gives nothing to judge", () => {
        assert.deepEqual(judged(readJson<FindingsFile>(files.json)), expectedJudged("production"), "a policy that judged nothing looked away: check the kinds and labels its appliesTo matches");
    });

    it("has every policy of the pack judge something in staging, the canary's included", () => {
        assert.deepEqual(judged(readJson<FindingsFile>(files.staging)), expectedJudged("staging"), "a policy that judged nothing looked away: check the kinds and labels its appliesTo matches");
    });

    it("lists every policy in the findings file with its level and what it judged", () => {
        const f = readJson<FindingsFile>(files.json);
        // The pack's policies, then the checks the offline gate makes itself (need --baseline).
        assert.deepEqual(f.policies.map((p) => p.name), [...policies.map((p) => p.name), ...offlineChecks.map((c) => c.name)]);
        assert.ok(f.policies.every((p) => p.enforcementLevel === "mandatory"));
        assert.ok(readJson<FindingsFile>(files.staging).policies.every((p) => p.enforcementLevel === "advisory"));
        // A resource policy counts the resources it judged (4 Deployments), a stack policy its one AnalyzeStack.
        assert.equal(f.policies.find((p) => p.name === "workloads-deployment-enforce-rolling-update")?.judged, 4);
        assert.equal(f.policies.find((p) => p.name === "workloads-deployment-require-replicas")?.judged, 1);
    });

    it("starts the report with what ships and puts every note, with the secrets planned as unknown, in the findings file", () => {
        assert.match(production.stdout, /^golive plan — stack production\nGO · phase pre-launch · clock \S+ \(current time\)\nGO for production: [^\n]+\n\nLaunch\n( {2}[^\n]+\n){3}\nWhat ships \(4 services\)\n {2}SERVICE +VERSION +REPLICAS +CANARY +ROLLBACK TO\n {2}reporting-api +v2\.5\.0 +2\.\.10 +none +v2\.4\.9\n/);
        const f = readJson<FindingsFile>(files.json);
        assert.deepEqual(f.unsetSecrets.map((s) => [s.key, s.state]), [["openaiApiKey", "unset"], ["webhookHmacSecret", "unset"], ["pagerdutyIntegrationKey", "unset"]]);
        for (const note of f.notes) assert.ok(production.stdout.includes(`  - ${note}\n`), note);
        assert.ok(f.notes.some((n) => n.startsWith("3 secret(s) not set, planned as unknown")));
        assert.deepEqual(f.ships?.map((s) => [s.service, s.version, s.rollbackTo]), [["reporting-api", "v2.5.0", "v2.4.9"], ["q2q-pipeline", "v1.8.2", "v1.8.1"], ["notification-service", "v1.3.1", "v1.3.0"], ["export-service", "v2.1.0", "v2.0.3"]]);
    });

    it("prints resource counts, the checklist and the secrets it planned as unknown", () => {
        assert.match(production.stdout, /^Resources \(161\)$/m);
        assert.match(production.stdout, /^\s+4\s+kubernetes:apps\/v1:Deployment$/m);
        assert.match(production.stdout, /3 secret\(s\) not set, planned as unknown; `pulumi up` refuses to run until they are set with `pulumi config set --secret`: openaiApiKey \(services\[1\]\.secretEnv\.OPENAI_API_KEY\), webhookHmacSecret/);
        assert.doesNotMatch(production.stdout, /slackToken \(|reportingApiDatabaseUrl \(/);
        assert.match(production.stdout, /^Checklist by area \(\d+ items: /m);
        assert.match(fs.readFileSync(files.markdown, "utf8"), /^# golive plan — stack production\n\n## GO · phase pre-launch · clock \S+ \(current time\)\n\n\*\*GO for production/);
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

    it("writes every Kubernetes object but the Secrets as YAML, one file per object, and removes the files of an earlier plan", () => {
        const written = fs.readdirSync(files.manifests);
        assert.equal(fs.existsSync(stale), false, "the earlier plan's canary file would still be applied by kubectl apply -f");
        assert.match(production.stderr, /; 1 file\(s\) of an earlier plan removed/);
        assert.ok(written.includes("deployment-teei-reporting-api.yaml"), written.join(", "));
        const objects = readJson<ExportShape>(files.export).deployment.resources.filter((r) => r.custom && r.type.startsWith("kubernetes:") && r.type !== "kubernetes:core/v1:Secret");
        assert.equal(written.length, objects.length);
        assert.deepEqual(written.filter((f) => f.startsWith("secret-")), [], "Secrets are validated, never written");
        assert.ok(!written.some((f) => fs.readFileSync(path.join(files.manifests, f), "utf8").includes("do-not-leak-4711")));
        // The counts prove the schemas were applied: an object no schema covers is named, never counted as validated.
        assert.match(
            production.stderr,
            /^· 41 Kubernetes manifests written to .*, 32 of them validated against the Kubernetes schemas \(3 Secrets validated, not written\); 9 with no schema to validate against, identity rules only \(1 gateway\.networking\.k8s\.io\/v1 Gateway, 4 monitoring\.googleapis\.com\/v1 PodMonitoring, 2 networking\.gke\.io\/v1 HealthCheckPolicy, 2 gateway\.networking\.k8s\.io\/v1 HTTPRoute\); 1 file\(s\) of an earlier plan removed$/m,
        );
    });

    it("gives the same findings when analyze reads the export back", async () => {
        const json = path.join(out, "analyze.json");
        const r = await run(analyze, ["--file", files.export, "--stack", "production", "--json", json]);
        assert.equal(r.code, 0, r.stderr + r.stdout);
        const planned = readJson<FindingsFile>(files.json);
        const analyzed = readJson<FindingsFile>(json);
        assert.deepEqual(analyzed.violations, planned.violations);
        assert.deepEqual(analyzed.checklist.map((c) => [c.id, c.status]), planned.checklist.map((c) => [c.id, c.status]));
        assert.deepEqual(analyzed.policies, planned.policies);
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
        // In production the data-holding resources are protected: the database and its backup schedules (not its indexes),
        // the frontend's bucket and the edge's reserved address.
        assert.deepEqual(e.deployment.resources.filter((r) => r.protect).map((r) => r.urn).sort(), [
            db.urn,
            "urn:pulumi:production::golive::golive:firestore:Firestore$gcp:firestore/backupSchedule:BackupSchedule::firestore-backup-daily",
            "urn:pulumi:production::golive::golive:firestore:Firestore$gcp:firestore/backupSchedule:BackupSchedule::firestore-backup-weekly",
            "urn:pulumi:production::golive::golive:edge:Edge$golive:edge:StaticFrontend$gcp:storage/bucket:Bucket::edge-static-bucket",
            "urn:pulumi:production::golive::golive:edge:Edge$gcp:compute/globalAddress:GlobalAddress::edge-address",
        ].sort());
        const component = e.deployment.resources.find((r) => r.type === "golive:firestore:Firestore")!;
        assert.equal((component.outputs["queries"] as unknown[]).length, 16);
        assert.match(production.stdout, /Firestore indexes: all 16 queries of firestore\/queries\.yaml are served on database "\(default\)"/);
        const f = readJson<FindingsFile>(files.json);
        for (const id of ["000.firestore.indexes", "000.firestore.backups", "004.infra.backups", "003.pipeline.backup-before-deploy"]) {
            assert.equal(f.checklist.find((c) => c.id === id)?.status, "PASS", id);
        }
    });

    it("refuses a production stack whose indexes file lost the index a query needs, naming the query", async () => {
        const dir = tmpDir("indexes");
        const text = fs.readFileSync(path.join(projectDir, "firestore", "firestore.indexes.json"), "utf8");
        const parsed = parseJsonWithComments(text).value as { indexes: Array<{ fields: Array<{ fieldPath: string }> }> };
        // The collection-group index (userId, respondedAt) that the query my-rsvps needs.
        parsed.indexes = parsed.indexes.filter((i) => i.fields[0]!.fieldPath !== "userId");
        const indexes = path.join(dir, "firestore.indexes.json");
        fs.writeFileSync(indexes, JSON.stringify(parsed, null, 2));
        const file = productionVariant("indexesFile: firestore/firestore.indexes.json", `indexesFile: ${indexes}`);
        const json = path.join(dir, "findings.json");
        const r = await run(plan, ["--stack", "production", "--stack-file", file, "--json", json]);
        assert.equal(r.code, 1, r.stderr + r.stdout);
        assert.match(r.stdout, /Firestore indexes: 1 of 16 queries of firestore\/queries\.yaml have no index on database "\(default\)": my-rsvps /);
        const f = readJson<FindingsFile>(json);
        assert.deepEqual(f.violations.map((v) => [v.policy, v.enforcementLevel]), [["firestore-query-missing-index", "mandatory"]]);
        assert.match(f.violations[0]!.message, /^Firestore query "my-rsvps" \(firestore\/queries\.yaml\) on Firestore database "\(default\)": no index serves it: needs \(userId ASC, respondedAt DESC\) on "rsvps" in COLLECTION_GROUP scope/);
        assert.equal(f.checklist.find((c) => c.id === "000.firestore.indexes")?.status, "FAIL");
    });

    it("refuses to pass a mandatory check whose value is unknown", async () => {
        const e = readJson<ExportShape>(files.export);
        const api = e.deployment.resources.find((r) => r.type === "kubernetes:apps/v1:Deployment" && r.urn.endsWith("::reporting-api-deployment"))!;
        const containers = (api.inputs as { spec: { template: { spec: { containers: Array<{ image: string }> } } } }).spec.template.spec.containers;
        containers[0]!.image = unknownValue;
        const file = path.join(out, "unknown-image-export.json");
        fs.writeFileSync(file, JSON.stringify(e));
        const json = path.join(out, "unknown.json");
        const r = await run(analyze, ["--file", file, "--stack", "production", "--json", json]);
        assert.equal(r.code, 1, r.stderr + r.stdout);
        assert.match(r.stdout, /^NO-GO for production: 2 mandatory checks not evaluable in preview\.$/m);
        const f = readJson<FindingsFile>(json);
        assert.deepEqual(f.violations, []);
        // Every check that reads the image: is it pinned, is it set at all (the rollback version is judged from launch-eve).
        assert.deepEqual(f.notEvaluated.map((n) => [n.policy, n.enforcementLevel, n.urn]).sort(), [
            ["workloads-container-disallow-unpinned-image", "mandatory", api.urn],
            ["workloads-object-enforce-api-validation", "mandatory", api.urn],
        ]);
        assert.equal(f.checklist.find((c) => c.id === "004.services.target-versions")?.status, "PENDING");
    });

    it("refuses a production launch whose rollback versions are no choice (exit 1): equal, newer or missing", async () => {
        // At launch-eve with a fresh go decision, so the rollback plan is all that is judged wrong.
        const file = productionVariant(
            "    phase: pre-launch\n    rollbackTo:\n      reporting-api: v2.4.9\n      q2q-pipeline: v1.8.1\n      notification-service: v1.3.0\n",
            "    phase: launch-eve\n    goNoGo: { decision: go, by: Ada Lovelace, at: \"2026-12-06T21:00:00Z\" }\n    rollbackTo:\n      reporting-api: v2.5.0\n      q2q-pipeline: v1.9.0\n",
        );
        const json = path.join(out, "rollback.json");
        const r = await run(plan, ["--stack", "production", "--stack-file", file, "--json", json, "--now", "2026-12-07T06:00:00Z"]);
        assert.equal(r.code, 1, r.stderr + r.stdout);
        assert.match(r.stdout, /^NO-GO for production: 3 mandatory violations\.$/m);
        const f = readJson<FindingsFile>(json);
        const fix = (service: string, version: string) => `Set \`${service}: <previous version>\` under golive:launch.rollbackTo in the stack file (the release running before this launch, older than ${version}).`;
        assert.deepEqual(f.violations.map((v) => [v.policy, v.enforcementLevel, v.message]).sort(), [
            ["workloads-deployment-require-rollback-version", "mandatory", `Deployment teei/reporting-api launches v2.5.0 at phase launch-eve, but the rollback version "v2.5.0" is the version being launched, so a rollback would change nothing. ${fix("reporting-api", "v2.5.0")}`],
            ["workloads-deployment-require-rollback-version", "mandatory", `Deployment teei/q2q-pipeline launches v1.8.2 at phase launch-eve, but the rollback version "v1.9.0" is newer than v1.8.2, so rolling back would move forward instead. ${fix("q2q-pipeline", "v1.8.2")}`],
            ["workloads-deployment-require-rollback-version", "mandatory", `Deployment teei/notification-service launches v1.3.1 at phase launch-eve, but no rollback version is declared. ${fix("notification-service", "v1.3.1")}`],
        ].sort());
        assert.equal(f.checklist.find((c) => c.id === "004.rollback.plan")?.status, "FAIL");
    });

    it("refuses a production stack that breaks a launch rule with exit 1, and only warns for staging", async () => {
        const file = productionVariant("replicas: { min: 2, max: 10 }\n      resources:\n        requests: { cpu: 500m", "replicas: { min: 1, max: 10 }\n      resources:\n        requests: { cpu: 500m");
        const prod = await run(plan, ["--stack", "production", "--stack-file", file, "--json", path.join(out, "bad.json")]);
        assert.equal(prod.code, 1, prod.stderr + prod.stdout);
        assert.match(prod.stdout, /^NO-GO for production: 1 mandatory violation\.$/m);
        const f = readJson<FindingsFile>(path.join(out, "bad.json"));
        assert.equal(f.ok, false);
        assert.deepEqual(f.violations.map((v) => [v.policy, v.enforcementLevel, v.urn]), [
            ["workloads-hpa-configure-replicas", "mandatory", "urn:pulumi:production::golive::golive:workloads:Workloads$golive:workloads:Microservice$kubernetes:autoscaling/v2:HorizontalPodAutoscaler::q2q-pipeline-hpa"],
        ]);
        assert.equal(f.checklist.find((c) => c.id === "004.infra.autoscaling")?.status, "FAIL");

        const staging = await run(plan, ["--stack", "staging", "--stack-file", stagingVariant("replicas: { min: 2, max: 3 }\n      resources:\n        requests: { cpu: 100m, memory: 256Mi }", "replicas: { min: 1, max: 3 }\n      resources:\n        requests: { cpu: 100m, memory: 256Mi }")]);
        assert.equal(staging.code, 0, staging.stderr + staging.stdout);
        assert.match(staging.stdout, /advisory\s+workloads-hpa-configure-replicas/);
    });

    it("names an image tagged latest, before planning", async () => {
        const file = productionVariant("ghcr.io/teei/export-service:v2.1.0", "ghcr.io/teei/export-service:latest");
        const r = await run(plan, ["--stack", "production", "--stack-file", file]);
        assert.equal(r.code, 2, r.stderr + r.stdout);
        assert.deepEqual(r.stderr.split("\n"), [`error: ${file}: golive:services[3].image: tag "latest" is not allowed; pin a version or digest (got "ghcr.io/teei/export-service:latest")`]);
    });
});
