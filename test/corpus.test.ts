import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

const vendored = path.join(__dirname, "corpus");
const shared = path.resolve(__dirname, "..", "..", "shared", "corpus");
const blobs = JSON.parse(fs.readFileSync(path.join(vendored, "blobs.json"), "utf8")) as Record<string, string>;

/** `git hash-object`: sha1 of "blob <size>\0" + content. */
function blobId(file: string): string {
    const content = fs.readFileSync(file);
    return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}

describe("the vendored corpus of files written by others", () => {
    it("is unedited: every file has the blob id it was copied with", () => {
        const changed = Object.entries(blobs).filter(([file, id]) => blobId(path.join(vendored, file)) !== id);
        assert.deepEqual(changed, []);
    });

    it("holds every file of ../shared/corpus, identical, when that folder is present", function () {
        if (!fs.existsSync(shared)) this.skip(); // a clean clone outside the workspace has only the copy
        for (const dir of ["k8s-manifests", "stack-exports", "firestore-indexes"]) {
            for (const f of fs.readdirSync(path.join(shared, dir))) {
                assert.equal(blobs[`${dir}/${f}`], blobId(path.join(shared, dir, f)), `${dir}/${f} differs from ../shared/corpus`);
            }
        }
    });
});
