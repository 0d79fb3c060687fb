/**
 * Reads the secrets the components ask for, and only those: a secret the config names but
 * no resource reads yet is never required. During a preview an unset secret is planned as an
 * unknown value (as any computed value is), so a preview still shows the whole plan and the
 * report names what is missing. For `pulumi up` every unset secret that was asked for is
 * reported together, before any resource is registered (the program builds every
 * component's args first, which is where secrets are read).
 */
import * as pulumi from "@pulumi/pulumi";
import { namespace, type SecretRef } from "../config";

export class MissingSecretError extends pulumi.RunError {
    constructor(readonly missing: SecretRef[], stackFile: string) {
        super(missing.map((r) => `${stackFile}: ${namespace}:${r.key}: secret is not set (used by ${r.usedBy}); run \`pulumi config set --secret ${r.key} <value>\``).join("\n"));
        this.name = "MissingSecretError";
    }
}

/** Where the values come from: the stack's secret config and whether this run is a preview. */
export interface SecretSource {
    /** The value of config key `golive:<key>`, or undefined when it is not set. */
    get(key: string): pulumi.Output<string> | undefined;
    dryRun: boolean;
}

export function stackSecrets(): SecretSource {
    const config = new pulumi.Config(namespace);
    return { get: (key) => config.getSecret(key), dryRun: pulumi.runtime.isDryRun() };
}

export class SecretReader {
    private readonly missing = new Map<string, SecretRef>();

    constructor(
        private readonly refs: readonly SecretRef[],
        private readonly stackFile: string,
        private readonly source: SecretSource = stackSecrets(),
    ) {}

    /** The secret named `key`, which the config must name; unset, it is unknown (and missing outside a preview). */
    readonly value = (key: string): pulumi.Output<string> => {
        const ref = this.refs.find((r) => r.key === key);
        if (!ref) throw new pulumi.RunError(`${this.stackFile}: secret "${key}" is not named by the stack config`);
        const value = this.source.get(key);
        if (value !== undefined) return value;
        if (!this.source.dryRun) this.missing.set(key, ref);
        return pulumi.secret(pulumi.output(pulumi.unknown as unknown as string));
    };

    /** Throws MissingSecretError naming every secret asked for that is not set. Call before registering resources. */
    assertAllSet(): void {
        if (this.missing.size > 0) throw new MissingSecretError([...this.missing.values()], this.stackFile);
    }
}
