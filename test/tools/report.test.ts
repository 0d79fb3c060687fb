import { strict as assert } from "node:assert";
import * as path from "node:path";
import { parseStackConfig } from "../../config";
import type { Evaluation, PolicyMeta } from "../../tools/analyzer/evaluate";
import type { EngineResource } from "../../tools/analyzer/resource";
import { readStackFile } from "../../tools/plan/stack-config";
import { buildFindings } from "../../tools/report/findings";
import { findingsFile } from "../../tools/report/findings-file";
import { renderMarkdown } from "../../tools/report/markdown";
import { imageVersion, shipsOf } from "../../tools/report/ships";
import type { LaunchRecord } from "../../policies/launch";
import type { Clock } from "../../tools/cli/clock";
import { withLaunch, type LaunchReport } from "../../tools/report/launch";
import type { ReportInput } from "../../tools/report/summary";
import { renderTerminal } from "../../tools/report/terminal";

const projectDir = path.resolve(__dirname, "..", "..");
/** The report without its colours (a terminal running the tests gets them). */
const plain = (s: string) => s.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");

/** A stack file of the repository, validated as plan validates it (secrets left unset). */
function stackConfig(stack: string) {
    const file = readStackFile(projectDir, stack);
    return parseStackConfig(file.config, () => false, file.file, stack);
}

const images: PolicyMeta = { name: "workloads-container-disallow-unpinned-image", description: "Images are pinned.", severity: "high", level: "mandatory", runbook: ["004.services.target-versions"], remediation: "", url: "", applied: 4 };
const evaluation: Evaluation = { pack: { name: "golive-launch-readiness", version: "0.1.0" }, policies: [images], diagnostics: [], analyzeMs: 0, startMs: 0 };
const deployment: EngineResource = { urn: "urn:pulumi:production::golive::kubernetes:apps/v1:Deployment::api", custom: true, type: "kubernetes:apps/v1:Deployment", inputs: {}, outputs: {}, dependencies: [], propertyDependencies: {} };

const unpinned = { policyName: images.name, message: "image ghcr.io/teei/api:latest moves; pin it.", enforcementLevel: "mandatory" as const, severity: "high" as const, urn: deployment.urn };

/** The launch part as plan reports it at launch-eve: a go 9 h old, one of the two manual items attested, no baseline. */
const record: LaunchRecord = {
    stackFile: "Pulumi.production.yaml",
    phase: "launch-eve",
    goNoGo: { decision: "go", by: "Ada Lovelace (VP Engineering)", at: "2026-12-06T21:00:00Z" },
    attestations: {
        "004.testing.load": { by: "Grace Hopper (QA Lead)", at: "2026-12-06T18:00:00Z", evidence: "https://tickets.teei.example.com/LAUNCH-7" },
        // Dated after the clock: not counted.
        "004.monitoring.on-call": { by: "Grace Hopper (QA Lead)", at: "2026-12-07T09:00:00Z", evidence: "https://tickets.teei.example.com/LAUNCH-8" },
    },
    freezeExceptions: [],
};
const clock: Clock = { at: "2026-12-07T06:00:00.000Z", source: "--now", forPack: "2026-12-07T06:00:00.000Z" };
const launch: LaunchReport = {
    phase: "launch-eve",
    clock: { at: "2026-12-07T06:00:00.000Z", source: "--now" },
    goNoGo: { decision: "go", by: "Ada Lovelace (VP Engineering)", at: "2026-12-06T21:00:00Z", ageHours: 9 },
    requires: { goNoGo: true, attestations: false },
    manualItems: { total: 2, attested: ["004.testing.load"] },
    freeze: { baseline: null, applies: false, summary: "the freeze could not be checked: no --baseline given", changes: [] },
};

/** The production stack as plan reports it, with export-service's canary at 10 %, and 004.testing.load attested. */
function productionReport(): ReportInput {
    const config = stackConfig("production");
    const exportService = config.services.find((s) => s.name === "export-service")!;
    exportService.canary = { image: "ghcr.io/teei/export-service:v2.2.0", weight: 10 };
    return {
        title: "golive plan — stack production",
        findings: withLaunch(buildFindings("production", evaluation), record, clock, undefined),
        resources: [deployment],
        notes: ["1 secret(s) not set, planned as unknown; `pulumi up` refuses to run until they are set with `pulumi config set --secret`: openaiApiKey (services[1].secretEnv.OPENAI_API_KEY)"],
        unsetSecrets: [{ key: "openaiApiKey", usedBy: "services[1].secretEnv.OPENAI_API_KEY", state: "unset" }],
        ships: shipsOf(config),
        launch,
    };
}

describe("the readiness report", () => {
    it("opens the terminal report as a dashboard: verdict, phase and clock on top, the launch record, then what ships", () => {
        const lines = plain(renderTerminal(productionReport())).split("\n");
        assert.deepEqual(lines.slice(0, 16), [
            "golive plan — stack production",
            "GO · phase launch-eve · clock 2026-12-07T06:00:00.000Z (--now)",
            lines[2],
            "",
            "Launch",
            "  Go/No-Go: GO by Ada Lovelace (VP Engineering) at 2026-12-06T21:00:00Z (9 h before the clock) — required at this phase: a go at most 24 h old",
            "  Manual items attested: 1 of 2",
            "  Freeze: the freeze could not be checked: no --baseline given",
            "",
            "What ships (4 services)",
            "  SERVICE               VERSION  REPLICAS  CANARY          ROLLBACK TO",
            "  reporting-api         v2.5.0   2..10     none            v2.4.9",
            "  q2q-pipeline          v1.8.2   2..10     none            v1.8.1",
            "  notification-service  v1.3.1   2..10     none            v1.3.0",
            "  export-service        v2.1.0   2..10     v2.2.0 at 10 %  v2.0.3",
            "",
        ]);
        assert.match(lines[2]!, /^GO for production: no mandatory violations; /);
        assert.equal(lines.at(-1), lines[2], "the verdict ends the report too, where a scrolled terminal stops");
    });

    it("groups the checklist by area, each item with its status, the resource and the fix, and counts them", () => {
        const report = productionReport();
        report.findings = withLaunch(buildFindings("production", { policies: [images], diagnostics: [unpinned] }), record, clock, undefined);
        const text = plain(renderTerminal(report));
        assert.match(text, /^Checklist by area \(\d+ items: 1 FAIL, \d+ PENDING, 1 PASS\)$/m);
        assert.match(text, /^ {2}Workloads \(1 FAIL, \d+ PENDING\)\n {4}FAIL {5}004\.services\.target-versions +All microservices deployed at pinned target versions\n {13}✗ mandatory workloads-container-disallow-unpinned-image {2}kubernetes:apps\/v1:Deployment api: image ghcr\.io\/teei\/api:latest moves; pin it\.$/m);
        assert.match(text, /^Totals\n {2}\d+ checklist items: 1 FAIL, 0 WARN, \d+ PENDING, 1 PASS; 1 mandatory and 0 advisory violations; 0 checks not evaluable in preview; 1 resource$/m);
        const md = renderMarkdown(report);
        assert.match(md, /^### Workloads — 1 FAIL · \d+ PENDING\n\n\| Status \| Item \| Resource \| Finding and fix, or what a person checks \|\n\|---\|---\|---\|---\|\n\| FAIL \| \*\*004\.services\.target-versions\*\* All microservices deployed at pinned target versions \| kubernetes:apps\/v1:Deployment api \| mandatory `workloads-container-disallow-unpinned-image`: image ghcr\.io\/teei\/api:latest moves; pin it\. \|$/m);
    });

    it("shows a manual item attested by the clock as PASS, saying who attested it and where the evidence is", () => {
        const file = findingsFile(productionReport());
        assert.equal(file.checklist.find((c) => c.id === "004.monitoring.on-call")?.status, "PENDING");
        assert.deepEqual(file.checklist.find((c) => c.id === "004.testing.load"), {
            id: "004.testing.load", title: "Load test at 2x pilot load for 4 hours, P95 <= 500 ms, zero errors", status: "PASS", policies: [], area: "testing",
            note: "attested by Grace Hopper (QA Lead) at 2026-12-06T18:00:00Z: https://tickets.teei.example.com/LAUNCH-7",
        });
    });

    it("puts the verdict, phase and clock, then what ships, on top of the Markdown report", () => {
        const md = renderMarkdown(productionReport());
        assert.ok(md.startsWith([
            "# golive plan — stack production",
            "",
            "## GO · phase launch-eve · clock 2026-12-07T06:00:00.000Z (--now)",
            "",
            md.split("\n")[4],
            "",
            "- Go/No-Go: GO by Ada Lovelace (VP Engineering) at 2026-12-06T21:00:00Z (9 h before the clock) — required at this phase: a go at most 24 h old",
            "- Manual items attested: 1 of 2",
            "- Freeze: the freeze could not be checked: no --baseline given",
            "",
            "## What ships",
            "",
            "| Service | Version | Replicas | Canary | Rollback to |",
            "|---|---|---|---|---|",
            "| reporting-api | v2.5.0 | 2..10 | none | v2.4.9 |",
            "| q2q-pipeline | v1.8.2 | 2..10 | none | v1.8.1 |",
            "| notification-service | v1.3.1 | 2..10 | none | v1.3.0 |",
            "| export-service | v2.1.0 | 2..10 | v2.2.0 at 10 % | v2.0.3 |",
            "",
        ].join("\n")), md.slice(0, 900));
        assert.match(md.split("\n")[4]!, /^\*\*GO for production: /);
    });

    it("shows the replica range the HPA gets when the stack leaves it out, and says when no rollback version is set", () => {
        const config = stackConfig("staging");
        delete config.services[0]!.replicas;
        const ships = shipsOf(config);
        assert.deepEqual(ships[0], { service: "reporting-api", image: "ghcr.io/teei/reporting-api:v2.5.0", version: "v2.5.0", replicas: { min: 2, max: 3 }, canary: null, rollbackTo: null });
        assert.match(plain(renderTerminal({ ...productionReport(), ships })), /^ {2}reporting-api +v2\.5\.0 +2\.\.3 +none +not set$/m);
    });

    it("shows a digest-pinned image by the start of its digest", () => {
        const digest = `sha256:${"0123456789abcdef".repeat(4)}`;
        assert.equal(imageVersion(`ghcr.io/teei/api@${digest}`), "sha256:0123456789ab");
        assert.equal(imageVersion(`ghcr.io/teei/api:v1.2.3@${digest}`), "v1.2.3@sha256:0123456789ab");
        assert.equal(imageVersion("registry.local:5000/api:v1"), "v1");
    });

    it("has no what-ships section for analyze, which has no stack config", () => {
        const analyzed: ReportInput = { ...productionReport(), ships: undefined };
        assert.doesNotMatch(plain(renderTerminal(analyzed)), /What ships/);
        assert.doesNotMatch(renderMarkdown(analyzed), /What ships/);
        assert.equal("ships" in findingsFile(analyzed), false);
    });
});

describe("the findings file (--json)", () => {
    it("keeps the contract's fields exactly as they are and adds every note the reports show beside them", () => {
        const report = productionReport();
        const file = findingsFile(report);
        const f = report.findings;
        assert.deepEqual(Object.keys(file).slice(0, 5), ["stack", "ok", "violations", "checklist", "notEvaluated"]);
        assert.deepEqual([file.stack, file.ok, file.violations, file.notEvaluated], [f.stack, f.ok, f.violations, f.notEvaluated]);
        assert.deepEqual(file.checklist.map(({ pendingReason: _, area: _area, note: _note, ...entry }) => entry), f.checklist);
        assert.deepEqual(file.notes, report.notes);
        assert.deepEqual(file.unsetSecrets, [{ key: "openaiApiKey", usedBy: "services[1].secretEnv.OPENAI_API_KEY", state: "unset" }]);
        assert.deepEqual(file.ships, report.ships);
        assert.deepEqual(file.resourceTypes, [{ type: "kubernetes:apps/v1:Deployment", count: 1 }]);
        assert.match(file.verdict, /^GO for production: no mandatory violations; /);
    });

    it("says for each pending checklist item why it is pending, as the reports do", () => {
        const file = findingsFile(productionReport());
        const dns = file.checklist.find((c) => c.id === "004.infra.dns-ttl")!;
        assert.equal(dns.status, "PENDING");
        assert.match(dns.pendingReason!, /^manual: Run `dig /);
        assert.equal("pendingReason" in file.checklist.find((c) => c.id === "004.services.target-versions")!, false);
    });
});
