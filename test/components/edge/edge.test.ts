import * as assert from "node:assert/strict";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { Edge, EdgeArgsError } from "../../../components/edge";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { edgeStackArgs, types } from "./fixtures";
import { byName, engineResources } from "./harness";

const zone = "3f1c9a0b7d2e4c6f8a1b3d5e7f9a0c2e";

describe("Edge", () => {
    let production: EngineResource[];

    before(async () => {
        production = await engineResources(() => new Edge("edge", edgeStackArgs("production")));
    });

    it("declares exactly the production edge, every resource named from a stable key", () => {
        const names = production.map((r) => `${r.type.slice(r.type.lastIndexOf(":") + 1)}::${r.urn.slice(r.urn.lastIndexOf("::") + 2)}`).sort();
        assert.deepEqual(names, [
            "Bucket::edge-static-bucket",
            "BucketIAMMember::edge-static-public-read",
            "CertificatePack::edge-certificates",
            "DnsRecord::edge-caa-issue",
            "DnsRecord::edge-caa-issuewild",
            "DnsRecord::edge-host-api",
            "DnsRecord::edge-host-cockpit",
            "DnsRecord::edge-static-host",
            "Edge::edge",
            "GlobalAddress::edge-address",
            "Healthcheck::edge-health-api",
            "Healthcheck::edge-health-cockpit",
            "Ruleset::edge-cache",
            "Ruleset::edge-rate-limits",
            "Ruleset::edge-response-headers",
            "Ruleset::edge-static-origin",
            "Ruleset::edge-static-rewrite",
            "StaticFrontend::edge-static",
            "ZoneDnssec::edge-dnssec",
            "ZoneSetting::edge-always-use-https",
            "ZoneSetting::edge-automatic-https-rewrites",
            "ZoneSetting::edge-min-tls-version",
            "ZoneSetting::edge-security-header",
            "ZoneSetting::edge-ssl",
            "ZoneSetting::edge-tls-1-3",
        ]);
    });

    it("parents every resource to the component, the frontend's to its own component", () => {
        const edge = byName(production, types.edge, "edge");
        const frontend = byName(production, types.staticFrontend, "edge-static");
        for (const r of production.filter((x) => x !== edge)) {
            const expected = r.urn.includes("::edge-static-") ? frontend.urn : edge.urn;
            assert.equal(r.parent, expected, r.urn);
        }
    });

    it("reserves the Gateway's global address and protects it in production", () => {
        const address = byName(production, types.globalAddress, "edge-address");
        assert.equal(address.inputs["name"], "teei-prod-gateway");
        assert.equal(address.inputs["addressType"], "EXTERNAL");
        assert.equal(address.protect, true);
    });

    it("points each service host's proxied record at the reserved address, known only after it is created", () => {
        const address = byName(production, types.globalAddress, "edge-address");
        for (const host of ["api", "cockpit"]) {
            const record = byName(production, types.dnsRecord, `edge-host-${host}`);
            assert.deepEqual(record.inputs, {
                zoneId: zone, name: `${host}.teei.example.com`, type: "A", content: unknownValue, proxied: true, ttl: 1,
                comment: `golive: ${host}.teei.example.com -> Gateway address teei-prod-gateway`,
            });
            assert.deepEqual(record.propertyDependencies["content"], [address.urn]);
        }
    });

    it("health-checks each service host on its health path through the Gateway", () => {
        const check = byName(production, types.healthcheck, "edge-health-api");
        assert.equal(check.inputs["address"], unknownValue);
        assert.equal(check.inputs["type"], "HTTPS");
        assert.deepEqual(check.inputs["httpConfig"], { method: "GET", path: "/health", port: 443, expectedCodes: ["200"], followRedirects: false, allowInsecure: false, header: { Host: ["api.teei.example.com"] } });
    });

    it("refuses arguments that name an API host no service has, before registering anything", async () => {
        const args = { ...edgeStackArgs("production"), apiHosts: ["apix"] };
        const registered = await engineResources(() => assert.throws(() => new Edge("bad", args), (e: unknown) => e instanceof EdgeArgsError && e.message === 'edge.apiHosts: "apix" is no service\'s host; expected one of api, cockpit'));
        assert.deepEqual(registered, []);
    });

    it("declares staging in its own zone, for its own names", async () => {
        const staging = await engineResources(() => new Edge("edge", edgeStackArgs("staging")));
        const zones = new Set(staging.filter((r) => r.type.startsWith("cloudflare:")).map((r) => r.inputs["zoneId"]));
        assert.deepEqual([...zones], ["8e2d4f6a0b1c3e5d7f9a2b4c6d8e0f1a"]);
        assert.deepEqual(byName(staging, types.certificatePack, "edge-certificates").inputs["hosts"], ["staging.teei.example.com", "*.staging.teei.example.com"]);
        assert.equal(byName(staging, types.globalAddress, "edge-address").protect, false);
    });
});
