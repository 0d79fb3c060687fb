import { strict as assert } from "node:assert";
import type { Evaluation, PolicyMeta } from "../../tools/analyzer/evaluate";
import type { Diagnostic } from "../../tools/analyzer/protocol";
import { buildFindings, pendingReasons } from "../../tools/report/findings";
import { checklist, type ChecklistItem } from "../../policies/checklist";
import type { EngineResource } from "../../tools/analyzer/resource";
import { exitCodeOf } from "../../tools/cli/command";
import { verdict } from "../../tools/report/summary";

function resource(type: string, name: string): EngineResource {
    return { urn: `urn:pulumi:dev::site::${type}::${name}`, custom: true, type, inputs: {}, outputs: {}, dependencies: [], propertyDependencies: {} };
}

const pods: PolicyMeta = { name: "workloads-pod-enforce-security-context", description: "Pods are hardened.", severity: "high", level: "mandatory", runbook: ["004.services.workload-security"], remediation: "", url: "", applied: 3 };
const images: PolicyMeta = { name: "workloads-container-disallow-unpinned-image", description: "Images are pinned.", severity: "high", level: "mandatory", runbook: ["004.services.target-versions"], remediation: "", url: "", applied: 3 };
const urn = "urn:pulumi:production::golive::kubernetes:apps/v1:Deployment::api";

function evaluation(policies: PolicyMeta[], diagnostics: Diagnostic[]): Evaluation {
    return { pack: { name: "golive-launch-readiness", version: "0.1.0" }, policies, diagnostics, analyzeMs: 0, startMs: 0 };
}

function violation(p: PolicyMeta, message: string, level: "advisory" | "mandatory" = p.level === "mandatory" ? "mandatory" : "advisory"): Diagnostic {
    return { policyName: p.name, message: `${p.description}\n${message}`, enforcementLevel: level, severity: p.severity, urn };
}

function cantRun(p: PolicyMeta): Diagnostic {
    // What @pulumi/policy's server reports when a policy reads an unknown value: always advisory.
    return { policyName: p.name, message: `can't run policy '${p.name}' from policy pack 'golive-launch-readiness@v0.1.0' during preview: string value at .spec.image can't be known during preview`, enforcementLevel: "advisory", severity: p.severity, urn };
}

const status = (f: ReturnType<typeof buildFindings>, id: string) => f.checklist.find((c) => c.id === id)?.status;

describe("findings and the go/no-go verdict", () => {
    it("passes a checklist item whose policies found nothing, and keeps unenforced items pending", () => {
        const f = buildFindings("production", evaluation([pods, images], []));
        assert.equal(f.ok, true);
        assert.equal(status(f, "004.services.workload-security"), "PASS");
        assert.equal(status(f, "004.testing.load"), "PENDING");
        assert.match(verdict(f), /^GO for production: no mandatory violations; 0 advisory warnings, \d+ checklist items pending manual sign-off\.$/);
    });

    it("fails the item and the stack on a mandatory violation, with the message without the description", () => {
        const f = buildFindings("production", evaluation([pods, images], [violation(images, 'container "api" image "api:latest" is not pinned.')]));
        assert.equal(f.ok, false);
        assert.deepEqual(f.violations, [{ policy: images.name, severity: "high", enforcementLevel: "mandatory", urn, message: 'container "api" image "api:latest" is not pinned.', runbook: ["004.services.target-versions"] }]);
        assert.equal(status(f, "004.services.target-versions"), "FAIL");
        assert.equal(verdict(f), "NO-GO for production: 1 mandatory violation.");
    });

    it("only warns on an advisory violation", () => {
        const advisory = { ...images, level: "advisory" as const };
        const f = buildFindings("staging", evaluation([pods, advisory], [violation(advisory, "not pinned.")]));
        assert.equal(f.ok, true);
        assert.equal(status(f, "004.services.target-versions"), "WARN");
    });

    it("does not let a mandatory check that could not run during preview pass", () => {
        const f = buildFindings("production", evaluation([pods, images], [cantRun(images)]));
        assert.equal(f.ok, false);
        assert.deepEqual(f.violations, []);
        assert.deepEqual(f.notEvaluated, [{ policy: images.name, enforcementLevel: "mandatory", urn, reason: "string value at .spec.image can't be known during preview", runbook: ["004.services.target-versions"] }]);
        assert.equal(status(f, "004.services.target-versions"), "PENDING");
        assert.equal(verdict(f), "NO-GO for production: 1 mandatory check not evaluable in preview.");
    });

    it("lets an advisory check that could not run leave the stack ok, its item pending", () => {
        const advisory = { ...images, level: "advisory" as const };
        const f = buildFindings("staging", evaluation([advisory], [cantRun(advisory)]));
        assert.equal(f.ok, true);
        assert.equal(status(f, "004.services.target-versions"), "PENDING");
    });

    it("keeps an item pending when its policy judged nothing in the stack, and does not pass a stack where nothing was checked", () => {
        const f = buildFindings("production", evaluation([{ ...pods, applied: 0 }, { ...images, applied: 0 }], []));
        assert.equal(f.ok, false, "a gate that judged nothing must not pass a CI job");
        assert.equal(exitCodeOf(f), 1);
        assert.equal(status(f, "004.services.target-versions"), "PENDING");
        assert.equal(pendingReasons(f).get("004.services.target-versions"), `nothing in this stack for ${images.name} to check`);
    });

    it("says why nothing was checked, naming the resource types it saw with their counts", () => {
        const f = buildFindings("production", evaluation([{ ...pods, applied: 0 }, { ...images, applied: 0 }], []));
        const seen = [resource("aws:s3/bucketV2:BucketV2", "assets"), resource("aws:s3/bucketV2:BucketV2", "logs"), resource("pulumi:pulumi:Stack", "site-dev")];
        assert.equal(
            verdict(f, seen),
            `NOTHING CHECKED for production: no policy in the pack applies to any of the 3 resources seen (2 aws:s3/bucketV2:BucketV2, 1 pulumi:pulumi:Stack), so this run cannot pass a gate; all ${f.checklist.length} checklist items are pending. Check that this is the stack or the manifests you meant to gate.`,
        );
    });

    it("counts a stack as checked when a policy judged a resource, even with no finding", () => {
        const f = buildFindings("production", evaluation([{ ...pods, applied: 1 }, { ...images, applied: 0 }], []));
        assert.equal(f.ok, true);
        assert.equal(exitCodeOf(f), 0);
    });

    it("tells a person what to check and how for an item no policy enforces, never only that no policy checks it", () => {
        const f = buildFindings("production", evaluation([pods, images], []));
        const reasons = pendingReasons(f);
        const dns: ChecklistItem | undefined = checklist.find((c) => c.id === "004.infra.dns-ttl");
        assert.equal(reasons.get("004.infra.dns-ttl"), `manual: ${dns!.manual!}`);
        assert.match(reasons.get("004.infra.dns-ttl")!, /^manual: Run `dig \+noall \+answer <host>` for every public host: .* TTL column is 300 or less\.$/);
    });

    it("leaves a disabled policy out of its checklist item", () => {
        const f = buildFindings("production", evaluation([{ ...images, level: "disabled" }], []));
        assert.equal(status(f, "004.services.target-versions"), "PENDING");
        assert.deepEqual(f.checklist.find((c) => c.id === "004.services.target-versions")?.policies, []);
    });
});
