/**
 * What the program declares for the example stacks' edge passes every edge policy, run
 * through @pulumi/policy's own Analyze/AnalyzeStack handlers (the policy tests' harness) on
 * the requests the SDK sent, property dependencies included; and weakening any setting, or
 * removing any record or rule, fails the gate with a finding that names it. The plan's own
 * end-to-end run (tools/, a subprocess) is in test/tools/plan.e2e.test.ts.
 */
import * as assert from "node:assert/strict";
import type { Policy, StackValidationPolicy } from "@pulumi/policy";
import { Edge } from "../../../components/edge";
import { Workloads } from "../../../components/workloads";
import { edgePolicies } from "../../../policies/edge";
import type { EngineResource } from "../../../tools/analyzer/resource";
import { analyze, analyzeStack } from "../../policies/harness";
import { edgeStackArgs, types, workloadsWithEdge } from "./fixtures";
import { engineResources } from "./harness";

function isStackPolicy(p: Policy): p is StackValidationPolicy {
    return "validateStack" in p;
}

/** The findings of these edge policies (all by default), as `policy: message` lines (the description line left out). */
async function findings(resources: readonly EngineResource[], policies: readonly Policy[] = edgePolicies): Promise<string[]> {
    const out: string[] = [];
    for (const policy of policies) {
        const found = isStackPolicy(policy) ? await analyzeStack(policy, [...resources]) : (await Promise.all(resources.map((r) => analyze(policy, r)))).flat();
        out.push(...found.map((d) => `${d.policyName}: ${d.message.slice(d.message.indexOf("\n") + 1)}`));
    }
    return out;
}

const nameOf = (r: EngineResource) => r.urn.slice(r.urn.lastIndexOf("::") + 2);

/** The stack with one resource's inputs (and outputs) changed, or removed when `edit` returns null. */
function weaken(stack: readonly EngineResource[], name: string, edit: (inputs: any) => void | null): EngineResource[] { // eslint-disable-line @typescript-eslint/no-explicit-any -- raw inputs
    const target = stack.find((r) => nameOf(r) === name);
    if (!target) throw new Error(`no resource ${name}`);
    return stack.flatMap((r) => {
        if (r !== target) return [r];
        const inputs = structuredClone(r.inputs);
        if (edit(inputs) === null) return [];
        return [{ ...r, inputs, outputs: inputs }];
    });
}

const ruleOf = (inputs: any, ref: string) => inputs.rules.find((x: any) => x.ref === ref); // eslint-disable-line @typescript-eslint/no-explicit-any -- raw inputs
const dropRule = (ref: string) => (inputs: any) => { inputs.rules = inputs.rules.filter((x: any) => x.ref !== ref); }; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw inputs

describe("the edge against the gate", () => {
    let production: EngineResource[];

    before(async () => {
        production = await engineResources(() => {
            new Edge("edge", edgeStackArgs("production"));
            new Workloads("platform", workloadsWithEdge("production"));
        });
    });

    it("declares the Gateway on the edge's reserved address", () => {
        const gateway = production.find((r) => r.type === types.gateway)!;
        assert.deepEqual((gateway.inputs as { spec: { addresses: unknown } }).spec.addresses, [{ type: "NamedAddress", value: "teei-prod-gateway" }]);
    });

    it("passes every edge policy for the production example", async () => {
        assert.deepEqual(await findings(production), []);
    });

    it("passes every edge policy for the staging example", async () => {
        const staging = await engineResources(() => {
            new Edge("edge", edgeStackArgs("staging"));
            new Workloads("platform", workloadsWithEdge("staging"));
        });
        assert.deepEqual(await findings(staging), []);
    });

    /** [what is weakened, resource, edit, policy that must fail, words its finding must contain] */
    const cases: Array<[string, string, (inputs: any) => void | null, string, string]> = [ // eslint-disable-line @typescript-eslint/no-explicit-any -- raw inputs
        ["SSL lowered to full", "edge-ssl", (i) => { i.value = "full"; }, "edge-zonesetting-enforce-ssl-strict", 'ssl is "full"'],
        ["the SSL setting removed", "edge-ssl", () => null, "edge-zonesetting-enforce-ssl-strict", "declares no ssl setting"],
        ["minimum TLS lowered to 1.0", "edge-min-tls-version", (i) => { i.value = "1.0"; }, "edge-zonesetting-enforce-min-tls", 'min_tls_version is "1.0"'],
        ["TLS 1.3 off", "edge-tls-1-3", (i) => { i.value = "off"; }, "edge-zonesetting-enable-tls13", 'tls_1_3 is "off"'],
        ["Always Use HTTPS removed", "edge-always-use-https", () => null, "edge-zonesetting-enable-always-https", "declares no always_use_https setting"],
        ["HTTPS rewrites off", "edge-automatic-https-rewrites", (i) => { i.value = "off"; }, "edge-zonesetting-enable-https-rewrites", 'automatic_https_rewrites is "off"'],
        ["HSTS shortened to a day", "edge-security-header", (i) => { i.value.strict_transport_security.max_age = 86400; }, "edge-zonesetting-enable-hsts", "max_age 86400 s"],
        ["DNSSEC removed", "edge-dnssec", () => null, "edge-zone-enable-dnssec", "declares no ZoneDnssec"],
        ["the CAA issue record removed", "edge-caa-issue", () => null, "edge-zone-missing-caa", 'no CAA "issue" record'],
        ["30-day certificates", "edge-certificates", (i) => { i.validityDays = 30; }, "edge-certificatepack-configure-validity", "valid for 30 days"],
        ["the certificate pack removed", "edge-certificates", () => null, "edge-certificatepack-configure-validity", "has no advanced certificate pack"],
        ["the api record made DNS-only", "edge-host-api", (i) => { i.proxied = false; }, "edge-dnsrecord-require-proxied", "api.teei.example.com (A) is not proxied"],
        ["the api record with TTL 3600", "edge-host-api", (i) => { i.proxied = false; i.ttl = 3600; }, "edge-dnsrecord-configure-ttl", "api.teei.example.com (A) has TTL 3600 s"],
        ["the cockpit record removed", "edge-host-cockpit", () => null, "edge-host-missing-dnsrecord", "Public host cockpit.teei.example.com"],
        ["the static record removed", "edge-static-host", () => null, "edge-host-missing-dnsrecord", "Public host static.teei.example.com"],
        ["the reserved address removed", "edge-address", () => null, "edge-dnsrecord-require-gateway-address", 'reserved address "teei-prod-gateway", which this stack does not declare'],
        ["the API cache bypass removed", "edge-cache", dropRule("api-bypass"), "edge-cacherule-disallow-api-caching", "API host api.teei.example.com"],
        ["cache deception armor off", "edge-cache", (i) => { ruleOf(i, "static-versioned").actionParameters.cacheKey.cacheDeceptionArmor = false; }, "edge-cacherule-enforce-deception-armor", 'rule "static-versioned"'],
        ["the versioned static cache rule removed", "edge-cache", dropRule("static-versioned"), "edge-cacherule-configure-static-ttl", "Frontend host static.teei.example.com"],
        ["the pilot tier removed", "edge-rate-limits", dropRule("tier-pilot"), "edge-ratelimit-require-tiers", "tier pilot (300 req/min)"],
        ["the free tier doubled", "edge-rate-limits", (i) => { ruleOf(i, "tier-free").ratelimit.requestsPerPeriod = 120; }, "edge-ratelimit-require-tiers", '"tier-free" (tier free, 60 req/min) of ruleset edge-rate-limits allows 120'],
        ["the login limit removed", "edge-rate-limits", dropRule("login-per-ip"), "edge-ratelimit-require-login-limit", 'rule with ref "login-per-ip"'],
        ["the CSP rule removed", "edge-response-headers", dropRule("csp"), "edge-responseheaders-require-csp", "App host cockpit.teei.example.com"],
        ["CORS opened to *", "edge-response-headers", (i) => { ruleOf(i, "cors").actionParameters.headers["Access-Control-Allow-Origin"].value = "*"; }, "edge-responseheaders-enforce-cors-origin", 'is "*"'],
        ["the previous release dropped", "edge-static-bucket", (i) => { delete i.labels["golive-previous-release"]; }, "edge-bucket-require-previous-release", "names no previous release"],
        ["versioning off", "edge-static-bucket", (i) => { i.versioning.enabled = false; }, "edge-bucket-require-previous-release", "has no object versioning"],
        ["the entry-point rewrite removed", "edge-static-rewrite", (i) => { i.rules = i.rules.filter((x: { ref: string }) => x.ref === "static-versioned"); }, "edge-frontend-require-active-release", "no enabled URL rewrite rule"],
        ["the origin rule removed", "edge-static-origin", () => null, "edge-frontend-require-active-release", "no enabled origin rule"],
    ];

    for (const [what, resource, edit, policy, words] of cases) {
        it(`fails the gate when ${what}, naming it (${policy})`, async () => {
            const found = await findings(weaken(production, resource, edit), edgePolicies.filter((p) => p.name === policy));
            assert.ok(found.some((f) => f.startsWith(`${policy}: `) && f.includes(words)), `${policy} / ${words}:\n${found.join("\n")}`);
        });
    }

    it("catches a weaker rate set through the component's own arguments too", async () => {
        const loose = await engineResources(() => {
            new Edge("edge", { ...edgeStackArgs("production"), rateLimits: { free: 120, pilot: 300, enterprise: 1000 } });
            new Workloads("platform", workloadsWithEdge("production"));
        });
        assert.deepEqual(await findings(loose), ['edge-ratelimit-require-tiers: Rate limiting rule "tier-free" (tier free, 60 req/min) of ruleset edge-rate-limits allows 120 requests per 60 s (120 req/min), not 60 req/min. Declare an enabled rate limiting rule with ref "tier-free" in the zone\'s http_ratelimit ruleset: action "block", period 60, requestsPerPeriod 60, characteristics ["cf.colo.id", "http.request.headers[\\"x-api-key\\"]"] (the tenant\'s key, not the IP).']);
    });
});
