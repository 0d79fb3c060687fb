/**
 * Reads the secrets the stack config names. A secret that is not set is a hard error for
 * `pulumi up`; during a preview it is planned as an unknown value (as any computed value
 * is), so a preview still shows the whole plan and the report names what is missing.
 */
import * as pulumi from "@pulumi/pulumi";
import { namespace, type SecretRef } from "../config";

export class MissingSecretError extends pulumi.RunError {
    constructor(readonly missing: SecretRef[], stackFile: string) {
        super(missing.map((r) => `${stackFile}: ${namespace}:${r.key}: secret is not set (used by ${r.usedBy}); run \`pulumi config set --secret ${r.key} <value>\``).join("\n"));
        this.name = "MissingSecretError";
    }
}

export function readSecrets(refs: readonly SecretRef[], stackFile: string): Map<string, pulumi.Output<string>> {
    const config = new pulumi.Config(namespace);
    const values = new Map<string, pulumi.Output<string>>();
    const missing: SecretRef[] = [];
    for (const ref of refs) {
        const value = config.getSecret(ref.key);
        if (value !== undefined) values.set(ref.key, value);
        else if (pulumi.runtime.isDryRun()) values.set(ref.key, pulumi.secret(pulumi.output(pulumi.unknown as unknown as string)));
        else missing.push(ref);
    }
    if (missing.length > 0) throw new MissingSecretError(missing, stackFile);
    return values;
}
