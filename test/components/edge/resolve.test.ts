import * as assert from "node:assert/strict";
import { edgeProblems, resolveEdge, EdgeArgsError } from "../../../components/edge";
import { edgeStackArgs } from "./fixtures";

describe("the Edge arguments", () => {
    it("fill in the runbook's defaults", () => {
        const r = resolveEdge(edgeStackArgs("production"));
        assert.deepEqual([r.dnsTtl, r.minTlsVersion, r.hstsMaxAgeSeconds, r.certificateAuthority, r.certificateValidityDays], [300, "1.2", 15552000, "google", 90]);
        assert.deepEqual(r.apiHosts, ["api.teei.example.com"]);
        assert.deepEqual(r.appHosts, ["cockpit.teei.example.com", "static.teei.example.com"]);
        assert.equal(r.corsOrigin, "https://cockpit.teei.example.com");
    });

    it("list every problem at once, each naming the field", () => {
        const args = edgeStackArgs("production");
        const bad = {
            ...args,
            apiHosts: ["apix"],
            rateLimits: { free: 0.5 },
            hstsMaxAgeSeconds: 86400,
            static: { ...args.static!, host: "cockpit", previousRelease: args.static!.activeRelease },
        };
        assert.deepEqual(edgeProblems(bad), [
            'edge.apiHosts: "apix" is no service\'s host; expected one of api, cockpit',
            'edge.static.host: "cockpit" is already a service\'s host; give the frontend its own host',
            'edge.static.previousRelease: "v2.5.0" is the active release; a rollback would serve the same release',
            "edge.rateLimits.free: must be a whole number of requests per minute (got 0.5)",
            "edge.hstsMaxAgeSeconds: must be at least 15552000 (6 months)",
        ]);
        assert.throws(() => resolveEdge(bad), EdgeArgsError);
    });

    it("refuse an empty set of tiers", () => {
        assert.deepEqual(edgeProblems({ ...edgeStackArgs("production"), rateLimits: {} }), ["edge.rateLimits: declare at least one tier"]);
    });
});
