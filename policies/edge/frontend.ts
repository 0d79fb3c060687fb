/**
 * The static frontend as the edge serves it: its buckets (labelled with the active release)
 * and its hosts (records pointing at Cloud Storage). Not a policy.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { Json } from "../lib";
import { dnsRecordTypes, recordName, recordType } from "./cloudflare";
import { releaseLabels, storageOrigin } from "./thresholds";

export const bucketType = "gcp:storage/bucket:Bucket";

/** The stack's frontend buckets: the ones labelled with golive's active release. */
export function frontendBuckets(resources: readonly PolicyResource[]): PolicyResource[] {
    return resources.filter((r) => r.type === bucketType && typeof r.props.labels?.[releaseLabels.active] === "string");
}

export function bucketName(b: PolicyResource): string {
    return typeof b.props.name === "string" ? b.props.name : b.name;
}

/** Whether a record sends its host to Cloud Storage (a CNAME to storage.googleapis.com or c.storage.googleapis.com). */
export function pointsAtStorage(props: Json): boolean {
    const content: unknown = props?.content ?? props?.value;
    return typeof content === "string" && content.replace(/\.$/, "").toLowerCase().endsWith(storageOrigin);
}

/**
 * The full names of the hosts the stack serves from Cloud Storage: its CNAMEs to it (an A
 * record's content is an address, often unknown until the address is reserved, and never
 * read here).
 */
export function frontendHosts(resources: readonly PolicyResource[]): string[] {
    return [...new Set(resources
        .filter((r) => dnsRecordTypes.includes(r.type) && recordType(r.props) === "CNAME" && pointsAtStorage(r.props))
        .map((r) => recordName(r.props).toLowerCase().replace(/\.$/, "")))];
}
