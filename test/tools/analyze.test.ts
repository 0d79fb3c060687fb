/** `npm run analyze` on files written by others, in-process through its `main(argv)`. */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { main as analyze } from "../../tools/analyze";
import type { FindingsFile } from "../../tools/report/findings-file";
import { corpusPath, itCorpus } from "../corpus";
import { readJson, run, tmpDir } from "./cli";

const fixtures = path.resolve(__dirname, "..", "fixtures");

describe("npm run analyze on files written by others (in-process)", function () {
    this.timeout(120_000);
    const out = tmpDir("analyze");

    itCorpus("gates the real manifests of well-known projects and finds allow-all NetworkPolicies", async () => {
        const json = path.join(out, "k8s.json");
        const r = await run(analyze, ["--manifests", corpusPath("k8s-manifests"), "--stack", "production", "--json", json]);
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stdout, /^NO-GO for production: 146 mandatory violations\.$/m);
        const f = readJson<FindingsFile>(json);
        const allowAll = f.violations.filter((v) => v.policy === "workloads-networkpolicy-disallow-allow-all");
        assert.deepEqual(allowAll.map((v) => v.urn), [
            "urn:pulumi:manifests::golive::kubernetes:networking.k8s.io/v1:NetworkPolicy::frontend",
            "urn:pulumi:manifests::golive::kubernetes:networking.k8s.io/v1:NetworkPolicy::monitoring/prometheus-adapter",
        ]);
        assert.deepEqual(f.violations.filter((v) => v.policy === "workloads-hpa-configure-replicas").map((v) => v.urn), [
            "urn:pulumi:manifests::golive::kubernetes:autoscaling/v2:HorizontalPodAutoscaler::gemma-server-hpa",
        ]);
    });

    it("reports what the API server would refuse as a mandatory violation, not a note: requests above limits", async () => {
        const file = path.join(out, "over-limit.yaml");
        fs.writeFileSync(file, [
            "apiVersion: apps/v1", "kind: Deployment", "metadata: {name: api, namespace: shop}",
            "spec:", "  selector: {matchLabels: {app: api}}",
            "  template:", "    metadata: {labels: {app: api}}",
            "    spec:", "      containers:", "        - name: api", "          image: ghcr.io/shop/api:v1.0.0",
            "          resources: {requests: {cpu: \"2\", memory: 1Gi}, limits: {cpu: \"1\", memory: 512Mi}}", "",
        ].join("\n"));
        const json = path.join(out, "over-limit.json");
        const r = await run(analyze, ["--manifests", file, "--stack", "production", "--json", json]);
        assert.equal(r.code, 1, r.stderr + r.stdout);
        const f = readJson<FindingsFile>(json);
        assert.deepEqual(f.violations.filter((v) => v.policy === "workloads-object-enforce-api-validation").map((v) => [v.enforcementLevel, v.message]), [
            ["mandatory", 'Deployment shop/api would be refused by the Kubernetes API server: spec.template.spec.containers[0].resources.requests.cpu "2" exceeds limits.cpu "1"; lower the request or raise the limit (the API server refuses a request above its limit).'],
            ["mandatory", 'Deployment shop/api would be refused by the Kubernetes API server: spec.template.spec.containers[0].resources.requests.memory "1Gi" exceeds limits.memory "512Mi"; lower the request or raise the limit (the API server refuses a request above its limit).'],
        ]);
        assert.doesNotMatch(r.stdout, /schema: .*exceeds/, "reported once, as the policy's violation");
    });

    it("says which objects two files both declare instead of mixing them up", async () => {
        const r = await run(analyze, ["--manifests", path.join(fixtures, "k8s-manifests"), "--stack", "staging"]);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /Deployment shop\/web is declared in both .*shop-copy\.yaml and .*shop\.yaml/);
    });

    it("reads a stack export with encrypted secrets and reports findings on its workloads", async () => {
        const json = path.join(out, "kubernetes.json");
        const r = await run(analyze, ["--file", path.join(fixtures, "stack-exports", "kubernetes-v3.json"), "--stack", "production", "--json", json]);
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stdout, /1 encrypted secret value\(s\) cannot be read offline/);
        const f = readJson<FindingsFile>(json);
        assert.equal(f.stack, "production");
        assert.equal(f.ok, false);
        // The Deployment's own findings, and the stack policies' (no HPA, no PDB, no NetworkPolicy...).
        assert.deepEqual([...new Set(f.violations.map((v) => v.urn))], ["urn:pulumi:prod::shop::kubernetes:apps/v1:Deployment::web", null]);
    });
});
