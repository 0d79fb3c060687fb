/**
 * Every stack export, golive's fixtures and the corpus's, through the served pack: which
 * policies judged something, the verdict, and how many mandatory violations. Each file has
 * its expectation, so a policy that stops looking at real resources fails here.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { evaluate } from "../../tools/analyzer/evaluate";
import { InputError } from "../../tools/cli/errors";
import { readExport } from "../../tools/export/read";
import { buildFindings } from "../../tools/report/findings";
import { corpusPath, itCorpus } from "../corpus";
import { projectDir } from "./cli";

const fixtures = path.resolve(__dirname, "..", "fixtures", "stack-exports");

/** What judges a pod template: the container and pod policies, and the namespace's default deny. */
const podPolicies = [
    "workloads-container-disallow-unpinned-image",
    "workloads-container-disallow-secret-env-literal",
    "workloads-container-missing-resources",
    "workloads-probe-configure-liveness-window",
    "workloads-pod-enforce-security-context",
    "workloads-container-missing-probes",
    "workloads-pod-configure-graceful-shutdown",
    "workloads-namespace-missing-default-deny",
    "workloads-pod-missing-networkpolicy",
    "workloads-object-enforce-api-validation",
];
/** A Deployment adds the rollout, replica, HPA, PDB and zone-spread policies. */
const deploymentPolicies = [
    ...podPolicies,
    "workloads-deployment-enforce-rolling-update",
    "workloads-deployment-require-replicas",
    "workloads-deployment-missing-hpa",
    "workloads-deployment-missing-pdb",
    "workloads-pod-require-zone-spread",
    // A Deployment is a service, which needs its alerts.
    "monitoring-service-missing-alerts",
];
/** What judges an alert policy written without golive. */
const alertPolicyPolicies = [
    "monitoring-alertpolicy-configure-thresholds",
    "monitoring-alertpolicy-disallow-disabled",
    "monitoring-alertpolicy-disallow-mql",
    "monitoring-alertpolicy-require-notification-channels",
    "monitoring-alertpolicy-require-pager",
    "monitoring-alertpolicy-require-runbook-link",
];
/** A Cloudflare zone is judged on its security settings, certificates and rate limits, whatever it declares. */
const zonePolicies = [
    "edge-certificatepack-configure-validity",
    "edge-ratelimit-require-login-limit",
    "edge-ratelimit-require-tiers",
    "edge-zone-enable-dnssec",
    "edge-zone-missing-caa",
    "edge-zonesetting-enable-always-https",
    "edge-zonesetting-enable-hsts",
    "edge-zonesetting-enable-https-rewrites",
    "edge-zonesetting-enable-tls13",
    "edge-zonesetting-enforce-min-tls",
    "edge-zonesetting-enforce-ssl-strict",
];

interface Expected {
    /** The policies that judged something; [] is NOTHING CHECKED. */
    judged: string[];
    mandatoryViolations: number;
}

/** Files no policy applies to: AWS stacks, and GCP stacks without workloads, alerts or Firestore. */
const nothing: Expected = { judged: [], mandatoryViolations: 0 };

const ours: Record<string, Expected | "refused"> = {
    "aws-only-v3.json": nothing,
    "checkpoint-v1.json": "refused",
    "checkpoint-v4.json": nothing,
    "kubernetes-v3.json": { judged: deploymentPolicies, mandatoryViolations: 14 },
};

const corpus: Record<string, Expected | "refused"> = {
    "Coldboltage__jobsbolt-pulumi.json": { judged: deploymentPolicies, mandatoryViolations: 56 },
    "KazamaMana__boto-pulumi-eb.json": nothing,
    "MitchellGerdisch__pulumi-auto_api-stack_factory.json": nothing,
    // A DNS record is judged on its TTL and proxying.
    "pulumi__pulumi-cloudflare__record-5.49.0.json": { judged: [...zonePolicies, "edge-dnsrecord-configure-ttl", "edge-dnsrecord-require-proxied"], mandatoryViolations: 13 },
    // A ruleset naming a host needs that host's DNS record.
    "pulumi__pulumi-cloudflare__ruleset-state-v5.json": { judged: [...zonePolicies, "edge-host-missing-dnsrecord"], mandatoryViolations: 12 },
    "pulumi__pulumi-cloudflare__ruleset-state-v6.json": { judged: zonePolicies, mandatoryViolations: 11 },
    "pulumi__pulumi-cloudflare__ruleset_v5-5.49.0.json": { judged: [...zonePolicies, "edge-host-missing-dnsrecord"], mandatoryViolations: 12 },
    "pulumi__pulumi-eks__oidc-iam-sa-3.0.0.json": { judged: podPolicies, mandatoryViolations: 18 },
    "pulumi__pulumi-gcp__cluster-7.2.1.json": nothing,
    "pulumi__pulumi-gcp__logsink-7.0.0.json": nothing,
    "pulumi__pulumi-gcp__monitoring-alertpolicy-1-6.67.0.json": { judged: alertPolicyPolicies, mandatoryViolations: 4 },
    "pulumi__pulumi-gcp__storage-bucket-6.67.0.json": nothing,
    "pulumi__pulumi__checkpoint-v1.json": "refused",
    "pulumi__pulumi__checkpoint-v4.json": nothing,
};

async function judge(file: string, expected: Expected | "refused"): Promise<void> {
    if (expected === "refused") {
        assert.throws(() => readExport(file), (e: unknown) => e instanceof InputError && e.message.startsWith(`${file}: `) && !e.message.includes("\n"));
        return;
    }
    const evaluation = await evaluate(readExport(file).resources, {
        packDir: path.join(projectDir, "policies"),
        policyConfigFile: path.join(projectDir, "policies", "config", "production.json"),
        project: "golive",
        stack: "production",
        dryRun: false,
    });
    const f = buildFindings("production", evaluation);
    assert.deepEqual(
        { judged: f.policies.filter((p) => p.judged > 0).map((p) => p.name).sort(), mandatoryViolations: f.violations.filter((v) => v.enforcementLevel === "mandatory").length },
        { ...expected, judged: [...expected.judged].sort() },
    );
    // Nothing judged never passes; anything judged here breaks launch rules.
    assert.equal(f.ok, false);
    assert.equal(f.judged, expected.judged.length > 0);
}

describe("every stack export, ours and the corpus's, through the served pack", function () {
    this.timeout(120_000);

    it("has an expectation for every fixture", () => {
        assert.deepEqual(fs.readdirSync(fixtures).sort(), Object.keys(ours).sort());
    });
    for (const [file, expected] of Object.entries(ours)) {
        it(`${expected === "refused" ? "refuses" : "judges"} golive's fixture ${file}${expected === "refused" ? " with one line" : ` with ${expected.judged.length} policies`}`, () => judge(path.join(fixtures, file), expected));
    }

    itCorpus("has an expectation for every corpus export, so a new file cannot go unjudged", () => {
        assert.deepEqual(fs.readdirSync(corpusPath("stack-exports")).sort(), Object.keys(corpus).sort());
    });
    for (const [file, expected] of Object.entries(corpus)) {
        itCorpus(`${expected === "refused" ? "refuses" : "judges"} ${file}${expected === "refused" ? " with one line" : ` with ${expected.judged.length} policies`}`, () => judge(corpusPath("stack-exports", file), expected));
    }
});
