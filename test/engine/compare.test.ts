import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { compare, rootStackUrn } from "../../tools/engine/compare";
import { byCloseness, pinnedVersion } from "../../tools/engine/layout";
import type { EngineAnalysis, EngineViolation } from "../../tools/engine/pulumi";
import type { Findings, Violation } from "../../tools/report/findings";

const stackUrn = "urn:pulumi:production::golive::pulumi:pulumi:Stack::golive-production";
const hpaUrn = "urn:pulumi:production::golive::kubernetes:autoscaling/v2:HorizontalPodAutoscaler::api-hpa";

function violation(over: Partial<Violation> = {}): Violation {
    return { policy: "workloads-hpa-configure-replicas", severity: "high", enforcementLevel: "mandatory", urn: hpaUrn, message: "HPA teei/api minReplicas is 1. Set it to 2.", runbook: [], ...over };
}

function findings(violations: Violation[], notEvaluated: Findings["notEvaluated"] = [], judged = true): Findings {
    const ok = judged && !violations.some((v) => v.enforcementLevel === "mandatory") && !notEvaluated.some((n) => n.enforcementLevel === "mandatory");
    return { stack: "production", ok, violations, checklist: [], notEvaluated, judged, policies: [] };
}

function engine(violations: Array<Partial<EngineViolation>>): EngineAnalysis {
    const vs = violations.map((v) => ({ policy: "workloads-hpa-configure-replicas", urn: hpaUrn, enforcementLevel: "mandatory", severity: "high", message: "Every HPA keeps the minimum.\nHPA teei/api minReplicas is 1. Set it to 2.", ...v }));
    const failed = vs.some((v) => v.enforcementLevel === "mandatory" && !v.message.includes("can't run policy"));
    return { code: failed ? 255 : 0, stdout: "", stderr: "", ms: 0, violations: vs, result: failed ? "failed" : "succeeded" };
}

describe("comparing golive's findings with the engine's policy events", () => {
    it("agrees when both report the same violation, the engine's message carrying the policy description first", () => {
        const c = compare(findings([violation()]), engine([{}]), stackUrn);
        assert.equal(c.agree, true);
        assert.deepEqual(c.onlyGolive, []);
    });

    it("disagrees when the enforcement levels differ", () => {
        const c = compare(findings([violation()]), engine([{ enforcementLevel: "advisory" }]), stackUrn);
        assert.equal(c.agree, false);
        assert.equal(c.onlyGolive.length, 1);
        assert.equal(c.onlyEngine.length, 1);
    });

    it("counts a violation reported twice by one side and once by the other as a disagreement", () => {
        const c = compare(findings([violation(), violation()]), engine([{}]), stackUrn);
        assert.equal(c.agree, false);
        assert.equal(c.onlyGolive.length, 1);
    });

    it("compares golive's stack-wide violation (urn null) with the engine's root stack URN", () => {
        const stackWide = { policy: "workloads-pod-missing-networkpolicy", urn: null, message: 'namespace "teei" has no default-deny NetworkPolicy.' };
        assert.equal(compare(findings([violation(stackWide)]), engine([{ ...stackWide, urn: stackUrn }]), stackUrn).agree, true);
        assert.equal(compare(findings([violation(stackWide)]), engine([{ ...stackWide, urn: hpaUrn }]), stackUrn).agree, false);
    });

    it("expects golive alone to fail when a mandatory check could not be evaluated, and agrees on which", () => {
        const reason = "can't run policy 'workloads-hpa-configure-replicas' from policy pack 'golive-launch-readiness@v0.1.0' during preview: spec.minReplicas is unknown";
        const unknown = { policy: "workloads-hpa-configure-replicas", enforcementLevel: "mandatory" as const, urn: hpaUrn, reason: "spec.minReplicas is unknown", runbook: [] };
        const c = compare(findings([], [unknown]), engine([{ enforcementLevel: "advisory", message: reason }]), stackUrn);
        assert.equal(c.golive.pass, false);
        assert.equal(c.engine.pass, true);
        assert.equal(c.agree, true);
        assert.equal(compare(findings([], []), engine([{ enforcementLevel: "advisory", message: reason }]), stackUrn).agree, false);
    });

    it("expects golive alone to fail a stack no policy judged, which the engine passes with nothing to say", () => {
        assert.equal(compare(findings([], [], false), engine([]), stackUrn).agree, true);
        assert.equal(compare(findings([], [], true), engine([]), stackUrn).agree, true);
        const passedUnjudged = { ...findings([], [], false), ok: true };
        assert.equal(compare(passedUnjudged, engine([]), stackUrn).agree, false);
    });
});

describe("the root stack URN the engine attributes stack-wide violations to", () => {
    it("is the parentless pulumi:pulumi:Stack resource when the export has one", () => {
        assert.equal(rootStackUrn([{ urn: hpaUrn, type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler" }, { urn: stackUrn, type: "pulumi:pulumi:Stack" }]), stackUrn);
    });

    it("is made from the first resource's stack and project when there is none", () => {
        assert.equal(rootStackUrn([{ urn: hpaUrn, type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler" }]), stackUrn);
        assert.equal(rootStackUrn([]), null);
    });
});

describe("choosing the CLI version closest to the SDK", () => {
    it("prefers the nearest minor release, then the nearest patch, then the older one", () => {
        const served = ["v3.224.0", "v3.260.0", "v3.274.1", "v3.274.0", "v3.276.0", "v3.266.0"];
        assert.deepEqual(byCloseness("3.270.0", served), ["v3.266.0", "v3.274.0", "v3.274.1", "v3.276.0", "v3.260.0", "v3.224.0"]);
        assert.deepEqual(byCloseness("3.270.0", ["v3.276.0", "v3.274.1", "v3.274.0", "v3.260.0"])[0], "v3.274.0");
    });

    it("ignores pre-releases and reads the pin from go.mod's require line", () => {
        assert.deepEqual(byCloseness("3.270.0", ["v3.270.1-rc.1", "v3.271.0"]), ["v3.271.0"]);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golive-gomod-"));
        const file = path.join(dir, "go.mod");
        fs.writeFileSync(file, "module x\n\nrequire (\n\tgithub.com/pulumi/pulumi/pkg/v3 v3.274.0\n\tgithub.com/pulumi/pulumi/sdk/v3 v3.274.0\n)\n");
        assert.equal(pinnedVersion(file), "v3.274.0");
        fs.writeFileSync(file, "module x\n");
        assert.throws(() => pinnedVersion(file), /no requirement on github.com\/pulumi\/pulumi\/pkg\/v3/);
        fs.rmSync(dir, { recursive: true });
    });
});
