/**
 * Where the real Pulumi engine lives: the Go wrapper module that pins it (engine/go.mod,
 * committed), and the build, outside the clone so every clone on a machine (CI's among them)
 * reuses it: <cache>/<version>-<inputs>/, keyed by the pinned version and a hash of what
 * the build depends on. `.engine` in the clone (git-ignored) links to the current build.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { projectDir } from "../cli/command";

export const goModuleDir = path.join(projectDir, "engine");
/** The clone's link to the build it uses, for a user's PATH (`.engine/bin`). */
export const engineLink = path.join(projectDir, ".engine");

/** $GOLIVE_ENGINE_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/golive/engine. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
    if (env["GOLIVE_ENGINE_CACHE"]) return path.resolve(env["GOLIVE_ENGINE_CACHE"]);
    const xdg = env["XDG_CACHE_HOME"] ? path.resolve(env["XDG_CACHE_HOME"]) : path.join(os.homedir(), ".cache");
    return path.join(xdg, "golive", "engine");
}

export interface EngineBuild {
    /** <cache>/<version>-<first 12 hex digits of the inputs hash> */
    dir: string;
    binDir: string;
    pulumiBin: string;
    languageHostBin: string;
    /** What was built, from what, how long it took (written last: a build without it is incomplete). */
    stampFile: string;
}

export function buildLayout(version: string, inputsHash: string, root = cacheRoot()): EngineBuild {
    return layoutAt(path.join(root, `${version}-${inputsHash.slice(0, 12)}`));
}

/** The files of a build folder. */
export function layoutAt(dir: string): EngineBuild {
    const binDir = path.join(dir, "bin");
    return { dir, binDir, pulumiBin: path.join(binDir, "pulumi"), languageHostBin: path.join(binDir, "pulumi-language-nodejs"), stampFile: path.join(dir, "build.json") };
}

export const cliModule = "github.com/pulumi/pulumi/pkg/v3";
export const cliPackage = `${cliModule}/cmd/pulumi`;
/** The linker variable the CLI reports as its version (`pulumi version`). */
export const versionVariable = "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version";
/** golive's own language host, in the wrapper module (see its package comment for why). */
export const languageHostPackage = "./cmd/pulumi-language-nodejs";

/** The CLI version engine/go.mod pins (one place: `require github.com/pulumi/pulumi/pkg/v3 vX`). */
export function pinnedVersion(goMod = path.join(goModuleDir, "go.mod")): string {
    const text = fs.readFileSync(goMod, "utf8");
    const m = new RegExp(`^\\s*(?:require\\s+)?${cliModule.replace(/[./]/g, "\\$&")}\\s+(v\\S+)`, "m").exec(text);
    if (!m) throw new Error(`${goMod}: no requirement on ${cliModule}; expected a line "${cliModule} v3.x.y"`);
    return m[1]!;
}

/** The @pulumi/pulumi version package-lock.json installs: the SDK the engine should match. */
export function lockedSdkVersion(lockFile = path.join(projectDir, "package-lock.json")): string {
    const lock = JSON.parse(fs.readFileSync(lockFile, "utf8")) as { packages?: Record<string, { version?: string }> };
    const version = lock.packages?.["node_modules/@pulumi/pulumi"]?.version;
    if (!version) throw new Error(`${lockFile}: no node_modules/@pulumi/pulumi entry; run npm install`);
    return version;
}

/** Parses "v3.274.0" or "3.274.0" (pre-release and build suffixes are not versions we pin). */
export function parseVersion(v: string): [number, number, number] | undefined {
    const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(v.trim());
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/**
 * Orders candidate versions by how far each is from `target`: first by minor releases
 * apart, then by patch, the older one first on a tie (it is what the SDK was tested with).
 */
export function byCloseness(target: string, candidates: readonly string[]): string[] {
    const t = parseVersion(target);
    if (!t) throw new Error(`not a version: ${target}`);
    const distance = (v: [number, number, number]) => [Math.abs(v[0] - t[0]) * 1e6 + Math.abs(v[1] - t[1]), Math.abs(v[2] - t[2])] as const;
    return candidates
        .map((c) => ({ c, v: parseVersion(c) }))
        .filter((x): x is { c: string; v: [number, number, number] } => x.v !== undefined)
        .sort((a, b) => {
            const [da, db] = [distance(a.v), distance(b.v)];
            return da[0] - db[0] || da[1] - db[1] || a.v[1] - b.v[1] || a.v[2] - b.v[2];
        })
        .map((x) => x.c);
}
