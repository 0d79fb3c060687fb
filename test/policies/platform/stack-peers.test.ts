import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

/**
 * A pack judges one stack and cannot read the other, so what it must know of the other stack is
 * policy config. These keep that config equal to the shipped stack files: adding a service to
 * one stack file, or moving staging to another project or domain, fails here until
 * policies/config/<stack>.json says so too.
 */
const root = path.resolve(__dirname, "..", "..", "..");
const stackFile = (stack: string) => parse(fs.readFileSync(path.join(root, `Pulumi.${stack}.yaml`), "utf8")).config as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const policyConfig = (stack: string) => JSON.parse(fs.readFileSync(path.join(root, "policies", "config", `${stack}.json`), "utf8")) as Record<string, Record<string, unknown>>;
const services = (stack: string) => (stackFile(stack)["golive:services"] as Array<{ name: string }>).map((s) => s.name).sort();

describe("the peer stack facts in policy config", () => {
    it("lists staging's services in production's config and production's in staging's", () => {
        assert.deepEqual(policyConfig("production")["platform-stack-require-same-services"], { peerStack: "staging", peerServices: services("staging") });
        assert.deepEqual(policyConfig("staging")["platform-stack-require-same-services"], { peerStack: "production", peerServices: services("production") });
    });

    it("lists staging's project, domain and cluster as the identifiers production must not name", () => {
        const s = stackFile("staging");
        const expected = [s["golive:gcp"].project, s["golive:domain"], s["golive:cluster"].name];
        assert.deepEqual(policyConfig("production")["platform-resource-disallow-staging-dependency"], { stagingIdentifiers: expected });
        // None of them may occur in production's own identifiers, or every production resource would match.
        const p = stackFile("production");
        for (const own of [p["golive:gcp"].project, p["golive:domain"], p["golive:cluster"].name]) {
            assert.ok(expected.every((id: string) => !String(own).includes(id)), `${own} contains a staging identifier`);
        }
    });
});
