/**
 * The real entry points, each in its own process as a user runs it (node, the loader the npm scripts use, the
 * command file, its own policy pack): everything else is tested in-process.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { FindingsFile } from "../../tools/report/findings-file";
import { cli, readJson, tmpDir, writeJson } from "./cli";

describe("the commands' entry points (subprocesses)", function () {
    this.timeout(180_000);
    const out = tmpDir("entry");
    const json = path.join(out, "production.json");
    const exported = path.join(out, "production-export.json");

    it("npm run plan -- --stack production: GO, exit 0, with its findings and export written", () => {
        const r = cli("plan", ["--stack", "production", "--json", json, "--export", exported]);
        assert.equal(r.code, 0, r.stderr + r.stdout);
        assert.match(r.stdout, /^GO for production: no mandatory violations; /m);
        assert.equal(readJson<FindingsFile>(json).ok, true);
        // As a user's loader runs it, the ESM-only Kubernetes schemas load and judge every object they cover.
        assert.match(r.stderr, /^· 35 Kubernetes objects validated against the Kubernetes schemas; 9 with no schema to validate against/m);
    });

    it("npm run plan with a policy config value the policy's schema refuses: exit 2, one line per problem, before planning", () => {
        const config = writeJson(out, "bad-policy-config.json", { all: "mandatory", "workloads-hpa-configure-replicas": { minReplicas: "two" } });
        const r = cli("plan", ["--stack", "production", "--policy-pack-config", config]);
        assert.equal(r.code, 2, r.stderr + r.stdout);
        assert.deepEqual(r.stderr.split("\n").filter((l) => l.startsWith("error: ")), [
            `error: ${config}: workloads-hpa-configure-replicas.minReplicas: "two" must be integer; the policy's configSchema: {"default":2,"minimum":1,"type":"integer"} (remove it to use the default 2)`,
        ]);
        assert.doesNotMatch(r.stderr, /planning stack|\n\s+at /);
        assert.equal(r.stdout, "");
    });

    it("npm run analyze -- --file <the plan's export>: the plan's verdict again, exit 0", () => {
        const again = path.join(out, "analyze.json");
        const r = cli("analyze", ["--file", exported, "--stack", "production", "--json", again]);
        assert.equal(r.code, 0, r.stderr + r.stdout);
        assert.deepEqual(readJson<FindingsFile>(again).checklist, readJson<FindingsFile>(json).checklist);
    });
});
