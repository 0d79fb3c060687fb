import { strict as assert } from "node:assert";
import {
    compareQuantities, compareVersions, dns1035LabelProblem, dns1123SubdomainProblem, ianaServiceNameProblem, labelValueProblem, parseQuantity,
    parseVersion, qualifiedNameProblem, rollbackVersionProblem, type Quantity,
} from "../../policies/lib";

function q(text: string | number): Quantity {
    const v = parseQuantity(text);
    assert.ok(v, `${text} should parse`);
    return v;
}

describe("Kubernetes quantities (policies/lib/kubernetes-api)", () => {
    it("reads every notation the API server reads as the same exact value", () => {
        const same: Array<[string | number, string | number]> = [
            ["250m", "0.25"], ["1", "1000m"], [1, "1"], ["1.5", "1500m"], ["512Mi", 536870912], ["1Gi", "1024Mi"],
            ["1e3", "1k"], ["1E3", 1000], ["2E", "2e18"], [".5", "500m"], ["1.", "1"], ["+3", "3"], ["0.1", "100m"],
        ];
        for (const [a, b] of same) assert.equal(compareQuantities(q(a), q(b)), 0, `${a} = ${b}`);
    });

    it("orders quantities exactly, with no floating-point rounding", () => {
        assert.equal(compareQuantities(q("2"), q("1")), 1);
        assert.equal(compareQuantities(q("1Gi"), q("512Mi")), 1);
        assert.equal(compareQuantities(q("1G"), q("1Gi")), -1);
        assert.equal(compareQuantities(q("0.3"), q("300000001e-9")), -1);
    });

    it("refuses what is not a quantity", () => {
        for (const bad of ["", "1e", "2 cores", "1.5.5", "1Kb", "one", "1mi", "--1", "1e999", Number.NaN]) {
            assert.equal(parseQuantity(bad), undefined, String(bad));
        }
    });
});

describe("Kubernetes name formats (policies/lib/kubernetes-api)", () => {
    it("tells a DNS-1035 label from a DNS-1123 subdomain", () => {
        assert.equal(dns1123SubdomainProblem("2fa.api"), undefined);
        assert.match(dns1035LabelProblem("2fa") ?? "", /starting with a letter/);
        assert.match(dns1123SubdomainProblem("a".repeat(254)) ?? "", /at most 253 characters \(got 254\)/);
    });

    it("reads label keys with and without a prefix", () => {
        assert.equal(qualifiedNameProblem("app.kubernetes.io/name"), undefined);
        assert.equal(qualifiedNameProblem("tier"), undefined);
        assert.equal(qualifiedNameProblem("/name"), "has an empty prefix before '/'");
        assert.equal(qualifiedNameProblem("example.com/"), "has an empty name");
        assert.match(qualifiedNameProblem("-tier") ?? "", /starting and ending with a letter or digit/);
        assert.equal(labelValueProblem(""), undefined);
        assert.match(labelValueProblem("v2.5.0+build") ?? "", /letters, digits/);
    });

    it("reads port names as IANA service names", () => {
        assert.equal(ianaServiceNameProblem("http-metrics"), undefined);
        assert.equal(ianaServiceNameProblem("8080"), "must contain at least one letter");
        assert.equal(ianaServiceNameProblem("http--alt"), "must not contain '--'");
    });
});

describe("versions and rollback choices (policies/lib/launch)", () => {
    it("orders semantic versions by precedence, pre-releases before their release", () => {
        const order = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "v1.0.1", "1.1", "2"];
        for (let i = 1; i < order.length; i++) {
            assert.equal(compareVersions(parseVersion(order[i - 1]!)!, parseVersion(order[i]!)!), -1, `${order[i - 1]} < ${order[i]}`);
        }
        assert.equal(compareVersions(parseVersion("v2.5.0+b1")!, parseVersion("2.5.0")!), 0);
        assert.equal(parseVersion("sha-3f2a9c1"), undefined);
    });

    it("accepts an older or merely different rollback version and refuses a missing, equal or newer one", () => {
        assert.equal(rollbackVersionProblem("v2.5.0", "v2.4.9"), undefined);
        assert.equal(rollbackVersionProblem("sha-3f2a9c1", "sha-19be0d4"), undefined);
        assert.equal(rollbackVersionProblem("v2.5.0", undefined), "no rollback version is declared");
        assert.match(rollbackVersionProblem("v2.5.0", "v2.5.0") ?? "", /is the version being launched/);
        assert.match(rollbackVersionProblem("v2.5.0", "v2.10.0") ?? "", /is newer than v2.5.0/);
    });
});
