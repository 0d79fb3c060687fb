/**
 * The workloads components' argument rules, each written once: the components refuse bad
 * arguments with them before registering anything, and the stack config schema reuses them
 * (schema/services.ts), so a stack file gets the same message at its own key.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    dns1123LabelMaxLength, dns1123LabelProblem, dnsLabelProblem, formatKeyPath, imageRepository, maxPort, quantityProblem,
    resourceRequirementsProblems, showValue, unpinnedImage, unpinnedText,
} from "../../policies/lib";
import { canaryName, canarySteps, defaultHealthPath, drainsBeforeKill, isCanaryStep, isHttpPath } from "../../policies/workloads/rules";
import { defaults } from "./defaults";
import { resolveGateway } from "./gateway";
import type { WorkloadsArgs } from "./workloads-args";

/** One problem: the key path below the checked value (`["canary", "image"]`) and what is wrong there. */
export interface ArgProblem {
    path: ReadonlyArray<string | number>;
    message: string;
}

/** A RunError, so the Pulumi CLI prints the problems without a stack trace. */
export class WorkloadArgsError extends pulumi.RunError {
    constructor(readonly problems: readonly string[]) {
        super(problems.join("\n"));
        this.name = "WorkloadArgsError";
    }
}

/** The canary weight's message; the stack config's weight type says the same. */
export const canaryWeightMessage = `must be one of the rollout steps ${canarySteps.join(", ")}`;

/** What the checks read of one service; optional fields are checked when given. */
export interface CheckedService {
    name: string;
    image: string;
    port: number;
    healthPath?: string;
    replicas?: { min: number; max: number };
    resources?: { requests?: Readonly<Record<string, unknown>>; limits?: Readonly<Record<string, unknown>> };
    env?: Readonly<Record<string, unknown>>;
    secretEnv?: Readonly<Record<string, unknown>>;
    /** Whether the service is published on the gateway, where a canary's traffic is split. */
    hasPublicRoute: boolean;
    canary?: { image: string; weight: number };
    preStopSleepSeconds?: number;
    terminationGracePeriodSeconds?: number;
}

function pinProblem(image: string): string | undefined {
    const unpinned = unpinnedImage(image);
    return unpinned && unpinnedText(unpinned).config;
}

function resourcesProblems(resources: CheckedService["resources"]): ArgProblem[] {
    return resourceRequirementsProblems(resources).map((p) => p.kind === "limit"
        ? { path: ["resources"], message: `${p.section}.${p.resource} ${p.message}` }
        : { path: ["resources", p.section, p.resource], message: quantityProblem(resources?.[p.section]?.[p.resource]) ?? p.message });
}

function canaryProblems(s: CheckedService, stablePinned: boolean): ArgProblem[] {
    const c = s.canary;
    if (!c) return [];
    const problems: ArgProblem[] = [];
    if (!isCanaryStep(c.weight)) problems.push({ path: ["canary", "weight"], message: canaryWeightMessage });
    const pin = pinProblem(c.image);
    if (pin) problems.push({ path: ["canary", "image"], message: pin });
    else if (stablePinned && imageRepository(c.image) !== imageRepository(s.image)) {
        problems.push({
            path: ["canary", "image"],
            message: `must be a version of ${imageRepository(s.image)} (got repository ${imageRepository(c.image)}); a canary changes the version only`,
        });
    }
    if (canaryName(s.name).length > dns1123LabelMaxLength) {
        problems.push({ path: ["canary"], message: `the canary's name "${canaryName(s.name)}" is longer than ${dns1123LabelMaxLength} characters; shorten the service name` });
    }
    // A ClusterIP Service has no weights: see the README's canary section.
    if (!s.hasPublicRoute) {
        problems.push({ path: ["canary"], message: "needs a public host: traffic is split by the Gateway route's weights; set host or remove canary" });
    }
    return problems;
}

/** What is wrong with one service's arguments. */
export function serviceProblems(s: CheckedService): ArgProblem[] {
    const problems: ArgProblem[] = [];
    const add = (path: ArgProblem["path"], message: string | undefined) => {
        if (message !== undefined) problems.push({ path, message });
    };
    add(["name"], dnsLabelProblem(s.name));
    const pin = pinProblem(s.image);
    add(["image"], pin);
    if (!Number.isInteger(s.port) || s.port < 1 || s.port > maxPort) add(["port"], `must be an integer from 1 to ${maxPort}`);
    if (s.healthPath !== undefined && !isHttpPath(s.healthPath)) add(["healthPath"], `must be an absolute HTTP path such as ${defaultHealthPath}`);
    if (s.replicas) {
        const { min, max } = s.replicas;
        if (!Number.isInteger(min) || min < 1) add(["replicas", "min"], "must be a whole number of at least 1");
        if (!Number.isInteger(max) || max < min) add(["replicas", "max"], `must be a whole number of at least replicas.min ${min}`);
    }
    problems.push(...resourcesProblems(s.resources));
    for (const key of Object.keys(s.secretEnv ?? {})) {
        // Reported at the secret's side: the env value may be the secret itself, never echoed.
        if (s.env && key in s.env) add(["secretEnv", key], `is also in env; keep ${key} in one place`);
    }
    const grace = s.terminationGracePeriodSeconds ?? defaults.terminationGracePeriodSeconds;
    const preStop = s.preStopSleepSeconds ?? defaults.preStopSleepSeconds;
    if (!drainsBeforeKill(grace, preStop)) {
        add(["terminationGracePeriodSeconds"], `must be greater than preStopSleepSeconds ${preStop}, or the container is killed before it drains`);
    }
    problems.push(...canaryProblems(s, pin === undefined));
    return problems;
}

/** Why a public host label does not fit under the stack's domain, or undefined. */
function hostLabelProblem(host: string): string | undefined {
    return dns1123LabelProblem(host) === undefined ? undefined : "must be a single DNS label such as api or cockpit; the stack's domain is appended";
}

function field(v: unknown, key: string): unknown {
    return v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
}

/**
 * What is wrong across the services: duplicate names and hosts, callers that name no
 * service, a canary named like another service. Paths start at the service's index. Reads
 * its input defensively: the stack config runs it even when some services are malformed.
 */
export function servicesProblems(services: readonly unknown[]): ArgProblem[] {
    const problems: ArgProblem[] = [];
    const names = services.map((s) => field(s, "name")).filter((n): n is string => typeof n === "string");
    const firstWithName = new Map<string, number>();
    const hostOwner = new Map<string, string>();
    services.forEach((s, i) => {
        const name = field(s, "name");
        if (typeof name !== "string") return;
        const first = firstWithName.get(name);
        if (first !== undefined) problems.push({ path: [i, "name"], message: `duplicate service name "${name}" (also services[${first}]); names must be unique` });
        else firstWithName.set(name, i);
        const host = field(s, "host");
        if (typeof host !== "string") return;
        const bad = hostLabelProblem(host);
        const owner = hostOwner.get(host);
        if (bad) problems.push({ path: [i, "host"], message: bad });
        else if (owner !== undefined) problems.push({ path: [i, "host"], message: `"${host}" is already served by "${owner}"; one service per host` });
        else hostOwner.set(host, name);
    });
    services.forEach((s, i) => {
        const name = field(s, "name");
        const callers = field(s, "calledBy");
        (Array.isArray(callers) ? callers : []).forEach((caller: unknown, j) => {
            if (typeof caller === "string" && !names.includes(caller)) {
                problems.push({ path: [i, "calledBy", j], message: `names no service "${caller}"; expected one of ${[...new Set(names)].join(", ")}` });
            }
        });
        if (typeof name === "string" && field(s, "canary") !== undefined && names.includes(canaryName(name))) {
            problems.push({ path: [i, "canary"], message: `its objects would be named "${canaryName(name)}", which is another service's name; rename that service` });
        }
    });
    return problems;
}

function valueAt(root: unknown, path: ArgProblem["path"]): unknown {
    return path.reduce<unknown>((node, key) => field(node, String(key)), root);
}

/**
 * One line per problem, as config errors are written: `[<subject>: ]<key path>: <what>`,
 * with the value found when it is a plain value (`(got 0)`).
 */
export function describeProblems(subject: string | undefined, root: unknown, problems: readonly ArgProblem[]): string[] {
    return problems.map((p) => {
        const got = valueAt(root, p.path);
        const shown = got === null || typeof got === "object" || got === undefined ? "" : ` (got ${showValue(got)})`;
        return `${subject === undefined ? "" : `${subject}: `}${formatKeyPath(p.path)}: ${p.message}${shown}`;
    });
}

/** One service's arguments as the checks read them: Workloads publishes a service that has a host. */
function checkedWorkloadService(s: WorkloadsArgs["services"][number]): CheckedService {
    return { ...s, hasPublicRoute: s.host !== undefined };
}

/** Every problem of Workloads' arguments, across services, one line each naming the service and the key. */
export function workloadsProblems(args: WorkloadsArgs): string[] {
    const namespace = dnsLabelProblem(args.namespace);
    const lines = describeProblems(undefined, args, namespace ? [{ path: ["namespace"], message: namespace }] : []);
    const subject = (i: number) => `service "${args.services[i]!.name}"`;
    for (const p of servicesProblems(args.services)) {
        const [i, ...path] = p.path as [number, ...Array<string | number>];
        lines.push(...describeProblems(subject(i), args.services[i], [{ path, message: p.message }]));
    }
    args.services.forEach((s, i) => lines.push(...describeProblems(subject(i), s, serviceProblems(checkedWorkloadService(s)))));
    if (args.services.some((s) => s.host !== undefined)) {
        const gateway = resolveGateway(args.gateway);
        if (typeof gateway === "string") lines.push(gateway);
    }
    return lines;
}
