import { strict as assert } from "node:assert";
import { workloadsContainerDisallowSecretEnvLiteral as policy } from "../../../policies/workloads";
import { messages, notApplicable, resource, UNKNOWN } from "../harness";
import { bucket, deployment } from "./fixtures";

const fix = "Move it into a Kubernetes Secret and reference it with valueFrom.secretKeyRef.";

// Credential-shaped values are assembled here rather than written out, so this file is not
// itself a finding for secret scanners; none of them is a live credential.
const privateKey = [
    ["-----BEGIN", "RSA PRIVATE KEY-----"].join(" "),
    `MIIEpAIBAAKCAQEA${"3Tz2mr7SZiAMfQyuvBjM9Oi".repeat(3)}`,
    "Z1BjP5CE/Wm/Rr500PRK+Lh9x5eJPo5CAZ3/ANBE0sTK0ZsDGMak2m1g7".repeat(2),
    ["-----END", "RSA PRIVATE KEY-----"].join(" "),
].join("\n");
const slackToken = ["xox", "b-123456789012-1234567890123-", "abcdefghijklmnopqrstuvwx"].join("");
const githubToken = ["gh", "p_", "wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx"].join("");
const awsAccessKeyId = ["AK", "IA", "Z7Q4X2M9B6N3C5V8"].join("");
const serviceAccountKey = JSON.stringify({ type: "service_account", project_id: "teei-csr-prod", private_key_id: "0f1e2d3c4b5a69788796a5b4c3d2e1f001234567", private_key: privateKey, client_email: "export@teei-csr-prod.iam.gserviceaccount.com" });
const configMap = (data: Record<string, string>, annotations?: Record<string, string>) =>
    resource("kubernetes:core/v1:ConfigMap", "reporting-api-config", { metadata: { name: "reporting-api-config", namespace: "teei", ...(annotations ? { annotations } : {}) }, data });

describe("workloads-container-disallow-secret-env-literal", () => {
    it("passes a Deployment whose secrets come from secretKeyRef", async () => {
        assert.deepEqual(await messages(policy, deployment()), []);
    });

    it("refuses a literal value in an env var named like a token", async () => {
        const d = deployment((spec) => { spec.containers[0].env.push({ name: "STRIPE_API_KEY", value: "sk_live_123" }); });
        assert.deepEqual(await messages(policy, d), [`container "reporting-api" sets env STRIPE_API_KEY as a literal value and its name says it holds a credential. ${fix}`]);
    });

    it("refuses a PASSWORD literal", async () => {
        const d = deployment((spec) => { spec.containers[0].env.push({ name: "PASSWORD", value: "hunter2" }); });
        assert.deepEqual(await messages(policy, d), [`container "reporting-api" sets env PASSWORD as a literal value and its name says it holds a credential. ${fix}`]);
    });

    it("refuses a URL with a password in it whatever the variable is called", async () => {
        const d = deployment((spec) => { spec.containers[0].env[0] = { name: "UPSTREAM", value: "https://svc:s3cret@upstream.internal/api" }; });
        assert.deepEqual(await messages(policy, d), [`container "reporting-api" sets env UPSTREAM as a literal value and its value is a URL with a password in it. ${fix}`]);
    });

    it("refuses a DATABASE_URL literal with credentials", async () => {
        const d = deployment((spec) => { spec.containers[0].env[1] = { name: "DATABASE_URL", value: "postgres://app:pw@db:5432/teei" }; });
        assert.deepEqual(await messages(policy, d), [`container "reporting-api" sets env DATABASE_URL as a literal value and its value is a URL with a password in it. ${fix}`]);
    });

    it("refuses a connection string that names a user, even without a password", async () => {
        const d = deployment((spec) => { spec.containers[0].env[1] = { name: "REDIS_URL", value: "redis://app@cache:6379/0" }; });
        assert.deepEqual(await messages(policy, d), [`container "reporting-api" sets env REDIS_URL as a literal value and it is a connection string with credentials. ${fix}`]);
    });

    it("passes a DATABASE_URL literal without credentials", async () => {
        const d = deployment((spec) => { spec.containers[0].env[1] = { name: "DATABASE_URL", value: "postgres://db:5432/teei" }; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("passes an empty secret-looking variable", async () => {
        const d = deployment((spec) => { spec.containers[0].env.push({ name: "SENTRY_TOKEN", value: "" }); });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("passes a setting about secrets that holds none", async () => {
        const d = deployment((spec) => { spec.containers[0].env.push({ name: "SECRET_MANAGER_PROJECT", value: "teei-csr-prod" }); });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("passes a ConfigMap of plain settings", async () => {
        const cm = resource("kubernetes:core/v1:ConfigMap", "reporting-api-config", { metadata: { name: "reporting-api-config", namespace: "teei" }, data: { LOG_LEVEL: "info", CORS_ALLOWED_ORIGIN: "https://cockpit.teei.example.com" } });
        assert.deepEqual(await messages(policy, cm), []);
    });

    it("refuses a credential put in a ConfigMap that feeds env", async () => {
        const cm = resource("kubernetes:core/v1:ConfigMap", "reporting-api-config", { metadata: { name: "reporting-api-config", namespace: "teei" }, data: { LOG_LEVEL: "info", SLACK_TOKEN: "xoxb-1" } });
        assert.deepEqual(await messages(policy, cm), [`ConfigMap teei/reporting-api-config key SLACK_TOKEN is a literal value and its name says it holds a credential. ${fix}`]);
    });

    it("recognises a PEM private key by its value, whatever the variable is called", async () => {
        const d = deployment((spec) => { spec.containers[0].env.push({ name: "SIGNING_MATERIAL", value: privateKey }); });
        assert.deepEqual(await messages(policy, d), [`container "reporting-api" sets env SIGNING_MATERIAL as a literal value and its value has a credential's format (secretlint rule privatekey: PrivateKey). ${fix}`]);
    });

    it("recognises SaaS and cloud token formats by their value", async () => {
        const d = deployment((spec) => {
            spec.containers[0].env.push({ name: "CHAT_HOOK", value: slackToken }, { name: "CI_READ", value: githubToken }, { name: "UPLOAD_ID", value: awsAccessKeyId });
        });
        assert.deepEqual(await messages(policy, d), [
            `container "reporting-api" sets env CHAT_HOOK as a literal value and its value has a credential's format (secretlint rule slack: SLACK_TOKEN). ${fix}`,
            `container "reporting-api" sets env CI_READ as a literal value and its value has a credential's format (secretlint rule github: GITHUB_TOKEN). ${fix}`,
            `container "reporting-api" sets env UPLOAD_ID as a literal value and its value has a credential's format (secretlint rule aws: AWSAccessKeyID). ${fix}`,
        ]);
    });

    it("never quotes the secret it found", async () => {
        const d = deployment((spec) => { spec.containers[0].env.push({ name: "CHAT_HOOK", value: slackToken }); });
        const [message] = await messages(policy, d);
        assert.ok(message && !message.includes(slackToken.slice(5)), message);
    });

    it("passes values that only look random: ids, hashes, hosts", async () => {
        const d = deployment((spec) => {
            spec.containers[0].env.push(
                { name: "TENANT_ID", value: "3f2b8c1e-1111-4a4a-9c9c-0123456789ab" },
                { name: "BUILD_SHA", value: "9fceb02d0ae598e95dc970b74767f19372d61af8" },
                { name: "UPSTREAM", value: "https://api.teei.example.com/v1" },
            );
        });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("recognises a credential inside a ConfigMap file entry, such as a service-account key", async () => {
        assert.deepEqual(await messages(policy, configMap({ "credentials.json": serviceAccountKey })), [
            `ConfigMap teei/reporting-api-config key credentials.json is a literal value and its value has a credential's format (secretlint rules gcp: PrivateKeyJSON, privatekey: PrivateKey). ${fix}`,
        ]);
    });

    it("names the stack config key to move for a ConfigMap golive planned from a service's env", async () => {
        const cm = configMap({ LOG_LEVEL: "info", CHAT_HOOK: slackToken }, { "golive.dev/config": "golive:services[0].env" });
        assert.deepEqual(await messages(policy, cm), [
            "ConfigMap teei/reporting-api-config key CHAT_HOOK is a literal value and its value has a credential's format (secretlint rule slack: SLACK_TOKEN). Move Pulumi.test.yaml: golive:services[0].env.CHAT_HOOK to the service's secretEnv, naming a Pulumi secret set with `pulumi config set --secret`.",
        ]);
    });

    it("names the config a ConfigMap golive rendered as a whole came from", async () => {
        const cm = configMap({ "flags.json": JSON.stringify({ beta: { enabled: true, note: githubToken } }) }, { "golive.dev/config": "golive:featureFlags" });
        assert.deepEqual(await messages(policy, cm), [
            "ConfigMap teei/reporting-api-config key flags.json is a literal value and its value has a credential's format (secretlint rule github: GITHUB_TOKEN). Remove it from Pulumi.test.yaml: golive:featureFlags: that config is written in plain text to a ConfigMap.",
        ]);
    });

    it("judges init containers and a Job's pod template too", async () => {
        const job = resource("kubernetes:batch/v1:Job", "migrate", {
            spec: { template: { spec: { initContainers: [{ name: "wait", image: "busybox:1.36", env: [{ name: "DB_PASSWORD", value: "pw" }] }], containers: [] } } },
        });
        assert.deepEqual(await messages(policy, job), [`init container "wait" sets env DB_PASSWORD as a literal value and its name says it holds a credential. ${fix}`]);
    });

    it("cannot pass silently when an env value is unknown during preview", async () => {
        const d = deployment((spec) => { spec.containers[0].env.push({ name: "API_TOKEN", value: UNKNOWN }); });
        const [message, ...rest] = await messages(policy, d);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-container-disallow-secret-env-literal'.*during preview: string value at \.spec\.template\.spec\.containers\.0\.env\.2\.value can't be known during preview/);
    });

    it("reports a resource that is neither a workload nor a ConfigMap as not applicable, without a violation", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await messages(policy, bucket()), []);
        assert.deepEqual(await notApplicable(policy, resource("kubernetes:core/v1:Secret", "db", { stringData: { PASSWORD: "hunter2" } })), [policy.name]);
        assert.deepEqual(await notApplicable(policy, deployment()), []);
        assert.deepEqual(await notApplicable(policy, resource("kubernetes:core/v1:ConfigMap", "env", { data: { LOG_LEVEL: "info" } })), []);
    });
});
