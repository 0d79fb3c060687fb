import { strict as assert } from "node:assert";
import { edgeDnsrecordRequireGatewayAddress as policy } from "../../../policies/edge";
import { analyzeStack, resource, stackMessages, stackNotApplicable, UNKNOWN } from "../harness";
import { edgeProps, edgeStack, types, urnOf } from "./fixtures";
import type { EngineResource } from "../../../tools/analyzer/resource";

const fix = "Point the record at the Gateway's reserved address (the Edge component reserves it as a GlobalAddress and gives its address to every host record).";

/** The compliant edge as a real export has it: addresses known, no property dependencies needed. */
function exported(apiContent: string): EngineResource[] {
    return edgeStack((p) => {
        p.address.address = "203.0.113.10";
        p.api.content = apiContent;
        p.cockpit.content = "203.0.113.10";
    }).map((r) => ({ ...r, propertyDependencies: {} }));
}

describe("edge-dnsrecord-require-gateway-address", () => {
    it("passes host records computed from the Gateway's reserved address during preview", async () => {
        assert.deepEqual(await stackMessages(policy, edgeStack()), []);
    });

    it("passes a real export whose records hold the reserved address", async () => {
        assert.deepEqual(await stackMessages(policy, exported("203.0.113.10")), []);
    });

    it("refuses a record at another address, naming the record", async () => {
        const stack = exported("198.51.100.7");
        assert.deepEqual((await analyzeStack(policy, stack)).map((d) => d.urn), [urnOf("api")]);
        assert.deepEqual(await stackMessages(policy, stack), [`DNS record api.teei.example.com (A) for api.teei.example.com points at "198.51.100.7", not at "203.0.113.10" of "golive-production-gateway", the reserved address Gateway teei/public serves on. ${fix}`]);
    });

    it("refuses a fixed address in a host record while the reserved address is still to be allocated", async () => {
        const stack = edgeStack((p) => { p.cockpit.content = "198.51.100.7"; }).map((r) => (r.urn === urnOf("cockpit") ? { ...r, propertyDependencies: {} } : r));
        assert.deepEqual(await stackMessages(policy, stack), [`DNS record cockpit.teei.example.com (A) for cockpit.teei.example.com points at "198.51.100.7", but "golive-production-gateway", the reserved address Gateway teei/public serves on, gets its IP only when it is created, so a fixed value cannot be it. ${fix}`]);
    });

    it("cannot pass silently when the address is unknown and the record is not computed from it", async () => {
        const stack = edgeStack((p) => { p.cockpit.content = "198.51.100.7"; p.address.address = UNKNOWN; }).map((r) => (r.urn === urnOf("cockpit") ? { ...r, propertyDependencies: {} } : r));
        const [message, ...rest] = await stackMessages(policy, stack);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'edge-dnsrecord-require-gateway-address'.*during preview: .* value at \.address can't be known during preview/);
    });

    it("refuses a Gateway without a reserved address", async () => {
        const stack = edgeStack((p) => { delete p.gateway.spec.addresses; });
        assert.deepEqual(await stackMessages(policy, stack), ["Gateway teei/public asks for no reserved address (spec.addresses with type NamedAddress), so GKE gives it an ephemeral IP that changes when the Gateway is recreated, and every DNS record would then point at nothing. Reserve a global static address and name it in spec.addresses."]);
    });

    it("refuses a reserved address the stack does not declare, which cannot be checked", async () => {
        const stack = edgeStack((p) => { p.address = undefined; });
        assert.deepEqual(await stackMessages(policy, stack), ['Gateway teei/public uses the reserved address "golive-production-gateway", which this stack does not declare, so its DNS records cannot be checked against it. Declare the GlobalAddress "golive-production-gateway" in this stack.']);
    });

    it("refuses a CNAME for a Gateway host", async () => {
        const stack = edgeStack((p) => { p.cockpit = { ...edgeProps()["cockpit"], type: "CNAME", content: "lb.example.net" }; });
        assert.deepEqual(await stackMessages(policy, stack), [`DNS record cockpit.teei.example.com (CNAME) for cockpit.teei.example.com, served by Gateway teei/public, is a CNAME, so it does not point at the Gateway's reserved address "golive-production-gateway". ${fix}`]);
    });

    it("does not apply to a stack without a Gateway", async () => {
        assert.deepEqual(await stackNotApplicable(policy, edgeStack((p) => { p.gateway = undefined; })), [policy.name]);
        assert.deepEqual(await stackNotApplicable(policy, [resource(types.gateway, "g", edgeProps()["gateway"])]), []);
    });
});
