/**
 * Workloads arguments as index.ts builds them, from the real stack files (parsed by the
 * project's own config parser), with recognisable secret values so tests can prove they
 * never leave the Secret.
 */
import * as pulumi from "@pulumi/pulumi";
import { parseStackConfig } from "../../../config";
import { workloadsArgs } from "../../../program";
import { rawConfig } from "../../config/stack-files";
import type { WorkloadService, WorkloadsArgs } from "../../../components/workloads";

/** The value a secret config key is given in tests: easy to search for anywhere it must not be. */
export function secretValue(key: string): string {
    return `s3cr3t-${key}-do-not-leak`;
}

export function stackArgs(stack: "production" | "staging"): WorkloadsArgs {
    const config = parseStackConfig(rawConfig(stack), () => false, `Pulumi.${stack}.yaml`, stack);
    return workloadsArgs(config, (key) => pulumi.secret(secretValue(key)));
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
