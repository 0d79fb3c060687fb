import { strict as assert } from "node:assert";
import { ConfigError, parseStackConfig } from "../../config";
import { editedProduction, productionProblems, rawConfig } from "./stack-files";

const file = "Pulumi.production.yaml";
const notSecret = () => false;

const problems = productionProblems;

describe("stack config", () => {
    it("accepts both example stacks and lists the secrets they name", () => {
        for (const stack of ["production", "staging"]) {
            const c = parseStackConfig(rawConfig(stack), notSecret, `Pulumi.${stack}.yaml`, stack);
            assert.equal(c.environment, stack);
            assert.deepEqual(c.services.map((s) => s.name), ["reporting-api", "q2q-pipeline", "notification-service", "export-service"]);
        }
        const prod = parseStackConfig(rawConfig("production"), notSecret, file, "production");
        assert.deepEqual(prod.secretRefs.map((r) => r.key), ["reportingApiDatabaseUrl", "openaiApiKey", "webhookHmacSecret", "pagerdutyIntegrationKey", "slackToken"]);
        assert.deepEqual(prod.services.map((s) => s.image), [
            "ghcr.io/teei/reporting-api:v2.5.0", "ghcr.io/teei/q2q-pipeline:v1.8.2",
            "ghcr.io/teei/notification-service:v1.3.1", "ghcr.io/teei/export-service:v2.1.0",
        ]);
    });

    it("fills documented defaults: health path /health and alert thresholds from runbook 004", () => {
        const c = parseStackConfig(rawConfig("production"), notSecret, file, "production");
        assert.equal(c.services[1]!.healthPath, "/health");
        assert.equal(c.alerting.errorRatePercent, 1);
        assert.equal(c.alerting.latencyP95Ms, 1000);
    });

    it("names a typo'd top-level key and suggests the right one", () => {
        const raw = rawConfig("production");
        raw["golive:servicez"] = raw["golive:services"]!;
        delete raw["golive:services"];
        assert.deepEqual(problems(raw), [
            `${file}: golive:services: is required (expected array)`,
            `${file}: golive:servicez: unknown key (did you mean services?); expected one of environment, gcp, domain, cluster, launch, featureFlags, services, alerting, firestore, edge`,
        ]);
    });

    it("refuses the latest tag with the key path and the bad value", () => {
        const raw = editedProduction("services", (s) => { s[2].image = "ghcr.io/teei/notification-service:latest"; return s; });
        assert.deepEqual(problems(raw), [
            `${file}: golive:services[2].image: tag "latest" is not allowed; pin a version or digest (got "ghcr.io/teei/notification-service:latest")`,
        ]);
    });

    it("refuses an image without a tag", () => {
        const raw = editedProduction("services", (s) => { s[0].image = "ghcr.io/teei/reporting-api"; return s; });
        assert.deepEqual(problems(raw), [`${file}: golive:services[0].image: has no tag; pin a version or digest (got "ghcr.io/teei/reporting-api")`]);
    });

    it("reports a wrong type with what was expected and what was found", () => {
        const raw = editedProduction("services", (s) => { s[0].port = "8080"; return s; });
        assert.deepEqual(problems(raw), [`${file}: golive:services[0].port: expected number, got "8080"`]);
    });

    it("reports an unknown nested key", () => {
        const raw = editedProduction("alerting", (a) => ({ ...a, pagerduty: { integrationKeySecret: "pagerdutyIntegrationKey", routingKey: "x" } }));
        assert.deepEqual(problems(raw), [`${file}: golive:alerting.pagerduty.routingKey: unknown key; remove it or check its spelling`]);
    });

    it("refuses a duplicate service name even when other services have problems too", () => {
        const raw = editedProduction("services", (s) => { s[3].name = "reporting-api"; s[1].port = 0; return s; });
        assert.deepEqual(problems(raw), [
            `${file}: golive:services[1].port: Too small: expected number to be >=1 (got 0)`,
            `${file}: golive:services[3].name: duplicate service name "reporting-api" (also services[0]); names must be unique (got "reporting-api")`,
            `${file}: golive:launch.rollbackTo: "export-service" names no service; expected one of reporting-api, q2q-pipeline, notification-service`,
        ]);
    });

    it("refuses a caller that is not a declared service", () => {
        const raw = editedProduction("services", (s) => { s[1].calledBy = ["reporting-apj"]; return s; });
        assert.deepEqual(problems(raw), [
            `${file}: golive:services[1].calledBy[0]: names no service "reporting-apj"; expected one of reporting-api, q2q-pipeline, notification-service, export-service (got "reporting-apj")`,
        ]);
    });

    it("refuses a canary weight outside the rollout steps and a canary of another repository", () => {
        const raw = editedProduction("services", (s) => { s[3].canary = { image: "ghcr.io/other/export-service:v2.2.0", weight: 25 }; return s; });
        assert.deepEqual(problems(raw), [
            `${file}: golive:services[3].canary.weight: must be one of the rollout steps 0, 10, 50, 100 (got 25)`,
        ]);
        const repo = editedProduction("services", (s) => { s[3].canary = { image: "ghcr.io/other/export-service:v2.2.0", weight: 10 }; return s; });
        assert.deepEqual(problems(repo), [
            `${file}: golive:services[3].canary.image: must be a version of ghcr.io/teei/export-service (got repository ghcr.io/other/export-service); a canary changes the version only (got "ghcr.io/other/export-service:v2.2.0")`,
        ]);
    });

    it("refuses a canary on a service without a public host, whose traffic cannot be split by weight", () => {
        const raw = editedProduction("services", (s) => { s[1].canary = { image: "ghcr.io/teei/q2q-pipeline:v1.9.0", weight: 10 }; return s; });
        assert.deepEqual(problems(raw), [
            `${file}: golive:services[1].canary: needs a public host: traffic is split by the Gateway route's weights; set host or remove canary`,
        ]);
    });

    it("refuses an egress destination that is not a CIDR", () => {
        const raw = editedProduction("services", (s) => { s[0].egress = [{ cidr: "db.internal", port: 5432 }]; return s; });
        assert.deepEqual(problems(raw), [`${file}: golive:services[0].egress[0].cidr: must be an IPv4 CIDR such as 10.20.0.5/32 (got "db.internal")`]);
    });

    it("names a missing required key instead of failing on it", () => {
        const raw = editedProduction("launch", () => ({}));
        delete raw["golive:environment"];
        assert.deepEqual(problems(raw), [
            `${file}: golive:environment: is required (expected one of "staging", "production")`,
            `${file}: golive:launch.phase: is required (expected one of "pre-launch", "launch-eve", "launch", "post-launch", "stable")`,
        ]);
    });

    it("refuses a rollback plan that names a service the stack does not have", () => {
        const raw = editedProduction("launch", (l) => ({ ...l, rollbackTo: { ...l.rollbackTo, "reporting-apy": "v2.4.9" } }));
        assert.deepEqual(problems(raw), [
            `${file}: golive:launch.rollbackTo: "reporting-apy" names no service; expected one of reporting-api, q2q-pipeline, notification-service, export-service`,
        ]);
    });

    it("refuses requests above limits naming the stack-file key, as the API server would refuse the Deployment", () => {
        const raw = editedProduction("services", (s) => {
            s[0].resources = { requests: { cpu: "2", memory: "1Gi" }, limits: { cpu: "1", memory: "512Mi" } };
            return s;
        });
        assert.deepEqual(problems(raw), [
            `${file}: golive:services[0].resources: requests.cpu "2" exceeds limits.cpu "1"; lower the request or raise the limit (the API server refuses a request above its limit)`,
            `${file}: golive:services[0].resources: requests.memory "1Gi" exceeds limits.memory "512Mi"; lower the request or raise the limit (the API server refuses a request above its limit)`,
        ]);
    });

    it("reads quantities as the API server does, in any notation", () => {
        const raw = editedProduction("services", (s) => {
            s[0].resources = { requests: { cpu: 1.5, memory: "0.5Gi" }, limits: { cpu: "1500m", memory: "1e9" } };
            s[1].resources = { requests: { cpu: "250m", memory: "2 GB" }, limits: { memory: "4Gi" } };
            return s;
        });
        assert.deepEqual(problems(raw), [
            `${file}: golive:services[1].resources.requests.memory: must be a Kubernetes quantity such as 250m, 1, 1.5, 512Mi or 1Gi (got "2 GB")`,
        ]);
    });

    it("refuses a stack file whose environment is not its stack's: a staging config for production", () => {
        const staging = rawConfig("staging");
        assert.deepEqual(problems(staging)[0], `${file}: golive:environment: is "staging" but stack "production" deploys production (stacks production and production-* are production, every other stack is staging); use the stack's own Pulumi.production.yaml, or set golive:environment: production and meet its rules`);
    });

    it("refuses a production config under a stack that is not production, whose policies are advisory", () => {
        assert.throws(() => parseStackConfig(rawConfig("production"), notSecret, "Pulumi.production.yaml", "staging"), (e: unknown) => {
            assert.ok(e instanceof ConfigError);
            assert.deepEqual(e.problems, [`Pulumi.production.yaml: golive:environment: is "production" but stack "staging" deploys staging (stacks production and production-* are production, every other stack is staging); use the stack's own Pulumi.staging.yaml, or set golive:environment: staging and meet its rules`]);
            return true;
        });
    });

    it("takes production-<suffix> stacks for production and any other stack name for staging", () => {
        assert.equal(parseStackConfig(rawConfig("production"), notSecret, file, "production-eu").environment, "production");
        assert.equal(parseStackConfig(rawConfig("staging"), notSecret, "Pulumi.dev.yaml", "dev").environment, "staging");
        assert.throws(() => parseStackConfig(rawConfig("staging"), notSecret, file, "production-eu"), ConfigError);
    });

    it("holds production to its paging floor, whatever else the file says: PagerDuty is required", () => {
        const raw = editedProduction("alerting", (a) => { delete a.pagerduty; return a; });
        assert.deepEqual(problems(raw), [
            `${file}: golive:alerting.pagerduty: is required in production: alerts page the on-call through PagerDuty (runbook 004); set alerting.pagerduty.integrationKeySecret to the name of the secret holding the integration key`,
        ]);
        assert.equal(parseStackConfig(rawConfig("staging"), notSecret, "Pulumi.staging.yaml", "staging").alerting.pagerduty, undefined, "staging pages nobody");
    });

    it("refuses a cluster the provider could only reach through the ambient kubeconfig", () => {
        const raw = editedProduction("cluster", (c) => { delete c.context; return c; });
        assert.deepEqual(problems(raw), [
            `${file}: golive:cluster: needs context or kubeconfigSecret, so workloads go to this stack's cluster and not to the current kubeconfig context`,
        ]);
    });

    it("never echoes a value put where a secret's name belongs, in case it is the secret", () => {
        const raw = editedProduction("alerting", (a) => ({ ...a, slack: { channel: "#launch-war-room", tokenSecret: "xoxb-9999-SLACKSECRETVALUE" } }));
        assert.deepEqual(problems(raw), [`${file}: golive:alerting.slack.tokenSecret: must name a secret config key in camelCase, e.g. pagerdutyIntegrationKey`]);
    });

    it("never echoes a value put where an object naming a secret belongs, in case it is the secret", () => {
        const raw = editedProduction("alerting", (a) => ({ ...a, slack: "xoxb-9999-SLACKSECRETVALUE" }));
        assert.deepEqual(problems(raw), [`${file}: golive:alerting.slack: expected object`]);
    });

    it("reports an env name that is also a secret env name at the secret's key, without echoing the plain value", () => {
        const raw = editedProduction("services", (s) => { s[0].env.DATABASE_URL = "postgres://u:pw@db/x"; return s; });
        assert.deepEqual(problems(raw), [`${file}: golive:services[0].secretEnv.DATABASE_URL: is also in env; keep DATABASE_URL in one place`]);
    });

    it("refuses a secret written in plain text in the stack file", () => {
        const raw = { ...rawConfig("production"), "golive:slackToken": "xoxb-123" };
        assert.deepEqual(problems(raw), [
            `${file}: golive:slackToken: is a secret in plain text; remove it from the file and run \`pulumi config set --secret slackToken <value>\``,
        ]);
        assert.deepEqual(problems(raw, (k) => k === "golive:slackToken"), []);
    });

    it("treats a secret nobody references as an unknown key", () => {
        const raw = { ...rawConfig("production"), "golive:oldToken": "x" };
        assert.deepEqual(problems(raw, () => true), [
            `${file}: golive:oldToken: unknown key; expected one of environment, gcp, domain, cluster, launch, featureFlags, services, alerting, firestore, edge`,
        ]);
    });

    it("ignores provider config outside the golive namespace", () => {
        const raw = { ...rawConfig("production"), "gcp:project": "teei-csr-prod", "kubernetes:context": "x" };
        assert.deepEqual(problems(raw), []);
    });
});
