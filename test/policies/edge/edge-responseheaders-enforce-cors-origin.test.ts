import { strict as assert } from "node:assert";
import { edgeResponseheadersEnforceCorsOrigin as policy } from "../../../policies/edge";
import { stackMessages, stackNotApplicable } from "../harness";
import { edgeStack, zone } from "./fixtures";

const fix = "Set Access-Control-Allow-Origin on the API hosts with a response header transform rule, to exactly the production app origin (https://cockpit.<domain>), never * or null.";
const setOrigin = (value: string) => edgeStack((p) => { p.headers.rules[1].actionParameters.headers["Access-Control-Allow-Origin"].value = value; });
const bad = (why: string) => `The Access-Control-Allow-Origin set by rule "cors" of ruleset headers ${why}. ${fix}`;

describe("edge-responseheaders-enforce-cors-origin", () => {
    it("passes the API host allowing exactly the app's https origin", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it('refuses "*"', async () => {
        assert.deepEqual(await stackMessages(policy, setOrigin("*")), [bad('is "*", not exactly one https:// origin')]);
    });

    it('refuses "null" and a plain-http origin', async () => {
        assert.deepEqual(await stackMessages(policy, setOrigin("null")), [bad('is "null", not exactly one https:// origin')]);
        assert.deepEqual(await stackMessages(policy, setOrigin("http://cockpit.teei.example.com")), [bad('is "http://cockpit.teei.example.com", not exactly one https:// origin')]);
    });

    it("refuses an origin the stack does not serve", async () => {
        assert.deepEqual(await stackMessages(policy, setOrigin("https://cockpit.teei.example.org")), [bad('is "https://cockpit.teei.example.org", an origin this stack does not serve (its hosts: api.teei.example.com, cockpit.teei.example.com, static.teei.example.com)')]);
    });

    it("refuses an API host once the CORS rule is removed", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack((p) => { p.headers.rules.splice(1, 1); })), [`API host api.teei.example.com of Cloudflare zone ${zone} gets no Access-Control-Allow-Origin from the edge (no enabled response header rule sets it for this host), so the origin a browser may call it from is whatever each service decides. ${fix}`]);
    });

    it("does not apply to a stack without an API host record", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { p.api = undefined; })), [policy.name]);
    });
});
