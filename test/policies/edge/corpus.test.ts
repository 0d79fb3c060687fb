/**
 * The edge policies on stack exports written by others (../shared/corpus/stack-exports):
 * Cloudflare's provider test stacks (a v5 Record, v5 and v6 ruleset state) and a GCS
 * bucket. Each is a partial stack: what it declares is judged, and every zone-level check
 * names what the zone does not declare.
 */
import { strict as assert } from "node:assert";
import type { Policy, StackValidationPolicy } from "@pulumi/policy";
import { edgePolicies } from "../../../policies/edge";
import { readExport } from "../../../tools/export/read";
import { corpusPath, itCorpus } from "../../corpus";
import { analyze, analyzeStack, notApplicable, stackNotApplicable } from "../harness";

const isStack = (p: Policy): p is StackValidationPolicy => "validateStack" in p;

interface Judged {
    /** `policy: message` for every finding (description line left out). */
    findings: string[];
    /** The policies that judged something. */
    applied: string[];
}

async function judge(file: string): Promise<Judged> {
    const resources = readExport(corpusPath("stack-exports", file)).resources;
    const findings: string[] = [];
    const applied: string[] = [];
    for (const p of edgePolicies) {
        const found = isStack(p) ? await analyzeStack(p, resources) : (await Promise.all(resources.map((r) => analyze(p, r)))).flat();
        findings.push(...found.map((d) => `${d.policyName}: ${d.message.slice(d.message.indexOf("\n") + 1)}`));
        const skipped = isStack(p) ? (await stackNotApplicable(p, resources)).length > 0 : (await Promise.all(resources.map((r) => notApplicable(p, r)))).every((n) => n.length > 0);
        if (!skipped) applied.push(p.name);
    }
    return { findings, applied };
}

const zone = "cabcdb3c8548af2e275acc42ed1fea45";
/** What every zone of a partial stack is told it does not declare. */
const zoneLevel = [
    "edge-zonesetting-enforce-ssl-strict", "edge-zonesetting-enforce-min-tls", "edge-zonesetting-enable-tls13", "edge-zonesetting-enable-always-https",
    "edge-zonesetting-enable-https-rewrites", "edge-zonesetting-enable-hsts", "edge-zone-enable-dnssec", "edge-zone-missing-caa",
    "edge-certificatepack-configure-validity", "edge-ratelimit-require-tiers", "edge-ratelimit-require-login-limit",
];

function policiesOf(j: Judged): string[] {
    return j.findings.map((f) => f.slice(0, f.indexOf(":")));
}

describe("edge policies on real Cloudflare and GCS stack exports", () => {
    itCorpus("finds the v5 Record's TTL of 3600 s and that it is not proxied, plus what its zone does not declare", async () => {
        const j = await judge("pulumi__pulumi-cloudflare__record-5.49.0.json");
        assert.deepEqual(j.findings.slice(0, 2), [
            "edge-dnsrecord-configure-ttl: DNS record pkqwmkcksr (A) has TTL 3600 s, above 300 s: after a rollback moves it, resolvers keep the old answer for up to 3600 s. Set ttl to 300 or less, or proxy the record (proxied: true) with ttl 1 (automatic).",
            "edge-dnsrecord-require-proxied: DNS record pkqwmkcksr (A) is not proxied, so visitors reach the origin directly: the zone's TLS settings, cache rules, rate limits and security headers do not apply to it, and the origin's address is public. Set proxied: true, or list the name under dnsOnlyNames in the policy config if it must stay DNS-only (a mail server, say).",
        ]);
        assert.deepEqual(policiesOf(j).slice(2), zoneLevel);
        assert.ok(j.findings.slice(2).every((f) => f.includes(`Cloudflare zone ${zone} `)), j.findings.join("\n"));
        assert.ok(!j.applied.includes("edge-cacherule-disallow-api-caching"), "no record names an API host");
    });

    itCorpus("finds that the v5 rulesets name example.com, a host the stack has no record for", async () => {
        for (const [file, ruleset] of [["pulumi__pulumi-cloudflare__ruleset-state-v5.json", "ManagedRulesets"], ["pulumi__pulumi-cloudflare__ruleset_v5-5.49.0.json", "domain-rate-limit"]] as const) {
            const j = await judge(file);
            assert.ok(j.findings.includes(`edge-host-missing-dnsrecord: Public host example.com (named by ruleset ${ruleset}) has no A, AAAA or CNAME record in this stack, so it does not resolve to the platform, or resolves to whatever was set by hand. Declare a proxied DNS record for it in the stack (the Edge component does for every public service host and the static host).`), `${file}:\n${j.findings.join("\n")}`);
            assert.deepEqual(policiesOf(j).filter((p) => p !== "edge-host-missing-dnsrecord"), zoneLevel, file);
            assert.ok(!j.applied.includes("edge-cacherule-enforce-deception-armor"), `${file}: a WAF or transform ruleset is no cache ruleset`);
        }
    });

    itCorpus("reads the v6 ruleset state (rule targets as lists) and finds only what its zone does not declare", async () => {
        const j = await judge("pulumi__pulumi-cloudflare__ruleset-state-v6.json");
        assert.deepEqual(policiesOf(j), zoneLevel);
        assert.ok(!j.applied.includes("edge-host-missing-dnsrecord"), "its only rule matches on ip.src, naming no host");
    });

    itCorpus("leaves a GCS website bucket alone: it is no golive frontend bucket", async () => {
        const j = await judge("pulumi__pulumi-gcp__storage-bucket-6.67.0.json");
        assert.deepEqual(j, { findings: [], applied: [] });
    });
});
