/**
 * The launch gate end to end, in-process (the program under mocks, the pack over gRPC with
 * the --now clock): the shipped production stack moved to launch-eve is NO-GO without a
 * go/no-go record and GO with a fresh one; at launch the manual items need attestations;
 * with --baseline the report lists the changes and the freeze refuses those not excepted.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { main as analyze } from "../../tools/analyze";
import { main as plan } from "../../tools/plan";
import type { FindingsFile } from "../../tools/report/findings-file";
import { productionVariant, readJson, run, tmpDir } from "./cli";

const now = "2026-12-07T06:00:00Z";
const goNoGo = '    goNoGo: { decision: go, by: "Ada Lovelace (VP Engineering)", at: "2026-12-06T21:00:00Z" }\n';
/** Pulumi.production.yaml moved to `phase`, with `extra` lines under golive:launch. */
const atPhase = (phase: string, extra = "") => productionVariant("    phase: pre-launch\n", `    phase: ${phase}\n${extra}`);
const launchUrn = "urn:pulumi:production::golive::golive:launch:Launch::launch";

describe("the launch gate: phases, go/no-go record, attestations, freeze (in-process plan)", function () {
    this.timeout(180_000);
    const out = tmpDir("launch");
    const file = (name: string) => path.join(out, name);

    it("is NO-GO at launch-eve without a go/no-go record, naming launch.goNoGo, and says the freeze could not be checked", async () => {
        const r = await run(plan, ["--stack", "production", "--stack-file", atPhase("launch-eve"), "--now", now, "--json", file("eve.json")]);
        assert.equal(r.code, 1, r.stderr + r.stdout);
        const f = readJson<FindingsFile>(file("eve.json"));
        assert.deepEqual(f.violations.map((v) => [v.policy, v.enforcementLevel, v.urn, v.message]), [[
            "launch-record-require-go-decision", "mandatory", launchUrn,
            "Pulumi.production.yaml: golive:launch.goNoGo is missing: at phase launch-eve production needs the go/no-go record {decision: go, by: <name>, at: <ISO 8601 time, such as 2026-12-01T18:00:00Z>} from the Go/No-Go meeting, no more than 24 h before 2026-12-07T06:00:00.000Z.",
        ]]);
        assert.equal(f.headline, "NO-GO · phase launch-eve · clock 2026-12-07T06:00:00.000Z (--now)");
        assert.deepEqual(f.checklist.filter((c) => c.id.startsWith("004.gonogo.") || c.id === "004.freeze.changes").map((c) => [c.id, c.status, c.pendingReason]), [
            ["004.gonogo.decision", "FAIL", undefined],
            ["004.gonogo.checklist-complete", "PENDING", "nothing in this stack for launch-record-require-attestations to check"],
            ["004.freeze.changes", "PENDING", "the freeze could not be checked: no --baseline given (plan with --baseline <(pulumi stack export --stack production) to list the changes)"],
        ]);
        assert.match(r.stdout, /^ {2}Freeze: the freeze could not be checked: no --baseline given/m);
    });

    it("is GO at launch-eve with a go decision 9 h before the clock, and the Markdown dashboard opens with verdict, phase and clock", async () => {
        const r = await run(plan, ["--stack", "production", "--stack-file", atPhase("launch-eve", goNoGo), "--now", now, "--json", file("go.json"), "--markdown", file("go.md"), "--export", file("go-export.json")]);
        assert.equal(r.code, 0, r.stderr + r.stdout);
        const f = readJson<FindingsFile>(file("go.json"));
        assert.deepEqual(f.violations, []);
        assert.equal(f.checklist.find((c) => c.id === "004.gonogo.decision")?.status, "PASS");
        const md = fs.readFileSync(file("go.md"), "utf8").split("\n");
        assert.deepEqual(md.slice(0, 9), [
            "# golive plan — stack production",
            "",
            "## GO · phase launch-eve · clock 2026-12-07T06:00:00.000Z (--now)",
            "",
            `**${f.verdict}**`,
            "",
            "- Go/No-Go: GO by Ada Lovelace (VP Engineering) at 2026-12-06T21:00:00Z (9 h before the clock) — required at this phase: a go at most 24 h old",
            `- Manual items attested: 0 of ${f.launch!.manualItems.total}`,
            "- Freeze: the freeze could not be checked: no --baseline given (plan with --baseline <(pulumi stack export --stack production) to list the changes)",
        ]);
        assert.ok(md.includes("## What ships"));
    });

    it("judges the same record in a stack export with analyze --now: a day later the go decision is stale", async () => {
        const r = await run(analyze, ["--file", file("go-export.json"), "--stack", "production", "--now", "2026-12-08T06:00:00Z", "--json", file("stale.json")]);
        assert.equal(r.code, 1, r.stderr + r.stdout);
        const f = readJson<FindingsFile>(file("stale.json"));
        assert.deepEqual(f.violations.filter((v) => v.policy.startsWith("launch-")).map((v) => v.message), [
            "Pulumi.production.yaml: golive:launch.goNoGo (go by Ada Lovelace (VP Engineering) at 2026-12-06T21:00:00Z) is 33 h old at 2026-12-08T06:00:00.000Z, more than the 24 h allowed: hold a new Go/No-Go and record it as {decision: go, by: <name>, at: <ISO 8601 time, such as 2026-12-01T18:00:00Z>} from the Go/No-Go meeting, no more than 24 h before 2026-12-08T06:00:00.000Z.",
        ]);
        assert.equal(f.headline, "NO-GO · phase launch-eve · clock 2026-12-08T06:00:00.000Z (--now)");
    });

    it("is NO-GO at launch until every manual item is attested, listing the missing ids", async () => {
        const r = await run(plan, ["--stack", "production", "--stack-file", atPhase("launch", goNoGo), "--now", now, "--json", file("launch.json")]);
        assert.equal(r.code, 1, r.stderr + r.stdout);
        const f = readJson<FindingsFile>(file("launch.json"));
        const manual = f.checklist.filter((c) => c.policies.length === 0).map((c) => c.id);
        assert.deepEqual(f.violations.map((v) => [v.policy, v.message]), [[
            "launch-record-require-attestations",
            `Pulumi.production.yaml: golive:launch.attestations: at phase launch every manual checklist item needs a person's sign-off; ${manual.length} of the ${manual.length} manual checklist items have no attestation: ${manual.join(", ")}. `
            + "Check each as docs/checklist.md says, then add `<id>: {by: <name>, at: <ISO 8601 time such as 2026-12-01T18:00:00Z>, evidence: <https URL of the proof>}`.",
        ]]);
        assert.ok(manual.includes("004.testing.load"), manual.join(", "));
    });

    it("lists what the plan changes against --baseline and refuses a frozen change, but not an excepted one", async () => {
        const changed = (extra: string) => atPhase("launch-eve", `${goNoGo}${extra}`);
        const bumped = (f: string) => {
            fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace("ghcr.io/teei/reporting-api:v2.5.0", "ghcr.io/teei/reporting-api:v2.5.1"));
            return f;
        };
        const frozen = await run(plan, ["--stack", "production", "--stack-file", bumped(changed("")), "--now", now, "--baseline", file("go-export.json"), "--json", file("frozen.json")]);
        assert.equal(frozen.code, 1, frozen.stderr + frozen.stdout);
        const f = readJson<FindingsFile>(file("frozen.json"));
        assert.deepEqual(f.violations.map((v) => [v.policy, v.enforcementLevel, v.message]), [[
            "launch-plan-enforce-freeze", "mandatory",
            "Deployment freeze (phase launch-eve): the plan updates kubernetes:apps/v1:Deployment reporting-api-deployment (metadata, spec), which golive:launch.freezeExceptions does not name. Revert the change, or have it approved as a critical hotfix and name the resource under golive:launch.freezeExceptions.",
        ]]);
        assert.deepEqual(f.launch!.freeze.changes.map((c) => [c.action, c.name, c.keys, c.excepted]), [["update", "reporting-api-deployment", ["metadata", "spec"], false]]);
        assert.match(frozen.stdout, /^ {2}update {2}kubernetes:apps\/v1:Deployment reporting-api-deployment \(metadata, spec\) {2}frozen$/m);
        assert.equal(f.checklist.find((c) => c.id === "004.freeze.changes")?.status, "FAIL");

        const excepted = await run(plan, ["--stack", "production", "--stack-file", bumped(changed("    freezeExceptions: [reporting-api*]\n")), "--now", now, "--baseline", file("go-export.json"), "--json", file("excepted.json")]);
        assert.equal(excepted.code, 0, excepted.stderr + excepted.stdout);
        const e = readJson<FindingsFile>(file("excepted.json"));
        assert.deepEqual(e.launch!.freeze.changes.map((c) => [c.action, c.name, c.excepted]), [["update", "reporting-api-deployment", true]]);
        assert.equal(e.checklist.find((c) => c.id === "004.freeze.changes")?.status, "PASS");
    });

    it("refuses a --now that is not an ISO 8601 time with a zone, before planning", async () => {
        for (const bad of ["tomorrow", "2026-12-07T06:00:00"]) {
            const r = await run(plan, ["--stack", "production", "--now", bad]);
            assert.equal(r.code, 2, r.stderr + r.stdout);
            assert.deepEqual(r.stderr.split("\n").filter((l) => l.startsWith("error: ")), [`error: --now "${bad}": expected an ISO 8601 time such as 2026-11-22T09:00:00Z`]);
        }
    });

    it("refuses a baseline of another stack before planning", async () => {
        const staging = file("staging-export.json");
        fs.writeFileSync(staging, JSON.stringify({ version: 3, deployment: { resources: [{ urn: "urn:pulumi:staging::golive::pulumi:pulumi:Stack::golive-staging", type: "pulumi:pulumi:Stack", custom: false }] } }));
        const r = await run(plan, ["--stack", "production", "--baseline", staging]);
        assert.equal(r.code, 2, r.stderr + r.stdout);
        assert.match(r.stderr, /error: --baseline .*staging-export\.json: is a state of stack "staging", not "production"; export the stack being planned: pulumi stack export --stack production --file <file>/);
    });
});
