/**
 * The pack's GetAnalyzerInfo answer, built by @pulumi/policy's own code from the registered
 * policies, and policy config files: for tests of what the gate makes of a policy config,
 * without starting the pack.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Policies } from "@pulumi/policy";
import type * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { policies } from "../../policies/all";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- internal module without typings
const protoutil = require("@pulumi/policy/protoutil") as {
    makeAnalyzerInfo(name: string, version: string, level: string, args: { policies: Policies }, initialConfig?: Record<string, unknown>): analyzerProto.AnalyzerInfo;
};

/** GetAnalyzerInfo of a pack of these policies (with the pack's own initial config, if any). */
export function analyzerInfo(name: string, version: string, packPolicies: Policies, initialConfig?: Record<string, unknown>): analyzerProto.AnalyzerInfo {
    return protoutil.makeAnalyzerInfo(name, version, "mandatory", { policies: packPolicies }, initialConfig);
}

/** golive's pack, as it answers GetAnalyzerInfo. */
export const info = analyzerInfo("golive-launch-readiness", "0.1.0", policies);

/** A policy config file with this content (JSON unless a string), in a temp folder. */
export function configFile(content: unknown): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golive-policy-config-"));
    const file = path.join(dir, "stack.json");
    fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
}
