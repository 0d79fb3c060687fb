/**
 * npm run engine:build [-- --force] [-- --check-pin]
 * Builds the real Pulumi CLI (`pulumi`, from github.com/pulumi/pulumi/pkg/v3 at the version
 * engine/go.mod pins) and golive's Node.js language host (`pulumi-language-nodejs`, which
 * starts Node.js policy packs for it) into the engine cache outside the clone (layout.ts),
 * and links .engine to it. Idempotent: when a build from the same go.mod, go.sum, host
 * source and Go toolchain is in the cache (from any clone), it does nothing.
 * `--check-pin` asks the Go module proxy which CLI version is closest to the @pulumi/pulumi
 * SDK in package-lock.json and says whether the pin is that one (exit 1 when it is not).
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { InputError } from "../cli/errors";
import { exitWith, parse, runCommand } from "../cli/command";
import {
    buildLayout, byCloseness, cliModule, cliPackage, engineLink, goModuleDir, languageHostPackage, layoutAt, lockedSdkVersion,
    pinnedVersion, versionVariable, type EngineBuild,
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

function readStamp(build: EngineBuild): Stamp | undefined {
    try {
        return JSON.parse(fs.readFileSync(build.stampFile, "utf8")) as Stamp;
    } catch {
        return undefined;
    }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** Where this checkout's build is (or goes): keyed by the pinned version and the inputs hash. */
export function currentBuild(go = findGo()): EngineBuild {
    return buildLayout(pinnedVersion(), inputsHash(go));
}

/** A build is complete when its stamp, written last, and both binaries exist. */
function complete(build: EngineBuild): boolean {
    return readStamp(build) !== undefined && fs.existsSync(build.pulumiBin) && fs.existsSync(build.languageHostBin);
}

/** The built binaries are current when the build for this checkout's inputs is complete. */
export function isCurrent(go = findGo()): boolean {
    return complete(currentBuild(go));
}

/** Points the clone's .engine at the build (a convenience for PATH=$PWD/.engine/bin). */
function link(build: EngineBuild, log: Log): void {
    try {
        if (fs.lstatSync(engineLink).isSymbolicLink() && fs.readlinkSync(engineLink) === build.dir) return;
        fs.rmSync(engineLink, { recursive: true, force: true });
    } catch {
        // no link yet
    }
    fs.symlinkSync(build.dir, engineLink);
    log(`linked ${path.relative(process.cwd(), engineLink) || engineLink} -> ${build.dir}`);
}

/** Builds what is missing; returns the build and whether it built anything. */
export function ensureEngine(opts: { force?: boolean; log?: Log } = {}): { build: EngineBuild; built: boolean } {
    const log = opts.log ?? ((line: string) => console.log(`engine: ${line}`));
    const go = findGo();
    const version = pinnedVersion();
    const build = currentBuild(go);
    if (!opts.force && complete(build)) {
        const stamp = readStamp(build)!;
        log(`pulumi ${version} and pulumi-language-nodejs are built in ${build.dir} (${stamp.builtAt}, from this checkout's engine/go.mod, go.sum, host source and ${stamp.go}); nothing to do`);
        link(build, log);
        return { build, built: false };
    }
    const goVersion = capture(go, ["env", "GOVERSION"]);
    log(`building the Pulumi CLI ${version} (SDK in package-lock.json: ${lockedSdkVersion()}) with ${goVersion} into ${build.dir}; GOMODCACHE ${capture(go, ["env", "GOMODCACHE"])}, GOCACHE ${capture(go, ["env", "GOCACHE"])}`);
    // Built beside the target and renamed into place: an interrupted build leaves no half build
    // under the name a later run would trust, and two clones building at once do not mix.
    const staging = `${build.dir}.partial-${process.pid}`;
    const tmp = layoutAt(staging);
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(tmp.binDir, { recursive: true });
    // Low priority: the machine is shared, and the CLI is a few thousand packages to compile.
    const nice = spawnSync("nice", ["--version"]).status === 0 ? ["nice", "-n", "10"] : [];
    const env = { ...process.env, GOFLAGS: `${process.env["GOFLAGS"] ?? ""} -mod=readonly`.trim() };
    const targets = [
        { name: "pulumi", out: tmp.pulumiBin, pkg: cliPackage, ldflags: `-s -w -X ${versionVariable}=${version}` },
        { name: "pulumi-language-nodejs", out: tmp.languageHostBin, pkg: languageHostPackage, ldflags: "-s -w" },
    ];
    const seconds: Record<string, number> = {};
    const bytes: Record<string, number> = {};
    try {
        for (const t of targets) {
            const args = [...nice, go, "build", "-trimpath", "-ldflags", t.ldflags, "-o", t.out, t.pkg];
            log(`$ (cd engine && ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(" ")})`);
            const t0 = Date.now();
            const r = spawnSync(args[0]!, args.slice(1), { cwd: goModuleDir, env, stdio: ["ignore", "inherit", "inherit"] });
            if (r.status !== 0) throw new Error(`go build of ${t.pkg} failed (exit ${r.status ?? r.signal}); see the compiler output above`);
            const took = (seconds[t.name] = Math.round((Date.now() - t0) / 100) / 10);
            const size = (bytes[t.name] = fs.statSync(t.out).size);
            log(`built ${t.name} in ${took} s, ${mb(size)}`);
        }
        const reported = capture(tmp.pulumiBin, ["version"], { env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } });
        if (reported !== version) throw new Error(`${tmp.pulumiBin} reports version ${reported}, expected ${version}`);
        const next: Stamp = { version, go: goVersion, inputs: inputsHash(go), builtAt: new Date().toISOString(), seconds, bytes };
        fs.writeFileSync(tmp.stampFile, `${JSON.stringify(next, null, 2)}\n`);
        fs.rmSync(build.dir, { recursive: true, force: true });
        fs.renameSync(staging, build.dir);
    } finally {
        fs.rmSync(staging, { recursive: true, force: true });
    }
    link(build, log);
    log(`done: ${Object.entries(seconds).map(([n, s]) => `${n} ${s} s`).join(", ")}; ${build.dir} holds ${mb(Object.values(bytes).reduce((a, b) => a + b, 0))}`);
    return { build, built: true };
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
if (require.main === module) exitWith(runCommand(() => Promise.resolve().then(main)));
