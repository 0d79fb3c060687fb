/**
 * The bench's stacks: the production stack file with its services repeated `factor` times
 * (`npm run bench`), or repeated up to a count of services (`npm run engine:bench -- --services
 * N`). Copy 0 is production itself (so 1x is exactly the shipped stack); copy k renames each
 * service `<name>-<k>`, its public host `<host>-<k>`, its callers to the same copy's services
 * and its rollback target to the original's version. Every area stays declared: each
 * service brings its workloads, monitoring (alerts, SLOs, uptime checks) and edge host;
 * Firestore and the zone-wide edge settings are per stack, as in production. The stack's
 * policy config is scaled alike (`writeScaledPolicyConfig`): the peer stack (staging) declares
 * the same copies, so a scaled stack is GO when the shipped one is. A copy's host (`api-1`)
 * is an app host to the edge component and to the edge policies alike: both take `api` alone
 * as an API host label.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";

interface Service {
    name: string;
    host?: string;
    calledBy?: string[];
    [key: string]: unknown;
}

interface Launch {
    rollbackTo?: Record<string, string>;
    [key: string]: unknown;
}

const copyName = (name: string, k: number) => (k === 0 ? name : `${name}-${k}`);

type StackDoc = { config: Record<string, unknown> };

/** The stack document (as parsed from YAML) with its services repeated `factor` times. */
export function scaledStack(doc: StackDoc, factor: number): StackDoc {
    if (!Number.isInteger(factor) || factor < 1) throw new Error(`scale ${factor}: expected a whole number of copies, 1 or more`);
    return withServices(doc, factor * servicesOf(doc).length);
}

/**
 * The stack document with exactly `count` services: its services repeated as `scaledStack`
 * repeats them, the last copy cut short when `count` is not a multiple (`npm run engine:bench
 * -- --services N`). Up to the stack's own count it is the stack's first services, unrenamed.
 */
export function stackWithServices(doc: StackDoc, count: number): StackDoc {
    if (!Number.isInteger(count) || count < 1) throw new Error(`services ${count}: expected a whole number of services, 1 or more`);
    return withServices(doc, count);
}

function servicesOf(doc: StackDoc): Service[] {
    const services = doc.config["golive:services"] as Service[] | undefined;
    if (!services?.length) throw new Error("the stack declares no golive:services to scale");
    return services;
}

/** The first `count` services of the stack's copies 0, 1, 2, ... */
function withServices(doc: StackDoc, count: number): StackDoc {
    const services = servicesOf(doc);
    const copies: Service[] = [];
    for (let i = 0; i < count; i++) {
        const k = Math.floor(i / services.length);
        const s = services[i % services.length]!;
        copies.push({
            ...structuredClone(s),
            name: copyName(s.name, k),
            ...(s.host !== undefined ? { host: copyName(s.host, k) } : {}),
            ...(s.calledBy !== undefined ? { calledBy: s.calledBy.map((c) => copyName(c, k)) } : {}),
        });
    }
    // A cut last copy keeps no caller it cut: the config refuses a calledBy naming no service.
    const last = Math.floor((count - 1) / services.length);
    const cut = new Set(services.slice(count % services.length || services.length).map((s) => copyName(s.name, last)));
    if (cut.size) for (const c of copies) if (c.calledBy) c.calledBy = c.calledBy.filter((n) => !cut.has(n));
    const config: Record<string, unknown> = { ...structuredClone(doc.config), "golive:services": copies };
    const launch = config["golive:launch"] as Launch | undefined;
    if (launch?.rollbackTo) {
        const original = launch.rollbackTo;
        launch.rollbackTo = Object.fromEntries(copies.flatMap((c, i) => {
            const version = original[services[i % services.length]!.name];
            return version === undefined ? [] : [[c.name, version]];
        }));
    }
    return { ...doc, config };
}

type PolicyConfig = Record<string, unknown>;

/**
 * The stack's policy config for `scaled`, the stack `doc` scaled: the peer stack declares the
 * copies of the services it declares (platform-stack-require-same-services), so the scaled
 * stack is judged as the shipped one is. Copy i of the scaled list is of service i mod n.
 */
export function scaledPolicyConfig(config: PolicyConfig, doc: StackDoc, scaled: StackDoc): PolicyConfig {
    const out = structuredClone(config);
    const same = out["platform-stack-require-same-services"] as { peerServices?: string[] } | undefined;
    if (same?.peerServices) {
        const peer = new Set(same.peerServices);
        const originals = servicesOf(doc).map((s) => s.name);
        same.peerServices = servicesOf(scaled)
            .map((s) => s.name)
            .filter((_, i) => peer.has(originals[i % originals.length]!));
    }
    return out;
}

export interface WrittenStack {
    /** Pulumi.<stack>.yaml, scaled. */
    file: string;
    /** The stack's policy config, scaled alike (for --policy-pack-config). */
    policyConfig: string;
    services: number;
}

function writeStack(projectDir: string, stack: string, dir: string, scale: (doc: StackDoc) => StackDoc): WrittenStack {
    const doc = YAML.parse(fs.readFileSync(path.join(projectDir, `Pulumi.${stack}.yaml`), "utf8")) as StackDoc;
    const scaled = scale(doc);
    const file = path.join(dir, `Pulumi.${stack}.yaml`);
    fs.writeFileSync(file, YAML.stringify(scaled));
    const config = JSON.parse(fs.readFileSync(path.join(projectDir, "policies", "config", `${stack}.json`), "utf8")) as PolicyConfig;
    const policyConfig = path.join(dir, `${stack}.policy-config.json`);
    fs.writeFileSync(policyConfig, `${JSON.stringify(scaledPolicyConfig(config, doc, scaled), null, 2)}\n`);
    return { file, policyConfig, services: servicesOf(scaled).length };
}

/** Writes the scaled stack file into `dir` as Pulumi.<stack>.yaml, and its policy config beside it. */
export function writeScaledStack(projectDir: string, stack: string, factor: number, dir: string): WrittenStack {
    return writeStack(projectDir, stack, dir, (doc) => scaledStack(doc, factor));
}

/** Writes the stack file with `count` services into `dir` as Pulumi.<stack>.yaml, and its policy config beside it. */
export function writeStackWithServices(projectDir: string, stack: string, count: number, dir: string): WrittenStack {
    return writeStack(projectDir, stack, dir, (doc) => stackWithServices(doc, count));
}
