import * as assert from "node:assert/strict";
import {
    cloudflareIpRanges, resolveEdge, staticBucketSpec, staticCacheRules, staticOriginRules, staticPublicReadSpec, staticRewriteRules, StaticFrontend,
    type ResolvedStatic,
} from "../../../components/edge";
import { edgeStackArgs, types } from "./fixtures";
import { engineResources } from "./harness";

function production(): { edge: ReturnType<typeof resolveEdge>; s: ResolvedStatic } {
    const edge = resolveEdge(edgeStackArgs("production"));
    return { edge, s: edge.static! };
}

describe("the static frontend", () => {
    it("keeps releases in a versioned bucket that never deletes a live file and keeps retired ones 90 days", () => {
        const { s } = production();
        const b = staticBucketSpec(s, "production");
        assert.equal(b.name, "teei-csr-prod-static");
        assert.equal(b.location, "EUROPE-WEST1");
        assert.equal(b.uniformBucketLevelAccess, true);
        assert.deepEqual(b.versioning, { enabled: true });
        assert.equal(b.forceDestroy, false);
        assert.deepEqual(b.lifecycleRules, [{ action: { type: "Delete" }, condition: { withState: "ARCHIVED", daysSinceNoncurrentTime: 90 } }]);
        assert.deepEqual(b.labels, { "golive-active-release": "v2_5_0", "golive-previous-release": "v2_4_9", "golive-environment": "production" });
    });

    it("lets only Cloudflare's addresses and the uploaders' reach the bucket, and everyone read objects without listing them", () => {
        const { s } = production();
        const b = staticBucketSpec(s, "production");
        assert.equal(b.ipFilter.mode, "Enabled");
        assert.deepEqual(b.ipFilter.publicNetworkSource.allowedIpCidrRanges, [...cloudflareIpRanges, "203.0.113.16/28"]);
        assert.deepEqual(staticPublicReadSpec("teei-csr-prod-static"), { bucket: "teei-csr-prod-static", role: "roles/storage.legacyObjectReader", member: "allUsers" });
    });

    it("rewrites the entry points to the active release and versioned paths to themselves", () => {
        const { s } = production();
        assert.deepEqual(staticRewriteRules(s).map((r) => [r.ref, r.actionParameters.uri.path]), [
            ["static-root", { value: "/teei-csr-prod-static/releases/v2.5.0/index.html" }],
            ["static-active", { expression: 'concat("/teei-csr-prod-static/releases/v2.5.0", http.request.uri.path)' }],
            ["static-versioned", { expression: 'concat("/teei-csr-prod-static", http.request.uri.path)' }],
        ]);
        assert.deepEqual(staticOriginRules(s)[0]!.actionParameters, { hostHeader: "storage.googleapis.com", sni: { value: "storage.googleapis.com" } });
    });

    it("rolls back by swapping the releases: only the rewrite target and the labels change, the cache rules do not", () => {
        const { s } = production();
        const back: ResolvedStatic = { ...s, activeRelease: s.previousRelease, previousRelease: s.activeRelease };
        assert.deepEqual(staticRewriteRules(back)[1]!.actionParameters.uri.path, { expression: 'concat("/teei-csr-prod-static/releases/v2.4.9", http.request.uri.path)' });
        assert.deepEqual(staticBucketSpec(back, "production").labels, { "golive-active-release": "v2_4_9", "golive-previous-release": "v2_5_0", "golive-environment": "production" });
        assert.deepEqual(staticCacheRules(back), staticCacheRules(s));
    });

    it("caches versioned files a year and entry points a minute, with cache deception armor", () => {
        const { s } = production();
        assert.deepEqual(staticCacheRules(s).map((r) => [r.ref, r.actionParameters.edgeTtl.default, r.actionParameters.browserTtl.default, r.actionParameters.cacheKey.cacheDeceptionArmor]), [
            ["static-versioned", 31536000, 31536000, true],
            ["static-entry-points", 60, 60, true],
        ]);
    });

    it("declares the bucket, its public read, the host record and the two rulesets as one component", async () => {
        const { edge } = production();
        const rs = await engineResources(() => new StaticFrontend("web", { edge }));
        assert.deepEqual(rs.map((r) => `${r.type}::${r.urn.slice(r.urn.lastIndexOf("::") + 2)}`).sort(), [
            `${types.dnsRecord}::web-host`,
            `${types.ruleset}::web-origin`,
            `${types.ruleset}::web-rewrite`,
            `${types.bucket}::web-bucket`,
            `${types.bucketIamMember}::web-public-read`,
            `${types.staticFrontend}::web`,
        ].sort());
        const record = rs.find((r) => r.type === types.dnsRecord)!;
        assert.deepEqual(record.inputs, { zoneId: edge.zoneId, name: "static.teei.example.com", type: "CNAME", content: "storage.googleapis.com", proxied: true, ttl: 1, comment: "golive: static frontend, bucket teei-csr-prod-static" });
    });
});
