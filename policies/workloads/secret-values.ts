/**
 * Credentials recognised by their value, whatever the variable or key holding them is
 * called: secretlint's recommended rule set (private keys, cloud and SaaS token formats:
 * AWS, GCP service-account keys, GitHub, Slack, npm, OpenAI, Anthropic, SendGrid, Shopify,
 * Linear, 1Password, basic auth, database connection strings), maintained upstream rather
 * than hand-written here. Not a policy; the secret-literal policy asks it.
 */
import * as path from "node:path";
import * as crypto from "node:crypto";
import { lintSource } from "@secretlint/core";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";

const rulePrefix = "@secretlint/secretlint-rule-";

const config = {
    rules: [{
        id: `${rulePrefix}preset-recommend`,
        rule: recommended,
        // An AWS access key ID (AKIA...) alone: the recommended set looks for it only beside
        // an AWS_SECRET_ACCESS_KEY name, and here the value is judged without its name.
        rules: [{ id: `${rulePrefix}aws`, options: { enableIDScanRule: true } }],
    }],
};

export interface SecretFormat {
    /** The secretlint rule that recognised it, without its package prefix: `slack`, `privatekey`. */
    rule: string;
    /** What the rule found: `SLACK_TOKEN`, `PrivateKey`, ... */
    messageId: string;
}

/**
 * The credential formats a value has, each once, in the order secretlint found them ([] for none). `name` is the env var or ConfigMap key:
 * it is the file name for the rules that look at one (`.npmrc`, a `.json` service-account
 * key). Never a `.p12` extension: that rule reads the file from disk, and there is none.
 * Nothing of the value is kept: secretlint's own messages (which quote it) are dropped.
 */
export function secretFormatsOf(name: string, value: string): Promise<SecretFormat[]> {
    // One lint per distinct name and value for the pack's life: a stack repeats its values
    // (every copy of a service, the same ConfigMap key in each), and secretlint's profiler
    // keeps every lint's marks and searches them on each new one, so each lint costs more
    // than the last. Keyed by a digest: the value itself is not kept.
    const key = crypto.createHash("sha256").update(name).update("\0").update(value).digest("base64");
    let formats = linted.get(key);
    if (!formats) {
        formats = lint(name, value);
        linted.set(key, formats);
        formats.catch(() => linted.delete(key));
    }
    return formats.then((f) => f.map((x) => ({ ...x })));
}

const linted = new Map<string, Promise<SecretFormat[]>>();

async function lint(name: string, value: string): Promise<SecretFormat[]> {
    const ext = path.extname(name);
    const result = await lintSource({
        source: { filePath: name, content: value, ext: ext === ".p12" ? "" : ext, contentType: "text" },
        options: { config, maskSecrets: true },
    });
    const formats: SecretFormat[] = [];
    for (const m of result.messages) {
        const rule = m.ruleId.startsWith(rulePrefix) ? m.ruleId.slice(rulePrefix.length) : m.ruleId;
        if (!formats.some((f) => f.rule === rule && f.messageId === m.messageId)) formats.push({ rule, messageId: m.messageId });
    }
    return formats;
}
