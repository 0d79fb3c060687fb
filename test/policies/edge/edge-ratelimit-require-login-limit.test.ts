import { strict as assert } from "node:assert";
import { edgeRatelimitRequireLoginLimit as policy } from "../../../policies/edge";
import { stackMessages, stackNotApplicable } from "../harness";
import { edgeStack, zone } from "./fixtures";

const fix = 'Declare an enabled rule with ref "login-per-ip" in the zone\'s http_ratelimit ruleset for the login paths: action "block", characteristics ["ip.src", "cf.colo.id"], at most 10 requests per 60 s, mitigationTimeout 600.';

describe("edge-ratelimit-require-login-limit", () => {
    it("passes a per-address login limit of 10 req/min that blocks for 10 minutes", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it("refuses a zone whose login rule was removed", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.rateLimits.rules.splice(0, 1); })), [`Cloudflare zone ${zone} has no per-address rate limit on its login endpoints (no http_ratelimit rule with ref "login-per-ip"), so passwords can be guessed at the tier rate from any address. ${fix}`]);
    });

    it("refuses a login limit as loose as the free tier", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.rateLimits.rules[0].ratelimit.requestsPerPeriod = 60; })), [`Login rate limiting rule "login-per-ip" of ruleset rateLimits allows 60 req/min, not below the tightest tier's 60. ${fix}`]);
    });

    it("refuses a login limit that counts per tenant key, or only throttles", async () => {
        const stack = edgeStack((p) => {
            p.rateLimits.rules[0].ratelimit.characteristics = ["cf.colo.id", 'http.request.headers["x-api-key"]'];
            p.rateLimits.rules[0].ratelimit.mitigationTimeout = 0;
        });
        assert.deepEqual(await stackMessages(policy, stack), [`Login rate limiting rule "login-per-ip" of ruleset rateLimits does not count per client address (characteristics lack "ip.src"); blocks only the requests over the rate (mitigationTimeout 0), so an attacker keeps guessing at the allowed rate. ${fix}`]);
    });

    it("refuses a disabled login rule that only challenges", async () => {
        const stack = edgeStack((p) => { p.rateLimits.rules[0].enabled = false; p.rateLimits.rules[0].action = "managed_challenge"; });
        assert.deepEqual(await stackMessages(policy, stack), [`Login rate limiting rule "login-per-ip" of ruleset rateLimits is disabled; has action "managed_challenge", not "block". ${fix}`]);
    });

    it("reports a stack without Cloudflare zones as not applicable", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { for (const k of Object.keys(p)) if (k !== "gateway") p[k] = undefined; })), [policy.name]);
    });
});
