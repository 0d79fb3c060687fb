/**
 * Whether a config key was set as a secret. The SDK knows (the CLI passes the secret keys
 * in PULUMI_CONFIG_SECRET_KEYS) but only exports the check from its runtime module.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped SDK internal
const runtimeConfig = require("@pulumi/pulumi/runtime/config") as { isConfigSecret(key: string): boolean };

export function isConfigSecret(key: string): boolean {
    return runtimeConfig.isConfigSecret(key);
}
