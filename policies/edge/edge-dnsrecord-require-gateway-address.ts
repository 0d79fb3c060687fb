import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy, type AppliesTo, type Json } from "../lib";
import { recordLabel, recordType } from "./cloudflare";
import { addressRecordsFor, gatewayHosts, gatewayRef, globalAddressType, isGateway } from "./hosts";

const fix = "Point the record at the Gateway's reserved address (the Edge component reserves it as a GlobalAddress and gives its address to every host record).";

const gateways: AppliesTo = { description: "GKE Gateways", matches: (type) => isGateway({ type }) };

/** The name of the reserved address a Gateway asks GKE for, or undefined. */
function namedAddress(g: PolicyResource): string | undefined {
    const addresses: Json = g.props.spec?.addresses;
    if (!Array.isArray(addresses)) return undefined;
    const named = addresses.find((a: Json) => a?.type === "NamedAddress" && typeof a?.value === "string");
    return named?.value;
}

/**
 * "DNS Records: verify production domain points to correct load balancer": every host a
 * GKE Gateway listens for has A/AAAA records at that Gateway's reserved address. In a
 * preview the address is not known yet, so the record is judged by what its content is
 * computed from (the engine's property dependencies name the GlobalAddress); in a real
 * export the two addresses are compared. The Gateway must ask for a reserved address:
 * an ephemeral one changes when the Gateway is recreated, and DNS would point at nothing.
 */
export const edgeDnsrecordRequireGatewayAddress = stackPolicy({
    name: "edge-dnsrecord-require-gateway-address",
    description: "Every host a GKE Gateway serves resolves to that Gateway's reserved static address.",
    severity: "critical",
    runbook: ["004.infra.dns-ttl"],
    remediation: fix,
    appliesTo: gateways,
    validateStack: (args, reportViolation) => {
        for (const g of args.resources.filter(isGateway)) {
            const name = namedAddress(g);
            if (name === undefined) {
                reportViolation(`${gatewayRef(g)} asks for no reserved address (spec.addresses with type NamedAddress), so GKE gives it an ephemeral IP that changes when the Gateway is recreated, and every DNS record would then point at nothing. Reserve a global static address and name it in spec.addresses.`, g.urn);
                continue;
            }
            const address = args.resources.find((r) => r.type === globalAddressType && r.props.name === name);
            if (!address) {
                reportViolation(`${gatewayRef(g)} uses the reserved address "${name}", which this stack does not declare, so its DNS records cannot be checked against it. Declare the GlobalAddress "${name}" in this stack.`, g.urn);
                continue;
            }
            for (const host of gatewayHosts(g)) {
                for (const record of addressRecordsFor(args.resources, host)) {
                    const label = recordLabel(record.props);
                    if (recordType(record.props) === "CNAME") {
                        reportViolation(`DNS record ${label} for ${host}, served by ${gatewayRef(g)}, is a CNAME, so it does not point at the Gateway's reserved address "${name}". ${fix}`, record.urn);
                        continue;
                    }
                    if ((record.propertyDependencies["content"] ?? []).some((d) => d.urn === address.urn)) continue;
                    const content: unknown = record.props.content ?? record.props.value;
                    const ip: unknown = address.props.address;
                    if (ip === undefined) {
                        reportViolation(`DNS record ${label} for ${host} points at ${JSON.stringify(content) ?? "nothing"}, but "${name}", the reserved address ${gatewayRef(g)} serves on, gets its IP only when it is created, so a fixed value cannot be it. ${fix}`, record.urn);
                    } else if (content !== ip) {
                        reportViolation(`DNS record ${label} for ${host} points at ${JSON.stringify(content) ?? "nothing"}, not at ${JSON.stringify(ip)} of "${name}", the reserved address ${gatewayRef(g)} serves on. ${fix}`, record.urn);
                    }
                }
            }
        }
    },
});
