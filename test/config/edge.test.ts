import { strict as assert } from "node:assert";
import { parseStackConfig } from "../../config";
import { rateLimitTiers } from "../../policies/edge/thresholds";
import { editedProduction, productionProblems, rawConfig } from "./stack-files";

const file = "Pulumi.production.yaml";

const problems = productionProblems;

describe("stack config: golive:edge", () => {
    it("fills the runbook's values as defaults, from the pack's single definition", () => {
        const e = parseStackConfig(rawConfig("production"), () => false, file, "production").edge!;
        assert.deepEqual(e.rateLimits, rateLimitTiers);
        assert.deepEqual([e.dnsTtl, e.minTlsVersion, e.hstsMaxAgeSeconds, e.certificateValidityDays, e.tierHeader, e.apiKeyHeader], [300, "1.2", 15552000, 90, "x-tenant-tier", "x-api-key"]);
        assert.deepEqual(e.static, { host: "static", activeRelease: "v2.5.0", previousRelease: "v2.4.9", uploaderCidrs: ["203.0.113.16/28"] });
    });

    it("refuses a previous release equal to the active one", () => {
        const raw = editedProduction("edge", (e) => ({ ...e, static: { ...e.static, previousRelease: "v2.5.0" } }));
        assert.deepEqual(problems(raw), [`${file}: golive:edge.static.previousRelease: must differ from activeRelease, or a rollback serves the same release (got "v2.5.0")`]);
    });

    it("refuses HSTS under 6 months, TLS 1.1 and 30-day certificates, naming each key", () => {
        const raw = editedProduction("edge", (e) => ({ ...e, hstsMaxAgeSeconds: 86400, minTlsVersion: "1.1", certificateValidityDays: 30 }));
        assert.deepEqual(problems(raw), [
            `${file}: golive:edge.minTlsVersion: expected one of "1.2", "1.3", got "1.1"`,
            `${file}: golive:edge.hstsMaxAgeSeconds: must be at least 15552000 (6 months) (got 86400)`,
            `${file}: golive:edge.certificateValidityDays: must be 90 or 365: a 14- or 30-day certificate never has 30 days left (got 30)`,
        ]);
    });

    it("refuses a zone id that is not one and a release name that cannot be a prefix", () => {
        const raw = editedProduction("edge", (e) => ({ ...e, zoneId: "teei.example.com", static: { ...e.static, activeRelease: "V2 5" } }));
        assert.deepEqual(problems(raw), [
            `${file}: golive:edge.zoneId: must be a Cloudflare zone id (32 hex characters) (got "teei.example.com")`,
            `${file}: golive:edge.static.activeRelease: must be a release name such as v2.5.0: lowercase letters, digits, '.', '_' or '-', at most 63 characters (got "V2 5")`,
        ]);
    });

    it("names an unknown edge key", () => {
        const raw = editedProduction("edge", (e) => ({ ...e, rateLimit: {} }));
        assert.deepEqual(problems(raw), [`${file}: golive:edge.rateLimit: unknown key; remove it or check its spelling`]);
    });
});
