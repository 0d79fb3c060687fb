import { strict as assert } from "node:assert";
import { imageRepository, imageVersion, isImageVersion, parseImage, unpinnedImage, unpinnedText } from "../../policies/lib";

const digest = `sha256:${"a".repeat(64)}`;

describe("image references (policies/lib/image), read once for policies, components and config", () => {
    it("splits a reference into name, tag and digest, a registry port not being a tag", () => {
        assert.deepEqual(parseImage("ghcr.io/teei/api:v2.5.0"), { name: "ghcr.io/teei/api", tag: "v2.5.0" });
        assert.deepEqual(parseImage("registry.local:5000/api"), { name: "registry.local:5000/api" });
        assert.deepEqual(parseImage(`registry.local:5000/api:v1@${digest}`), { name: "registry.local:5000/api", tag: "v1", digest });
        assert.deepEqual(parseImage(`api@${digest}`), { name: "api", digest });
    });

    it("resolves the repository as the runtime does, whatever the tag or digest", () => {
        assert.equal(imageRepository("nginx:1.27"), "docker.io/library/nginx");
        assert.equal(imageRepository(`docker.io/library/nginx@${digest}`), "docker.io/library/nginx");
        assert.equal(imageRepository("teei/api:v1"), "docker.io/teei/api");
        assert.equal(imageRepository("localhost/api:v1"), "localhost/api");
    });

    it("names the version an image runs: its tag, else its digest", () => {
        assert.equal(imageVersion("api:v2.5.0"), "v2.5.0");
        assert.equal(imageVersion(`api@${digest}`), digest);
        assert.equal(imageVersion("api"), undefined);
        assert.ok(isImageVersion("v2.4.9") && isImageVersion(digest));
        assert.ok(!isImageVersion("sha256:abc") && !isImageVersion("-rc"));
    });

    it("says why a reference can move under a rollout, and nothing for a pinned one", () => {
        assert.equal(unpinnedImage("ghcr.io/teei/api:v2.5.0"), undefined);
        assert.equal(unpinnedImage(`ghcr.io/teei/api@${digest}`), undefined);
        assert.equal(unpinnedImage(`ghcr.io/teei/api:latest@${digest}`), undefined, "a digest pins whatever the tag says");
        assert.deepEqual(unpinnedImage("ghcr.io/teei/api"), { reason: "no-tag" });
        assert.deepEqual(unpinnedImage("registry.local:5000/api"), { reason: "no-tag" });
        assert.deepEqual(unpinnedImage("api:LATEST"), { reason: "latest" });
        assert.deepEqual(unpinnedImage("api:"), { reason: "invalid-tag", tag: "" });
        assert.deepEqual(unpinnedImage("api:-rc"), { reason: "invalid-tag", tag: "-rc" });
        assert.deepEqual(unpinnedImage("api@sha256:abc"), { reason: "digest-not-sha256", digest: "sha256:abc" });
        assert.deepEqual(unpinnedImage("api :v1"), { reason: "not-a-reference" });
    });

    it("words each reason for the stack file's reader and for a manifest's", () => {
        assert.deepEqual(unpinnedText({ reason: "latest" }), { config: `tag "latest" is not allowed; pin a version or digest`, manifest: 'tag "latest" moves with every push' });
        assert.deepEqual(unpinnedText({ reason: "invalid-tag", tag: "" }), { config: `tag "" is not a valid tag`, manifest: "its tag is empty" });
        assert.equal(unpinnedText({ reason: "not-a-reference" }).manifest, "it is not an image reference");
    });
});
