import { strict as assert } from "node:assert";
import { z } from "zod";
import { secretRef } from "../../schema";
import { SecretFields } from "../../schema/secret-refs";

/** A schema the size of a new area's: secret names under any key, in objects, lists, maps and unions. */
const area = z.strictObject({
    channel: z.string(),
    webhook: z.strictObject({ url: z.string(), token: secretRef }).optional(),
    receivers: z.array(z.strictObject({ name: z.string(), key: secretRef })).default([]),
    headers: z.record(z.string(), secretRef).default({}),
    auth: z.union([z.strictObject({ basic: secretRef }), z.strictObject({ none: z.literal(true) })]).optional(),
});

describe("secret references derived from the schema's secretRef fields", () => {
    const fields = new SecretFields(area);

    it("finds every secret a config names, whatever its key is called, in the config's order", () => {
        const config = area.parse({
            channel: "#ops",
            webhook: { url: "https://hooks.example.com", token: "hookToken" },
            receivers: [{ name: "a", key: "receiverAKey" }, { name: "b", key: "receiverBKey" }],
            headers: { "X-Api-Key": "apiKey" },
            auth: { basic: "basicAuth" },
        });
        assert.deepEqual(fields.usesIn(config), [
            { key: "hookToken", path: ["webhook", "token"] },
            { key: "receiverAKey", path: ["receivers", 0, "key"] },
            { key: "receiverBKey", path: ["receivers", 1, "key"] },
            { key: "apiKey", path: ["headers", "X-Api-Key"] },
            { key: "basicAuth", path: ["auth", "basic"] },
        ]);
        assert.deepEqual(fields.usesIn(area.parse({ channel: "#ops" })), []);
    });

    it("says which keys name a secret or hold one, so errors never echo what is found there", () => {
        for (const path of [["webhook", "token"], ["webhook"], ["receivers", 3, "key"], ["receivers"], ["headers", "anything"], ["auth", "basic"], []]) {
            assert.ok(fields.holdsSecret(path), JSON.stringify(path));
        }
        for (const path of [["channel"], ["webhook", "url"], ["receivers", 0, "name"], ["unknown"], ["channel", "x"]]) {
            assert.ok(!fields.holdsSecret(path), JSON.stringify(path));
        }
    });
});
