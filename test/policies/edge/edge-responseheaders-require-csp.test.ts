import { strict as assert } from "node:assert";
import { edgeResponseheadersRequireCsp as policy } from "../../../policies/edge";
import { analyzeStack, stackMessages, stackNotApplicable } from "../harness";
import { edgeStack, urnOf, zone } from "./fixtures";

const fix = "Set Content-Security-Policy on the app hosts with a response header transform rule: default-src 'self', scripts from 'self' and the static host (or nonces), object-src 'none', never 'unsafe-inline'.";
const missing = (host: string) => `App host ${host} of Cloudflare zone ${zone} gets no Content-Security-Policy from the edge (no enabled response header rule sets it for this host), so an injected script runs with the app's full rights. ${fix}`;

describe("edge-responseheaders-require-csp", () => {
    it("passes a CSP without 'unsafe-inline' on every app host", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it("refuses a CSP that allows 'unsafe-inline', naming the rule", async () => {
        const stack = edgeStack((p) => { p.headers.rules[0].actionParameters.headers["Content-Security-Policy"].value = "default-src 'self'; script-src 'self' 'unsafe-inline'"; });
        assert.deepEqual((await analyzeStack(policy, stack)).map((d) => d.urn), [urnOf("headers")]);
        assert.deepEqual(await stackMessages(policy, stack), [`The Content-Security-Policy set by rule "csp" of ruleset headers allows 'unsafe-inline' in script-src, so an injected inline script runs. ${fix}`]);
    });

    it("refuses a CSP that does not restrict scripts", async () => {
        const stack = edgeStack((p) => { p.headers.rules[0].actionParameters.headers["Content-Security-Policy"].value = "frame-ancestors 'none'"; });
        assert.deepEqual(await stackMessages(policy, stack), [`The Content-Security-Policy set by rule "csp" of ruleset headers sets neither script-src nor default-src, so scripts may load from anywhere. ${fix}`]);
    });

    it("refuses every app host once the CSP rule is removed", async () => {
        const stack = edgeStack((p) => { p.headers.rules.splice(0, 1); });
        assert.deepEqual(await stackMessages(policy, stack), [missing("cockpit.teei.example.com"), missing("static.teei.example.com")]);
    });

    it("refuses an app host the CSP rule does not cover", async () => {
        const stack = edgeStack((p) => { p.headers.rules[0].expression = 'http.host eq "cockpit.teei.example.com"'; });
        assert.deepEqual(await stackMessages(policy, stack), [missing("static.teei.example.com")]);
    });

    it("refuses a CSP computed by an expression, which it cannot read", async () => {
        const stack = edgeStack((p) => { p.headers.rules[0].actionParameters.headers["Content-Security-Policy"] = { operation: "set", expression: 'concat("default-src ", "*")' }; });
        assert.deepEqual(await stackMessages(policy, stack), [`The Content-Security-Policy set by rule "csp" of ruleset headers is computed by an expression, which the gate cannot read before it runs. ${fix}`]);
    });

    it("reads v5's list of header changes", async () => {
        const stack = edgeStack((p) => { p.headers.rules[0].actionParameters.headers = [{ name: "Content-Security-Policy", operation: "set", value: "script-src 'unsafe-inline'" }]; });
        assert.deepEqual(await stackMessages(policy, stack), [`The Content-Security-Policy set by rule "csp" of ruleset headers allows 'unsafe-inline' in script-src, so an injected inline script runs. ${fix}`]);
    });

    it("does not apply to a stack whose records name no app host", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { p.cockpit = undefined; p.static = undefined; })), [policy.name]);
    });
});
