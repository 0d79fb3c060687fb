import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import type { PolicyMeta } from "../../tools/analyzer/evaluate";
import type { EngineResource } from "../../tools/analyzer/resource";
import { changesAgainst, exceptionNames, judgeFreeze, type FreezeInput } from "../../tools/plan/freeze";

const urn = (type: string, name: string) => `urn:pulumi:production::golive::${type}::${name}`;
const deployment = (name: string, image: string, extra: Partial<EngineResource> = {}): EngineResource => ({
    urn: urn("kubernetes:apps/v1:Deployment", name), custom: true, type: "kubernetes:apps/v1:Deployment",
    inputs: { metadata: { name, annotations: { "golive.dev/launch-phase": "pre-launch" } }, spec: { image } }, outputs: {}, dependencies: [], propertyDependencies: {}, ...extra,
});
const database: EngineResource = {
    urn: urn("gcp:firestore/database:Database", "firestore-database"), custom: true, type: "gcp:firestore/database:Database",
    inputs: { name: "(default)" }, outputs: {}, protect: true, dependencies: [], propertyDependencies: {},
};
const deployed = [deployment("reporting-api", "v2.5.0"), deployment("q2q-pipeline", "v1.8.2"), database];
const gate: PolicyMeta = { name: "launch-record-require-go-decision", description: "", severity: "critical", level: "mandatory", runbook: ["004.gonogo.decision"], remediation: "", url: "", applied: 1 };

function input(change: (i: FreezeInput) => void = () => undefined): FreezeInput {
    const i: FreezeInput = {
        stack: "production", phase: "launch-eve", freezeExceptions: [],
        planned: deployed.map((r) => structuredClone(r)), baseline: { file: "deployed.json", resources: deployed }, policies: [gate],
    };
    change(i);
    return i;
}
const freezeFix = "Revert the change, or have it approved as a critical hotfix and name the resource under golive:launch.freezeExceptions.";

describe("the deployment freeze against --baseline", () => {
    it("lists no change and finds nothing when the plan is the deployed state", () => {
        const r = judgeFreeze(input());
        assert.deepEqual([r.changes, r.diagnostics, r.frozen], [[], [], true]);
        assert.equal(r.summary, "against deployed.json: 0 change(s) (0 create, 0 update, 0 delete); 0 not named in golive:launch.freezeExceptions");
    });

    it("lists creates, updates (with the inputs that differ) and deletes by resource", () => {
        const planned = [deployment("reporting-api", "v2.5.1"), deployment("ledger", "v1.0.0"), database];
        assert.deepEqual(changesAgainst(planned, deployed).map((c) => [c.action, c.name, c.keys]), [
            ["update", "reporting-api", ["spec"]],
            ["create", "ledger", []],
            ["delete", "q2q-pipeline", []],
        ]);
    });

    it("takes a value unknown in the offline plan, a secret, and the phase annotation as unchanged", () => {
        const planned = [
            deployment("reporting-api", unknownValue),
            deployment("q2q-pipeline", "v1.8.2", { inputs: { metadata: { name: "q2q-pipeline", annotations: { "golive.dev/launch-phase": "launch-eve" } }, spec: { image: "v1.8.2" } } }),
            { ...database, inputs: { name: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "other" } } },
        ];
        assert.deepEqual(changesAgainst(planned, deployed), []);
    });

    it("refuses in launch-eve a change the freeze exceptions do not name", () => {
        const r = judgeFreeze(input((i) => { i.planned = [deployment("reporting-api", "v2.5.1"), ...i.planned.slice(1)]; }));
        assert.deepEqual(r.diagnostics.map((d) => [d.policyName, d.enforcementLevel, d.urn, d.message]), [[
            "launch-plan-enforce-freeze", "mandatory", urn("kubernetes:apps/v1:Deployment", "reporting-api"),
            `Deployment freeze (phase launch-eve): the plan updates kubernetes:apps/v1:Deployment reporting-api (spec), which golive:launch.freezeExceptions does not name. ${freezeFix}`,
        ]]);
        assert.deepEqual(r.changes.map((c) => c.excepted), [false]);
    });

    it("lets a change the freeze exceptions name through, by name, URN or pattern", () => {
        for (const exception of ["reporting-api", urn("kubernetes:apps/v1:Deployment", "reporting-api"), "reporting-*"]) {
            const r = judgeFreeze(input((i) => { i.planned = [deployment("reporting-api", "v2.5.1"), ...i.planned.slice(1)]; i.freezeExceptions = [exception]; }));
            assert.deepEqual([r.diagnostics, r.changes.map((c) => c.excepted)], [[], [true]], exception);
        }
        assert.equal(exceptionNames("reporting-*", { name: "q2q-pipeline", urn: "x" }), false);
    });

    it("lists changes but does not freeze before launch-eve or after launch", () => {
        for (const phase of ["pre-launch", "post-launch", "stable"] as const) {
            const r = judgeFreeze(input((i) => { i.phase = phase; i.planned = [deployment("reporting-api", "v2.5.1"), ...i.planned.slice(1)]; }));
            assert.deepEqual([r.diagnostics, r.changes.length, r.frozen], [[], 1, false], phase);
        }
    });

    it("refuses in every phase deleting a resource the deployed state protects, naming it", () => {
        for (const phase of ["pre-launch", "launch-eve", "stable"] as const) {
            const r = judgeFreeze(input((i) => { i.phase = phase; i.planned = i.planned.filter((x) => x.type !== database.type); i.freezeExceptions = ["firestore-*"]; }));
            assert.deepEqual(r.diagnostics.map((d) => [d.policyName, d.enforcementLevel, d.message]), [[
                "launch-resource-disallow-protected-delete", "mandatory",
                "gcp:firestore/database:Database firestore-database is protected in the deployed state (deployed.json) and this plan deletes it: a data-holding resource leaving the program must fail the gate, not be planned away. Put the resource back in the program (restore its config block); to retire it on purpose, first deploy it with protect off in a reviewed change, after a backup.",
            ]], phase);
        }
    });

    it("says the freeze could not be checked without a baseline, and judges nothing", () => {
        const r = judgeFreeze(input((i) => { delete i.baseline; }));
        assert.deepEqual([r.changes, r.diagnostics, r.policies.map((p) => p.applied)], [[], [], [0, 0]]);
        assert.equal(r.summary, "the freeze could not be checked: no --baseline given (plan with --baseline <(pulumi stack export --stack production) to list the changes)");
    });

    it("takes the level the policy config gives the launch gate: advisory in staging", () => {
        const r = judgeFreeze(input((i) => { i.policies = [{ ...gate, level: "advisory" }]; i.planned = [deployment("reporting-api", "v2.5.1"), ...i.planned.slice(1)]; }));
        assert.deepEqual(r.diagnostics.map((d) => d.enforcementLevel), ["advisory"]);
    });
});
