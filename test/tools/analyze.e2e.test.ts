import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { Findings } from "../../tools/report/findings";
import { corpusPath, itCorpus } from "../corpus";
import { cli, readJson, tmpDir } from "./cli";

const fixtures = path.resolve(__dirname, "..", "fixtures");

describe("npm run analyze on files written by others", function () {
    this.timeout(120_000);
    const out = tmpDir("analyze");

    itCorpus("gates the real manifests of well-known projects and finds allow-all NetworkPolicies", () => {
        const json = path.join(out, "k8s.json");
        const r = cli("analyze", ["--manifests", corpusPath("k8s-manifests"), "--stack", "production", "--json", json]);
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stdout, /^NO-GO for production: \d+ mandatory violations\.$/m);
        const f = readJson<Findings>(json);
        const allowAll = f.violations.filter((v) => v.policy === "workloads-networkpolicy-disallow-allow-all");
        assert.deepEqual(allowAll.map((v) => v.urn), [
            "urn:pulumi:manifests::golive::kubernetes:networking.k8s.io/v1:NetworkPolicy::frontend",
            "urn:pulumi:manifests::golive::kubernetes:networking.k8s.io/v1:NetworkPolicy::monitoring/prometheus-adapter",
        ]);
        assert.ok(f.violations.some((v) => v.policy === "workloads-hpa-configure-replicas"), "the vLLM HPA has minReplicas 1");
    });

    it("says which objects two files both declare instead of mixing them up", () => {
        const r = cli("analyze", ["--manifests", path.join(fixtures, "k8s-manifests"), "--stack", "staging"]);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /Deployment shop\/web is declared in both .*shop-copy\.yaml and .*shop\.yaml/);
    });

    it("reads a stack export with encrypted secrets and reports findings on its workloads", () => {
        const json = path.join(out, "kubernetes.json");
        const r = cli("analyze", ["--file", path.join(fixtures, "stack-exports", "kubernetes-v3.json"), "--stack", "production", "--json", json]);
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stdout, /1 encrypted secret value\(s\) cannot be read offline/);
        const f = readJson<Findings>(json);
        assert.equal(f.stack, "production");
        assert.equal(f.ok, false);
        assert.ok(f.violations.length > 0);
        assert.ok(f.violations.every((v) => v.urn === null || /^urn:pulumi:[^:]+::[^:]+::kubernetes:/.test(v.urn)));
    });
});
