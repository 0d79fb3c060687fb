/**
 * The plan and analyze commands called in-process through their `main(argv)`: everything
 * they refuse before planning (arguments, files, stack and policy config). Whole plans are
 * in plan.test.ts.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { main as analyze } from "../../tools/analyze";
import { generatedHeader } from "../../tools/manifests";
import { main as plan } from "../../tools/plan";
import type { FindingsFile } from "../../tools/report/findings-file";
import { errorLines, productionVariant, projectDir, readJson, run, tmpDir, writeJson, type Run } from "./cli";

/** Exit 2 with exactly these error lines, and nothing planned. */
function assertRefused(r: Run, lines: string[]): void {
    assert.equal(r.code, 2, r.stderr + r.stdout);
    assert.deepEqual(r.stderr.split("\n"), lines.map((l) => `error: ${l}`));
    assert.equal(r.stdout, "");
}

const fixtures = path.resolve(__dirname, "..", "fixtures");

describe("plan and analyze on the command line (in-process)", function () {
    this.timeout(60_000);
    const out = tmpDir("commands");

    for (const flag of ["--help", "-h"]) {
        it(`prints plan's usage for ${flag} and exits 0`, async () => {
            const r = await run(plan, [flag]);
            assert.equal(r.code, 0, r.stderr);
            assert.match(r.stdout, /^usage: npm run plan -- --stack <name> /m);
            assert.match(r.stdout, /^ {2}--manifests <dir> +write every Kubernetes object as YAML/m);
            assert.match(r.stdout, /^exit codes: 0 ready \(GO\), 1 a mandatory violation or nothing checked, 2 bad input/m);
            assert.equal(r.stderr, "");
        });
    }

    it("prints analyze's usage for --help and exits 0, even beside other options", async () => {
        const r = await run(analyze, ["--stack", "production", "--help"]);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /^usage: npm run analyze -- \(--file <stack-export\.json> \| --manifests <dir\|file>\) --stack <name>/m);
    });

    it("refuses a --secret the config does not use, listing the secret names it does use", async () => {
        const r = await run(plan, ["--stack", "production", "--secret", "slackTokn=@/dev/null", "--secret", "slackToken=x"]);
        assertRefused(r, ['--secret slackTokn: Pulumi.production.yaml uses no secret named "slackTokn"; the secrets it uses are reportingApiDatabaseUrl, openaiApiKey, webhookHmacSecret, pagerdutyIntegrationKey, slackToken']);
    });

    it("refuses a stack file without a config: key in one line", async () => {
        const file = path.join(out, "Pulumi.no-config.yaml");
        fs.writeFileSync(file, "encryptionsalt: v1:abc\n");
        assertRefused(await run(plan, ["--stack", "production", "--stack-file", file]), [
            `${file}: it has no config: key; expected the stack's settings under config: as \`pulumi config set\` writes them (config: with golive:environment, golive:services, ...; see Pulumi.staging.yaml)`,
        ]);
        fs.writeFileSync(file, "config:\n");
        const r = await run(plan, ["--stack", "production", "--stack-file", file]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /^error: .*Pulumi\.no-config\.yaml: its config: key is empty; expected the stack's settings under config: /);
        assert.equal(r.stderr.split("\n").length, 1);
    });

    it("says what a stack with no services needs, with an example", async () => {
        const file = productionVariant(/ {2}golive:services:\n[\s\S]*(?=\n {2}golive:alerting:)/, "  golive:services: []");
        assertRefused(await run(plan, ["--stack", "production", "--stack-file", file]), [
            `${file}: golive:services: is empty; declare at least one service with its name, a pinned image and its port, e.g. golive:services: [{name: reporting-api, image: ghcr.io/teei/reporting-api:v2.5.0, port: 8080}]`,
        ]);
    });

    it("refuses --json and --markdown pointing at a folder before planning", async () => {
        assertRefused(await run(plan, ["--stack", "production", "--json", out]), [`--json ${out}: is a folder; expected a file path such as ${path.join(out, "findings.json")}`]);
        assertRefused(await run(plan, ["--stack", "production", "--markdown", `${out}/`]), [`--markdown ${out}/: is a folder; expected a file path such as ${path.join(out, "report.md")}`]);
        assertRefused(await run(analyze, ["--file", "x.json", "--stack", "production", "--json", out]), [`--json ${out}: is a folder; expected a file path such as ${path.join(out, "findings.json")}`]);
    });

    it("refuses an output file whose folder does not exist before planning", async () => {
        const missing = path.join(out, "reports", "production.md");
        assertRefused(await run(plan, ["--stack", "production", "--markdown", missing]), [`--markdown ${missing}: the folder ${path.dirname(missing)} does not exist; create it first or write elsewhere`]);
        assertRefused(await run(plan, ["--stack", "production", "--export", path.join(out, "nope", "e.json")]), [`--export ${path.join(out, "nope", "e.json")}: the folder ${path.join(out, "nope")} does not exist; create it first or write elsewhere`]);
    });

    it("refuses a --manifests folder holding a file golive did not write, naming it, before planning", async () => {
        const dir = path.join(out, "manifests");
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, "deployment-teei-old.yaml"), `${generatedHeader}\nkind: Deployment\n`);
        fs.writeFileSync(path.join(dir, "kustomization.yaml"), "resources: []\n");
        assertRefused(await run(plan, ["--stack", "production", "--manifests", dir]), [
            `refusing to write manifests to ${dir}: ${path.join(dir, "kustomization.yaml")} was not written by golive (no golive header on its first line); each plan replaces the folder's contents and never deletes a file golive did not write: move it out or choose another folder`,
        ]);
        assert.deepEqual(fs.readdirSync(dir).sort(), ["deployment-teei-old.yaml", "kustomization.yaml"]);
    });

    it("names a typo'd key", async () => {
        const file = productionVariant("golive:services:", "golive:servicez:");
        const r = await run(plan, ["--stack", "production", "--stack-file", file]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /golive:servicez: unknown key \(did you mean services\?\)/);
    });

    it("refuses requests above limits before planning, naming the service's key in the stack file", async () => {
        const file = productionVariant("requests: { cpu: 250m, memory: 256Mi }\n        limits: { cpu: \"1\", memory: 512Mi }\n      env:", "requests: { cpu: \"2\", memory: 1Gi }\n        limits: { cpu: \"1\", memory: 512Mi }\n      env:");
        assertRefused(await run(plan, ["--stack", "production", "--stack-file", file]), [
            `${file}: golive:services[0].resources: requests.cpu "2" exceeds limits.cpu "1"; lower the request or raise the limit (the API server refuses a request above its limit)`,
            `${file}: golive:services[0].resources: requests.memory "1Gi" exceeds limits.memory "512Mi"; lower the request or raise the limit (the API server refuses a request above its limit)`,
        ]);
    });

    it("refuses the staging config for the production stack in one line, and the production config for staging", async () => {
        assertRefused(await run(plan, ["--stack", "production", "--stack-file", "Pulumi.staging.yaml"]), [
            `Pulumi.staging.yaml: golive:environment: is "staging" but stack "production" deploys production (stacks production and production-* are production, every other stack is staging); use the stack's own Pulumi.production.yaml, or set golive:environment: production and meet its rules`,
        ]);
        assertRefused(await run(plan, ["--stack", "staging", "--stack-file", "Pulumi.production.yaml"]), [
            `Pulumi.production.yaml: golive:environment: is "production" but stack "staging" deploys staging (stacks production and production-* are production, every other stack is staging); use the stack's own Pulumi.staging.yaml, or set golive:environment: staging and meet its rules`,
        ]);
    });

    it("refuses a stack name that is not one", async () => {
        assertRefused(await run(plan, ["--stack", "../package"]), ['--stack "../package": stack names are letters, digits, \'-\', \'_\' and \'.\'']);
    });

    it("validates encrypted keys too, though it cannot read them", async () => {
        const file = productionVariant("  golive:alerting:", "  golive:reportingApiDatabaseURL:\n    secure: v1:AAAA\n  golive:alerting:");
        const r = await run(plan, ["--stack", "production", "--stack-file", file]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /golive:reportingApiDatabaseURL: unknown key/);
    });

    it("refuses a stack file that is not a mapping, in one line", async () => {
        const file = path.join(out, "Pulumi.list.yaml");
        fs.writeFileSync(file, "- golive:environment\n");
        assertRefused(await run(plan, ["--stack", "production", "--stack-file", file]), [`${file}: expected a mapping with a config: key, as \`pulumi config set\` writes it`]);
    });

    it("refuses a stack with no policy config", async () => {
        assertRefused(await run(plan, ["--stack", "prod"]), ['policies/config/prod.json: no policy config for stack "prod"; expected one of production, staging, or give one with --policy-pack-config <file>']);
    });

    it("refuses a --policy-pack-config file that does not exist, before starting anything", async () => {
        const missing = path.join(out, "nope.json");
        assertRefused(await run(plan, ["--stack", "production", "--policy-pack-config", missing]), [`--policy-pack-config ${missing}: no such file; expected a JSON file of policy levels and settings, such as policies/config/production.json`]);
        assertRefused(await run(analyze, ["--file", "x.json", "--stack", "staging", "--policy-pack-config", out]), [`--policy-pack-config ${out}: no such file; expected a JSON file of policy levels and settings, such as policies/config/staging.json`]);
    });

    it("refuses policy config values their policy's configSchema does not allow, one line each, before planning", async () => {
        const config = writeJson(out, "bad-values.json", {
            all: "mandatory",
            "workloads-hpa-configure-replicas": { minReplicas: "two" },
            "workloads-probe-require-health-path": { enforcementLevel: "advisory", healthPath: "health" },
        });
        const r = await run(plan, ["--stack", "production", "--policy-pack-config", config]);
        assert.equal(r.code, 2, r.stderr + r.stdout);
        assert.deepEqual(errorLines(r), [
            `${config}: workloads-probe-require-health-path.healthPath: "health" must match pattern "^/"; the policy's configSchema: {"pattern":"^/","type":"string"}`,
            `${config}: workloads-hpa-configure-replicas.minReplicas: "two" must be integer; the policy's configSchema: {"default":2,"minimum":1,"type":"integer"} (remove it to use the default 2)`,
        ]);
        assert.doesNotMatch(r.stderr, /planning stack/);
        assert.equal(r.stdout, "");
    });

    it("judges with the --policy-pack-config given instead of the stack's", async () => {
        const advisory = writeJson(out, "advisory.json", { all: "advisory" });
        const file = path.join(fixtures, "stack-exports", "kubernetes-v3.json");
        assert.equal((await run(analyze, ["--file", file, "--stack", "production"])).code, 1);
        const json = path.join(out, "advisory-findings.json");
        const r = await run(analyze, ["--file", file, "--stack", "production", "--policy-pack-config", advisory, "--json", json]);
        assert.equal(r.code, 0, r.stderr + r.stdout);
        const f = readJson<FindingsFile>(json);
        assert.ok(f.violations.length > 0 && f.violations.every((v) => v.enforcementLevel === "advisory"), JSON.stringify(f.violations.map((v) => v.enforcementLevel)));
        assert.ok(f.policies.every((p) => p.enforcementLevel === "advisory"));
    });

    it("refuses a policy config value on analyze too, with exit 2", async () => {
        const config = writeJson(out, "bad-replicas.json", { "workloads-deployment-require-replicas": { minReplicas: 0 } });
        const r = await run(analyze, ["--file", path.join(fixtures, "stack-exports", "kubernetes-v3.json"), "--stack", "production", "--policy-pack-config", config]);
        assert.equal(r.code, 2, r.stderr + r.stdout);
        assert.deepEqual(errorLines(r), [`${config}: workloads-deployment-require-replicas.minReplicas: 0 must be >= 1; the policy's configSchema: {"default":2,"minimum":1,"type":"integer"} (remove it to use the default 2)`]);
    });

    it("refuses an edge whose API hosts the policy config does not name as API hosts, before planning, and plans when both say the same", async () => {
        const file = productionVariant("    zoneId: 3f1c9a0b7d2e4c6f8a1b3d5e7f9a0c2e\n", "    zoneId: 3f1c9a0b7d2e4c6f8a1b3d5e7f9a0c2e\n    apiHosts: [api, cockpit]\n");
        const shipped = path.join(projectDir, "policies", "config", "production.json");
        const refused = await run(plan, ["--stack", "production", "--stack-file", file]);
        assert.equal(refused.code, 2, refused.stderr + refused.stdout);
        assert.deepEqual(errorLines(refused), [
            `${shipped}: apiHostLabels of edge-cacherule-disallow-api-caching, edge-responseheaders-require-csp, edge-responseheaders-enforce-cors-origin, platform-service-missing-coverage is ["api"], but ${file} sets golive:edge.apiHosts to ["api","cockpit"]: ` +
                "the policies would judge the edge's API hosts as app hosts, or demand an API host's cache bypass, CORS rule and rate limit the edge does not declare. " +
                `Set "apiHostLabels": ["api","cockpit"] for each of them in ${shipped}, or change golive:edge.apiHosts.`,
        ]);
        assert.doesNotMatch(refused.stderr, /planning stack/);
        const labels = { apiHostLabels: ["api", "cockpit"] };
        const config = writeJson(out, "api-hosts.json", {
            ...readJson<Record<string, unknown>>(shipped),
            "edge-cacherule-disallow-api-caching": labels, "edge-responseheaders-require-csp": labels, "edge-responseheaders-enforce-cors-origin": labels, "platform-service-missing-coverage": labels,
        });
        const agreed = await run(plan, ["--stack", "production", "--stack-file", file, "--policy-pack-config", config]);
        assert.notEqual(agreed.code, 2, agreed.stderr);
        assert.match(agreed.stderr, /planning stack production/);
    });

    it("refuses a missing --stack and an unknown option", async () => {
        assert.equal((await run(plan, [])).code, 2);
        const r = await run(plan, ["--stack", "production", "--dry"]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /^error: Unknown option '--dry'/m);
    });

    it("refuses a --secret without a value", async () => {
        assertRefused(await run(plan, ["--stack", "production", "--secret", "slackToken"]), ['--secret "slackToken": expected <key>=<value> or <key>=@<file>, e.g. --secret slackToken=@/run/secrets/slack']);
        assertRefused(await run(plan, ["--stack", "production", "--secret", "slackToken="]), ['--secret "slackToken=": expected <key>=<value> or <key>=@<file>, e.g. --secret slackToken=@/run/secrets/slack']);
    });

    it("refuses a plain-text secret in the stack file even when --secret gives its value", async () => {
        const file = productionVariant("  golive:alerting:", "  golive:slackToken: xoxb-in-the-file\n  golive:alerting:");
        const r = await run(plan, ["--stack", "production", "--stack-file", file, "--secret", "slackToken=xoxb-given"]);
        assertRefused(r, [`${file}: golive:slackToken: is a secret in plain text; remove it from the file and run \`pulumi config set --secret slackToken <value>\``]);
        assert.doesNotMatch(r.stderr, /xoxb/);
    });

    it("refuses a checkpoint analyze cannot read with one line", async () => {
        const file = path.join(fixtures, "stack-exports", "checkpoint-v1.json");
        assertRefused(await run(analyze, ["--file", file, "--stack", "production"]), [`${file}: checkpoint version 1 predates the v3 deployment format (resources use the legacy "defaults" key); export the stack with a current CLI: pulumi stack export --file <file>`]);
    });

    it("refuses broken YAML with one line naming the file", async () => {
        const r = await run(analyze, ["--manifests", path.join(fixtures, "broken", "missing-comma.json"), "--stack", "production"]);
        assert.equal(r.code, 2);
        assert.equal(r.stderr.split("\n").length, 1, r.stderr);
        assert.match(r.stderr, /^error: .*missing-comma\.json/);
    });

    it("refuses both --file and --manifests, and a bad --now", async () => {
        assert.equal((await run(analyze, ["--file", "a", "--manifests", "b", "--stack", "production"])).code, 2);
        assertRefused(await run(analyze, ["--file", "a", "--stack", "production", "--now", "tomorrow"]), ['--now "tomorrow": expected an ISO 8601 time such as 2026-11-22T09:00:00Z']);
    });

    it("exits 1 when nothing was checked, naming the resource types it saw, in the terminal and the findings file", async () => {
        const json = path.join(out, "aws.json");
        const r = await run(analyze, ["--file", path.join(fixtures, "stack-exports", "aws-only-v3.json"), "--stack", "production", "--json", json]);
        assert.equal(r.code, 1, r.stderr + r.stdout);
        const verdict = "NOTHING CHECKED for production: no policy in the pack applies to any of the 5 resources seen (1 aws:s3/bucketPolicy:BucketPolicy, 1 aws:s3/bucketV2:BucketV2, 1 aws:ssm/parameter:Parameter, 1 pulumi:providers:aws, 1 pulumi:pulumi:Stack), so this run cannot pass a gate; all 40 checklist items are pending. Check that this is the stack or the manifests you meant to gate.";
        assert.equal(r.stdout.split("\n").pop(), verdict.replace("all 40", `all ${readJson<FindingsFile>(json).checklist.length}`));
        const f = readJson<FindingsFile>(json);
        assert.equal(f.ok, false);
        assert.equal(f.verdict, r.stdout.split("\n").pop());
        assert.ok(f.checklist.every((c) => c.status === "PENDING"));
        assert.deepEqual(f.notes, ["2 encrypted secret value(s) cannot be read offline; checks that read them are reported as not evaluable"]);
        assert.deepEqual(f.unsetSecrets, []);
        assert.ok(f.resourceTypes.some((t) => t.type === "aws:s3/bucketV2:BucketV2" && t.count === 1), JSON.stringify(f.resourceTypes));
    });
});
