import { strict as assert } from "node:assert";
import { parseStackConfig } from "../../config";
import { launchArgs } from "../../program/launch-args";
import { editedProduction, productionProblems } from "./stack-files";

const file = "Pulumi.production.yaml";

/** The production stack's launch block with `change` applied, validated as the program validates it. */
function launchOf(change: (l: Record<string, unknown>) => Record<string, unknown>) {
    return parseStackConfig(editedProduction("launch", change), () => false, file, "production");
}

function problems(change: (l: Record<string, unknown>) => Record<string, unknown>): string[] {
    return productionProblems(editedProduction("launch", change));
}

const go = { decision: "go", by: "Ada Lovelace (VP Engineering)", at: "2026-12-06T21:00:00Z" };
const attestation = { by: "Grace Hopper (QA Lead)", at: "2026-12-06T18:00:00Z", evidence: "https://tickets.teei.example.com/LAUNCH-7" };

describe("the launch config contract (golive:launch)", () => {
    it("accepts phase, goNoGo, attestations and freezeExceptions exactly as written, and hands them to the Launch component", () => {
        const c = launchOf((l) => ({ ...l, phase: "launch", goNoGo: go, attestations: { "004.testing.load": attestation }, freezeExceptions: ["reporting-api*"] }));
        assert.deepEqual(launchArgs(c, file), {
            stackFile: file,
            phase: "launch",
            goNoGo: go,
            attestations: { "004.testing.load": attestation },
            freezeExceptions: ["reporting-api*"],
        });
    });

    it("defaults to no go/no-go record, no attestations and no freeze exceptions", () => {
        const c = launchOf((l) => l);
        assert.deepEqual(launchArgs(c, file), { stackFile: file, phase: "pre-launch", attestations: {}, freezeExceptions: [] });
    });

    it("accepts a time with an offset", () => {
        assert.deepEqual(problems((l) => ({ ...l, goNoGo: { ...go, at: "2026-12-06T22:00+01:00" } })), []);
    });

    it("refuses a decision that is neither go nor no-go", () => {
        assert.deepEqual(problems((l) => ({ ...l, goNoGo: { ...go, decision: "yes" } })), [`${file}: golive:launch.goNoGo.decision: expected one of "go", "no-go", got "yes"`]);
    });

    it("refuses a go/no-go time that is not ISO 8601 with a zone, naming the value and the form", () => {
        assert.deepEqual(problems((l) => ({ ...l, goNoGo: { ...go, at: "Sunday 9 PM" } })), [
            `${file}: golive:launch.goNoGo.at: must be an ISO 8601 time with a zone, such as 2026-12-01T18:00:00Z (quote it in YAML) (got "Sunday 9 PM")`,
        ]);
        assert.deepEqual(problems((l) => ({ ...l, goNoGo: { ...go, at: "2026-12-06T21:00:00" } })), [
            `${file}: golive:launch.goNoGo.at: must be an ISO 8601 time with a zone, such as 2026-12-01T18:00:00Z (quote it in YAML) (got "2026-12-06T21:00:00")`,
        ]);
    });

    it("refuses a go/no-go without a signer, or with a key the contract does not have", () => {
        assert.deepEqual(problems((l) => ({ ...l, goNoGo: { ...go, by: " " } })), [`${file}: golive:launch.goNoGo.by: must name the person who signed, such as "Ada Lovelace (VP Engineering)" (got " ")`]);
        assert.deepEqual(problems((l) => ({ ...l, goNoGo: { ...go, when: "now" } })), [`${file}: golive:launch.goNoGo.when: unknown key; remove it or check its spelling`]);
    });

    it("refuses an attestation of an id that is no checklist item", () => {
        assert.deepEqual(problems((l) => ({ ...l, attestations: { "004.testing.loads": attestation } })), [
            `${file}: golive:launch.attestations["004.testing.loads"]: "004.testing.loads" is no checklist item; expected a checklist id such as 004.testing.load (docs/checklist.md lists them)`,
        ]);
    });

    it("refuses evidence that is not an https URL, and an attestation missing its time", () => {
        assert.deepEqual(problems((l) => ({ ...l, attestations: { "004.testing.load": { ...attestation, evidence: "see the wiki" } } })), [
            `${file}: golive:launch.attestations["004.testing.load"].evidence: must be an https URL of the evidence (ticket, document, recording), such as https://tickets.example.com/LAUNCH-42 (got "see the wiki")`,
        ]);
        const noTime = { by: attestation.by, evidence: attestation.evidence };
        assert.deepEqual(problems((l) => ({ ...l, attestations: { "004.testing.load": noTime } })), [`${file}: golive:launch.attestations["004.testing.load"].at: is required (expected string)`]);
    });

    it("refuses an empty freeze exception", () => {
        assert.deepEqual(problems((l) => ({ ...l, freezeExceptions: [""] })), [`${file}: golive:launch.freezeExceptions[0]: must name a resource, a URN or a pattern such as reporting-api* (got "")`]);
    });
});
