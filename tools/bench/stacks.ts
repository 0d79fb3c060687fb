/**
 * The bench's stacks: the production stack file with its services repeated `factor` times.
 * Copy 0 is production itself (so 1x is exactly the shipped stack); copy k renames each
 * service `<name>-<k>`, its public host `<host>-<k>`, its callers to the same copy's services
 * and its rollback target to the original's version. Every area stays declared: each
 * service brings its workloads, monitoring (alerts, SLOs, uptime checks) and edge host;
 * Firestore and the zone-wide edge settings are per stack, as in production.
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

/** The stack document (as parsed from YAML) with its services repeated `factor` times. */
export function scaledStack(doc: { config: Record<string, unknown> }, factor: number): { config: Record<string, unknown> } {
    if (!Number.isInteger(factor) || factor < 1) throw new Error(`scale ${factor}: expected a whole number of copies, 1 or more`);
    const services = doc.config["golive:services"] as Service[] | undefined;
    if (!services?.length) throw new Error("the stack declares no golive:services to scale");
    const copies: Service[] = [];
    for (let k = 0; k < factor; k++) {
        for (const s of services) {
            copies.push({
                ...structuredClone(s),
                name: copyName(s.name, k),
                ...(s.host !== undefined ? { host: copyName(s.host, k) } : {}),
                ...(s.calledBy !== undefined ? { calledBy: s.calledBy.map((c) => copyName(c, k)) } : {}),
            });
        }
    }
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

/** Writes the scaled stack file into `dir` as Pulumi.<stack>.yaml; returns its path and service count. */
export function writeScaledStack(projectDir: string, stack: string, factor: number, dir: string): { file: string; services: number } {
    const doc = YAML.parse(fs.readFileSync(path.join(projectDir, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
    const scaled = scaledStack(doc, factor);
    const file = path.join(dir, `Pulumi.${stack}.yaml`);
    fs.writeFileSync(file, YAML.stringify(scaled));
    return { file, services: (scaled.config["golive:services"] as Service[]).length };
}
