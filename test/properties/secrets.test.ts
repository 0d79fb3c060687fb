/**
 * Every secret the shipped stacks name (their config's secretRefs, so a secret added
 * tomorrow is covered), given with --secret, never appears in what a plan leaves behind:
 * the terminal output, the export, the findings, the Markdown report or the manifests, raw,
 * base64- or hex-encoded. The values are drawn from the suite's seed; one whole plan per
 * stack in `npm test`, more in the campaign.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { parseStackConfig } from "../../config";
import { readStackFile } from "../../tools/plan/stack-config";
import { main as plan } from "../../tools/plan";
import { run, tmpDir } from "../tools/cli";
import { projectDir, runs, seed, shippedStacks, timeLimit } from "./support";

/** Every way a value may be written down: raw, hex, and base64 at each of the three alignments inside a longer blob. */
function encodings(value: string): Array<{ how: string; text: string }> {
    const out = [
        { how: "raw", text: value },
        { how: "hex", text: Buffer.from(value).toString("hex") },
        { how: "HEX", text: Buffer.from(value).toString("hex").toUpperCase() },
    ];
    for (let pad = 0; pad < 3; pad++) {
        const b64 = Buffer.from("x".repeat(pad) + value).toString("base64");
        // Drop the characters that mix the padding in, and the last, partial group.
        const from = pad === 0 ? 0 : Math.ceil((pad * 8) / 6) + 1;
        const to = Math.floor(((pad + value.length) * 8) / 6) - 1;
        out.push({ how: `base64 (offset ${pad})`, text: b64.slice(from, to) });
        out.push({ how: `base64url (offset ${pad})`, text: Buffer.from("x".repeat(pad) + value).toString("base64url").slice(from, to) });
    }
    return out;
}

function assertNoSecret(what: string, text: string, secrets: ReadonlyMap<string, string>): void {
    for (const [key, value] of secrets) {
        for (const e of encodings(value)) {
            assert.ok(!text.includes(e.text), `${what} holds the secret ${key} (${e.how})`);
        }
    }
}

/** All the files under a folder, concatenated. */
function folderText(dir: string): string {
    if (!fs.existsSync(dir)) return "";
    return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile()).map((f) => fs.readFileSync(f, "utf8")).join("\n");
}

interface Artifacts {
    stack: string;
    secrets: Map<string, string>;
    terminal: string;
    export: string;
    findings: string;
    markdown: string;
    manifests: string;
}

const secretValue = fc.stringMatching(/^[A-Za-z0-9_.:@+-]{16,40}$/).map((s) => `Sv${s}`);

describe("properties: a secret given with --secret appears in no artifact of a plan", function () {
    this.timeout(timeLimit(300_000));
    const planned: Artifacts[] = [];

    before(async () => {
        const n = runs(1, "costly");
        for (let i = 0; i < n; i++) {
            for (const stack of shippedStacks) {
                const file = readStackFile(projectDir, stack);
                const validated = { ...file.config, ...Object.fromEntries(file.encrypted.map((k) => [k, "<encrypted>"])) };
                const refs = parseStackConfig(validated, (k) => file.encrypted.includes(k), file.file, stack).secretRefs;
                const values = fc.sample(fc.array(secretValue, { minLength: refs.length, maxLength: refs.length }), { seed: seed + i * 7919 + stack.length, numRuns: 1 })[0]!;
                const secrets = new Map(refs.map((r, j) => [r.key, values[j]!]));
                const out = tmpDir(`secrets-${stack}`);
                const r = await run(plan, [
                    "--stack", stack,
                    "--json", path.join(out, "findings.json"),
                    "--markdown", path.join(out, "report.md"),
                    "--export", path.join(out, "export.json"),
                    "--manifests", path.join(out, "manifests"),
                    ...[...secrets].flatMap(([k, v]) => ["--secret", `${k}=${v}`]),
                ]);
                assert.ok([0, 1].includes(r.code), `plan ${stack} with its secrets: exit ${r.code}\n${r.stderr}`);
                planned.push({
                    stack,
                    secrets,
                    terminal: `${r.stdout}\n${r.stderr}`,
                    export: fs.readFileSync(path.join(out, "export.json"), "utf8"),
                    findings: fs.readFileSync(path.join(out, "findings.json"), "utf8"),
                    markdown: fs.readFileSync(path.join(out, "report.md"), "utf8"),
                    manifests: folderText(path.join(out, "manifests")),
                });
            }
        }
    });

    it("the detector finds a value hidden raw, hex or base64 (at any alignment) inside a longer text", () => {
        const secrets = new Map([["k", "Sv-a-value-to-hide"]]);
        for (const blob of ["ab Sv-a-value-to-hide cd", Buffer.from("Sv-a-value-to-hide").toString("hex"), ...["", "x", "xy"].map((p) => Buffer.from(`${p}KEY=Sv-a-value-to-hide;`).toString("base64"))]) {
            assert.throws(() => assertNoSecret("the blob", `before ${blob} after`, secrets), /the blob holds the secret k/);
        }
    });

    it("names at least one secret in each shipped stack, so the properties below check something", () => {
        for (const p of planned) assert.ok(p.secrets.size > 0, `${p.stack} names no secret`);
    });

    it("the plans used the secrets (they reached the program: no secret is reported as not given)", () => {
        for (const p of planned) {
            const findings = JSON.parse(p.findings) as { unsetSecrets?: unknown[] };
            assert.deepEqual(findings.unsetSecrets ?? [], [], `${p.stack}: secrets given with --secret were reported unset`);
        }
    });

    for (const artifact of ["terminal", "export", "findings", "markdown", "manifests"] as const) {
        it(`no secret value is in the ${artifact === "terminal" ? "terminal output" : artifact}, raw, hex or base64`, () => {
            for (const p of planned) {
                assert.ok(p[artifact].length > 0, `${p.stack}: the ${artifact} is empty`);
                assertNoSecret(`${p.stack}: the ${artifact}`, p[artifact], p.secrets);
            }
        });
    }
});
