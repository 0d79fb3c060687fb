/**
 * Through the analyze command in-process: `npm run analyze -- --file <export> --now <time>`
 * hands the clock to the served pack (GOLIVE_NOW), and a certificate expiring within 30
 * days of that time fails the gate, naming the pack. The export is the production edge as
 * the program declares it, after an update: addresses allocated, certificates issued.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { Edge } from "../../../components/edge";
import { Workloads } from "../../../components/workloads";
import { main as analyze } from "../../../tools/analyze";
import type { FindingsFile } from "../../../tools/report/findings-file";
import { edgeStackArgs, workloadsWithEdge } from "../../components/edge/fixtures";
import { engineResources } from "../../components/edge/harness";
import { run, readJson, tmpDir } from "../../tools/cli";

const ip = "203.0.113.10";

describe("npm run analyze --now on an updated edge (in-process, policy pack over gRPC)", function () {
    this.timeout(120_000);

    it("fails a certificate with 12 days left at the --now time, and only that", async () => {
        const declared = await engineResources(() => {
            new Edge("edge", edgeStackArgs("production"));
            new Workloads("platform", workloadsWithEdge("production"));
        });
        const kept = declared.filter((r) => !r.type.startsWith("kubernetes:") || r.type.endsWith(":Gateway"));
        const resources = kept.map((r) => {
            const outputs: Record<string, unknown> = structuredClone(r.inputs);
            if (r.type === "gcp:compute/globalAddress:GlobalAddress") outputs["address"] = ip;
            if (r.type === "cloudflare:index/dnsRecord:DnsRecord" && outputs["type"] === "A") outputs["content"] = ip;
            if (r.type === "cloudflare:index/healthcheck:Healthcheck") outputs["address"] = ip;
            if (r.type === "cloudflare:index/certificatePack:CertificatePack") {
                outputs["status"] = "active";
                outputs["certificates"] = [{ id: "c1", hosts: ["teei.example.com", "*.teei.example.com"], issuer: "GoogleTrustServices", status: "active", expiresOn: "2030-01-13T09:00:00Z" }];
            }
            return { urn: r.urn, custom: r.custom, type: r.type, id: r.custom ? `id-${r.urn.length}` : undefined, inputs: r.inputs, outputs, parent: r.parent, protect: r.protect, dependencies: r.dependencies, propertyDependencies: r.propertyDependencies, provider: r.provider };
        });
        const out = tmpDir("edge-expiry");
        const file = path.join(out, "export.json");
        fs.writeFileSync(file, JSON.stringify({ version: 3, deployment: { manifest: { time: "2030-01-01T00:00:00Z", magic: "", version: "v3.270.0" }, resources } }));
        const json = path.join(out, "findings.json");

        const r = await run(analyze, ["--file", file, "--stack", "production", "--json", json, "--now", "2030-01-01T09:00:00Z"]);

        assert.equal(r.code, 1, r.stderr + r.stdout);
        assert.match(r.stdout, /^NO-GO for production: 1 mandatory violation\.$/m);
        const f = readJson<FindingsFile>(json);
        assert.deepEqual(f.violations.map((v) => [v.policy, v.enforcementLevel, v.message]), [[
            "edge-certificate-require-remaining-validity", "mandatory",
            "Certificate pack edge-certificates: the certificate for teei.example.com, *.teei.example.com expires 2030-01-13T09:00:00.000Z and has 12 days left as of 2030-01-01T09:00:00.000Z, under the 30 days the runbook asks for. Find out why the pack did not renew (status, validation records, CAA), then re-order it.",
        ]]);
        assert.deepEqual(f.notEvaluated, []);
        const status = (id: string) => f.checklist.find((c) => c.id === id)?.status;
        assert.deepEqual(["004.infra.tls-expiry", "004.infra.tls-certificates", "004.infra.dns-ttl", "004.infra.cdn-cache", "004.services.rate-limits", "004.services.cors-csp", "004.rollback.frontend"].map(status), ["FAIL", "PASS", "PASS", "PASS", "PASS", "PASS", "PASS"]);
    });
});
