/**
 * Argument checks shared by the components: every problem is collected and reported at
 * once, before any child resource is registered, as config errors are.
 */
import * as pulumi from "@pulumi/pulumi";
import { imagePinProblem, imageRepository } from "../../schema/image";

/** A RunError, so the Pulumi CLI prints the problems without a stack trace. */
export class WorkloadArgsError extends pulumi.RunError {
    constructor(readonly problems: readonly string[]) {
        super(problems.join("\n"));
        this.name = "WorkloadArgsError";
    }
}

export const canaryWeights: readonly number[] = [0, 10, 50, 100];
export const canarySuffix = "-canary";

const dnsLabel = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

export interface CheckedService {
    name: string;
    image: string;
    port: number;
    healthPath?: string;
    replicas?: { min: number; max: number };
    env?: Readonly<Record<string, string>>;
    secretEnv?: Readonly<Record<string, unknown>>;
    hasPublicRoute: boolean;
    canary?: { image: string; weight: number };
    preStopSleepSeconds: number;
    terminationGracePeriodSeconds: number;
}

/** What is wrong with one service's arguments, each line naming the service and the field. */
export function serviceProblems(s: CheckedService): string[] {
    const at = (field: string) => `service "${s.name}": ${field}`;
    const problems: string[] = [];
    if (!dnsLabel.test(s.name)) {
        problems.push(`${at("name")}: must be a DNS label (lowercase letters, digits and '-', starting with a letter, at most 63 characters)`);
    }
    const pin = imagePinProblem(s.image);
    if (pin) problems.push(`${at("image")}: "${s.image}" ${pin}`);
    if (!Number.isInteger(s.port) || s.port < 1 || s.port > 65535) problems.push(`${at("port")}: must be an integer from 1 to 65535 (got ${s.port})`);
    if (s.healthPath !== undefined && !s.healthPath.startsWith("/")) problems.push(`${at("healthPath")}: must be an absolute path such as /health (got "${s.healthPath}")`);
    if (s.replicas) {
        if (!Number.isInteger(s.replicas.min) || s.replicas.min < 1) problems.push(`${at("replicas.min")}: must be a whole number of at least 1 (got ${s.replicas.min})`);
        if (!Number.isInteger(s.replicas.max) || s.replicas.max < s.replicas.min) problems.push(`${at("replicas.max")}: must be a whole number of at least replicas.min ${s.replicas.min} (got ${s.replicas.max})`);
    }
    for (const key of Object.keys(s.env ?? {})) {
        if (s.secretEnv && key in s.secretEnv) problems.push(`${at(`env.${key}`)}: is also in secretEnv; keep ${key} in one place`);
    }
    if (!(s.terminationGracePeriodSeconds > s.preStopSleepSeconds)) {
        problems.push(`${at("terminationGracePeriodSeconds")}: ${s.terminationGracePeriodSeconds} must be greater than preStopSleepSeconds ${s.preStopSleepSeconds}, or the container is killed before it drains`);
    }
    if (s.canary) {
        const c = s.canary;
        if (!canaryWeights.includes(c.weight)) problems.push(`${at("canary.weight")}: must be one of the rollout steps ${canaryWeights.join(", ")} (got ${c.weight})`);
        const canaryPin = imagePinProblem(c.image);
        if (canaryPin) problems.push(`${at("canary.image")}: "${c.image}" ${canaryPin}`);
        else if (!pin && imageRepository(c.image) !== imageRepository(s.image)) {
            problems.push(`${at("canary.image")}: must be a version of ${imageRepository(s.image)} (got repository ${imageRepository(c.image)}); a canary changes the version only`);
        }
        if (`${s.name}${canarySuffix}`.length > 63) problems.push(`${at("canary")}: the canary's name "${s.name}${canarySuffix}" is longer than 63 characters; shorten the service name`);
        // Why internal services get no canary: see Microservice's class comment.
        if (!s.hasPublicRoute) {
            problems.push(`${at("canary")}: needs a public host: the traffic split is done by the gateway's HTTPRoute weights, and an internal service is reached through its ClusterIP Service, which cannot split by weight. Give the service a host, or roll it out with a plain version change (rolling update, maxUnavailable 0)`);
        }
    }
    return problems;
}
