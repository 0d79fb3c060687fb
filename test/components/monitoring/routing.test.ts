import { strict as assert } from "node:assert";
import { channelKinds, type ChannelKind } from "../../../components/monitoring";

const all = new Set<ChannelKind>(["pagerduty", "slack", "email"]);

describe("which channels each severity reaches", () => {
    it("pages P0 and P1, posts P2 in the war room and mails P3 tickets in production", () => {
        assert.deepEqual(channelKinds("P0", "production", all), ["pagerduty", "slack"]);
        assert.deepEqual(channelKinds("P1", "production", all), ["pagerduty", "slack"]);
        assert.deepEqual(channelKinds("P2", "production", all), ["slack"]);
        assert.deepEqual(channelKinds("P3", "production", all), ["email"]);
    });

    it("routes every staging alert to Slack only, even where a pager and email exist", () => {
        for (const s of ["P0", "P1", "P2", "P3"] as const) assert.deepEqual(channelKinds(s, "staging", all), ["slack"]);
        assert.deepEqual(channelKinds("P0", "staging", new Set<ChannelKind>(["pagerduty", "email"])), []);
    });

    it("falls back to Slack, then email, rather than notify nobody", () => {
        assert.deepEqual(channelKinds("P3", "production", new Set<ChannelKind>(["pagerduty", "slack"])), ["slack"]);
        assert.deepEqual(channelKinds("P1", "production", new Set<ChannelKind>(["email"])), ["email"]);
        assert.deepEqual(channelKinds("P1", "production", new Set<ChannelKind>(["slack"])), ["slack"]);
        assert.deepEqual(channelKinds("P2", "production", new Set<ChannelKind>()), []);
    });
});
