/**
 * Workloads arguments as index.ts builds them, from the real stack files (parsed by the
 * project's own config parser), with recognisable secret values so tests can prove they
 * never leave the Secret.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as YAML from "yaml";
import { parseStackConfig } from "../../../config";
import type { WorkloadService, WorkloadsArgs } from "../../../components/workloads";

const root = path.resolve(__dirname, "../../..");

/** The value a secret config key is given in tests: easy to search for anywhere it must not be. */
export function secretValue(key: string): string {
    return `s3cr3t-${key}-do-not-leak`;
}

export function stackArgs(stack: "production" | "staging"): WorkloadsArgs {
    const file = `Pulumi.${stack}.yaml`;
    const doc = YAML.parse(fs.readFileSync(path.join(root, file), "utf8")) as { config: Record<string, unknown> };
    const raw = Object.fromEntries(Object.entries(doc.config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
    const config = parseStackConfig(raw, () => false, file);
    return {
        environment: config.environment,
        namespace: config.cluster.namespace,
        domain: config.domain,
        featureFlags: config.featureFlags,
        services: config.services.map((s) => ({
            ...s,
            secretEnv: Object.fromEntries(Object.entries(s.secretEnv).map(([env, key]) => [env, pulumi.secret(secretValue(key))])),
        })),
    };
}

/** The stack's arguments with one service changed. */
export function withService(args: WorkloadsArgs, name: string, change: (s: WorkloadService) => WorkloadService): WorkloadsArgs {
    let found = false;
    const services = args.services.map((s) => {
        if (s.name !== name) return s;
        found = true;
        return change(s);
    });
    if (!found) throw new Error(`no service ${name}`);
    return { ...args, services };
}

/** A small standalone service for Microservice tests. */
export function internalService(): WorkloadService {
    return { name: "ledger", image: "ghcr.io/teei/ledger:v1.0.0", port: 9090, env: { LOG_LEVEL: "info" } };
}
