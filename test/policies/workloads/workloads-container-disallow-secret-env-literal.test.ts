import { strict as assert } from "node:assert";
import { workloadsContainerDisallowSecretEnvLiteral as policy } from "../../../policies/workloads";
import { messages, notApplicable, resource, UNKNOWN } from "../harness";
import { bucket, deployment } from "./fixtures";

const fix = "Move it into a Kubernetes Secret and reference it with valueFrom.secretKeyRef.";

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
