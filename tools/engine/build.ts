/**
 * npm run engine:build [-- --force] [-- --check-pin]
 * Builds the real Pulumi CLI (`pulumi`, from github.com/pulumi/pulumi/pkg/v3 at the version
 * engine/go.mod pins) and golive's Node.js language host (`pulumi-language-nodejs`, which
 * starts Node.js policy packs for it) into .engine/bin. Idempotent: when the binaries were
 * built from the same go.mod, go.sum, host source and Go toolchain, it does nothing.
 * `--check-pin` asks the Go module proxy which CLI version is closest to the @pulumi/pulumi
 * SDK in package-lock.json and says whether the pin is that one (exit 1 when it is not).
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { InputError } from "../cli/errors";
import { parse, run } from "../cli/main";
import {
    binDir, byCloseness, cliModule, cliPackage, engineDir, goModuleDir, languageHostBin, languageHostPackage,
    lockedSdkVersion, pinnedVersion, pulumiBin, stampFile, versionVariable,
} from "./layout";

interface Stamp {
    version: string;
    go: string;
    inputs: string;
    builtAt: string;
    seconds: Record<string, number>;
    bytes: Record<string, number>;
}

type Log = (line: string) => void;

/** The go command: on PATH, else where the Go tarball installs it. */
export function findGo(): string {
    const onPath = spawnSync("go", ["version"], { encoding: "utf8" });
    if (onPath.status === 0) return "go";
    const usual = "/usr/local/go/bin/go";
    if (fs.existsSync(usual)) return usual;
    throw new InputError("the go command is not on PATH nor at /usr/local/go/bin/go; install Go 1.26 (https://go.dev/dl) to build the Pulumi CLI");
}

function capture(cmd: string, args: string[], opts: SpawnSyncOptions = {}): string {
    const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status}): ${String(r.stderr).trim()}`);
    return String(r.stdout).trim();
}

/** Everything a build depends on that this repository controls, hashed. */
function inputsHash(go: string): string {
    const h = crypto.createHash("sha256");
    const files = ["go.mod", "go.sum"];
    const walk = (dir: string) => {
        for (const e of fs.readdirSync(path.join(goModuleDir, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const rel = path.join(dir, e.name);
            if (e.isDirectory()) walk(rel);
            else if (e.name.endsWith(".go")) files.push(rel);
        }
    };
    walk("cmd");
    for (const f of files) h.update(`${f}\0`).update(fs.readFileSync(path.join(goModuleDir, f))).update("\0");
    h.update(capture(go, ["version"]));
    return h.digest("hex");
}

function readStamp(): Stamp | undefined {
    try {
        return JSON.parse(fs.readFileSync(stampFile, "utf8")) as Stamp;
    } catch {
        return undefined;
    }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** The built binaries are current when the stamp matches this checkout and both exist. */
export function isCurrent(go = findGo()): boolean {
    const stamp = readStamp();
    return stamp !== undefined && stamp.inputs === inputsHash(go) && fs.existsSync(pulumiBin) && fs.existsSync(languageHostBin);
}

/** Builds what is missing or stale; returns whether it built anything. */
export function ensureEngine(opts: { force?: boolean; log?: Log } = {}): boolean {
    const log = opts.log ?? ((line: string) => console.log(`engine: ${line}`));
    const go = findGo();
    const version = pinnedVersion();
    const inputs = inputsHash(go);
    const stamp = readStamp();
    if (!opts.force && stamp?.inputs === inputs && fs.existsSync(pulumiBin) && fs.existsSync(languageHostBin)) {
        log(`pulumi ${version} and pulumi-language-nodejs are built in ${path.relative(process.cwd(), binDir) || binDir} (${stamp.builtAt}); nothing to do`);
        return false;
    }
    const goVersion = capture(go, ["env", "GOVERSION"]);
    log(`building the Pulumi CLI ${version} (SDK in package-lock.json: ${lockedSdkVersion()}) with ${goVersion}, GOMODCACHE ${capture(go, ["env", "GOMODCACHE"])}`);
    fs.mkdirSync(binDir, { recursive: true });
    // Low priority: the machine is shared, and the CLI is a few thousand packages to compile.
    const nice = spawnSync("nice", ["--version"]).status === 0 ? ["nice", "-n", "10"] : [];
    const env = { ...process.env, GOFLAGS: `${process.env["GOFLAGS"] ?? ""} -mod=readonly`.trim() };
    const targets = [
        { name: "pulumi", out: pulumiBin, pkg: cliPackage, ldflags: `-s -w -X ${versionVariable}=${version}` },
        { name: "pulumi-language-nodejs", out: languageHostBin, pkg: languageHostPackage, ldflags: "-s -w" },
    ];
    const seconds: Record<string, number> = {};
    const bytes: Record<string, number> = {};
    for (const t of targets) {
        // Build beside the target and rename: a failed or interrupted build leaves the old binary or none.
        const tmp = `${t.out}.partial-${process.pid}`;
        const args = [...nice, go, "build", "-trimpath", "-ldflags", t.ldflags, "-o", tmp, t.pkg];
        log(`$ (cd engine && ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(" ")})`);
        const t0 = Date.now();
        const r = spawnSync(args[0]!, args.slice(1), { cwd: goModuleDir, env, stdio: ["ignore", "inherit", "inherit"] });
        if (r.status !== 0) {
            fs.rmSync(tmp, { force: true });
            throw new Error(`go build of ${t.pkg} failed (exit ${r.status ?? r.signal}); see the compiler output above`);
        }
        fs.renameSync(tmp, t.out);
        const took = (seconds[t.name] = Math.round((Date.now() - t0) / 100) / 10);
        const size = (bytes[t.name] = fs.statSync(t.out).size);
        log(`built ${path.basename(t.out)} in ${took} s, ${mb(size)}`);
    }
    const reported = capture(pulumiBin, ["version"], { env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } });
    if (reported !== version) throw new Error(`${pulumiBin} reports version ${reported}, expected ${version}`);
    const next: Stamp = { version, go: goVersion, inputs, builtAt: new Date().toISOString(), seconds, bytes };
    fs.writeFileSync(stampFile, `${JSON.stringify(next, null, 2)}\n`);
    log(`done: ${Object.entries(seconds).map(([n, s]) => `${n} ${s} s`).join(", ")}; ${engineDir} holds ${mb(Object.values(bytes).reduce((a, b) => a + b, 0))}`);
    return true;
}

/** Which served CLI version is closest to the SDK, checked against the module proxy. */
export function closestServed(go = findGo()): { sdk: string; closest: string | undefined; tried: string[] } {
    const sdk = lockedSdkVersion();
    const listed = capture(go, ["list", "-m", "-versions", cliModule], { cwd: os.tmpdir(), env: { ...process.env, GOFLAGS: "" } }).split(/\s+/).slice(1);
    const tried: string[] = [];
    for (const v of byCloseness(sdk, listed)) {
        tried.push(v);
        // A listed version may still be refused by the proxy; only a download proves it is served.
        const r = spawnSync(go, ["mod", "download", "-json", `${cliModule}@${v}`], { cwd: os.tmpdir(), encoding: "utf8", env: { ...process.env, GOFLAGS: "" } });
        if (r.status === 0) return { sdk, closest: v, tried };
        if (tried.length >= 6) break;
    }
    return { sdk, closest: undefined, tried };
}

function main(): number {
    const args = parse(process.argv.slice(2), { force: { type: "boolean" }, "check-pin": { type: "boolean" } }, "npm run engine:build [-- --force] [-- --check-pin]");
    const t0 = Date.now();
    if (args["check-pin"]) {
        const pinned = pinnedVersion();
        const { sdk, closest, tried } = closestServed();
        console.log(`engine: @pulumi/pulumi ${sdk} in package-lock.json; pinned CLI ${pinned}; closest served ${closest ?? "none"} (tried ${tried.join(", ")})`);
        return closest === pinned ? 0 : 1;
    }
    ensureEngine({ force: args.force === true });
    console.log(`engine: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return 0;
}

// Through a promise, so a bad argument thrown by main is reported like any other input error.
if (require.main === module) run(() => Promise.resolve().then(main));
