import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { parseStackConfig } from "../../config";
import { clusterProviderArgs, MissingSecretError, SecretReader, workloadsArgs, type SecretSource } from "../../program";
import { rawConfig } from "../config/stack-files";

const file = "Pulumi.production.yaml";
const config = parseStackConfig(rawConfig("production"), () => false, file, "production");

/** Builds every component's args as index.ts does, with secrets from `source`. */
function build(source: SecretSource): SecretReader {
    const secrets = new SecretReader(config.secretRefs, file, source);
    clusterProviderArgs(config, secrets.value);
    workloadsArgs(config, secrets.value);
    return secrets;
}

describe("secrets read when a component asks for them", () => {
    it("require for `pulumi up` only the secrets a component reads, all named at once", () => {
        const secrets = build({ get: () => undefined, dryRun: false });
        assert.throws(() => secrets.assertAllSet(), (e: unknown) => {
            assert.ok(e instanceof MissingSecretError);
            // PagerDuty and Slack are named by the config but read by no resource yet.
            assert.deepEqual(e.missing.map((r) => r.key), ["reportingApiDatabaseUrl", "openaiApiKey", "webhookHmacSecret"]);
            assert.equal(e.message.split("\n")[0], "Pulumi.production.yaml: golive:reportingApiDatabaseUrl: secret is not set (used by services[0].secretEnv.DATABASE_URL); run `pulumi config set --secret reportingApiDatabaseUrl <value>`");
            return true;
        });
    });

    it("plan an unset secret as unknown during a preview, without failing", () => {
        assert.doesNotThrow(() => build({ get: () => undefined, dryRun: true }).assertAllSet());
    });

    it("pass a set secret through and fail nothing", () => {
        const secrets = build({ get: (key) => pulumi.secret(`value-of-${key}`), dryRun: false });
        assert.doesNotThrow(() => secrets.assertAllSet());
    });

    it("refuse a secret the stack config does not name: a component asking for it is a bug", () => {
        const secrets = new SecretReader(config.secretRefs, file, { get: () => undefined, dryRun: true });
        assert.throws(() => secrets.value("slackTokn"), { message: `${file}: secret "slackTokn" is not named by the stack config` });
    });
});
