import { DnsRecord } from "@pulumi/cloudflare/dnsRecord";
import { Ruleset } from "@pulumi/cloudflare/ruleset";
import { Bucket } from "@pulumi/gcp/storage/bucket";
import { BucketIAMMember } from "@pulumi/gcp/storage/bucketIAMMember";
import * as pulumi from "@pulumi/pulumi";
import { automaticTtl, frontendRetentionDays, releaseLabels, releaseLabelValue } from "../../policies/edge/thresholds";
import { cloudflareIpRanges } from "./cloudflare-ips";
import type { ResolvedEdge, ResolvedStatic } from "./resolve";
import { staticOriginRules, staticRewriteRules, storageOrigin } from "./static-rules";

/**
 * The bucket: uniform access, versioning, nothing deleted while live, retired release
 * files kept 90 days, never force-destroyed, and readable only from Cloudflare's addresses
 * (bucket IP filtering) plus the uploaders'. The active and previous releases are labels,
 * which the gate reads (edge-bucket-require-previous-release).
 */
export function staticBucketSpec(s: ResolvedStatic, environment: string) {
    return {
        name: s.bucket,
        location: s.location,
        storageClass: "STANDARD",
        uniformBucketLevelAccess: true,
        // Objects are public by IAM (read, no listing); the IP filter keeps that to Cloudflare's edge.
        publicAccessPrevention: "inherited",
        versioning: { enabled: true },
        forceDestroy: false,
        lifecycleRules: [{ action: { type: "Delete" }, condition: { withState: "ARCHIVED", daysSinceNoncurrentTime: frontendRetentionDays } }],
        ipFilter: {
            mode: "Enabled",
            allowAllServiceAgentAccess: true,
            publicNetworkSource: { allowedIpCidrRanges: [...cloudflareIpRanges, ...s.uploaderCidrs] },
        },
        labels: {
            [releaseLabels.active]: releaseLabelValue(s.activeRelease),
            [releaseLabels.previous]: releaseLabelValue(s.previousRelease),
            "golive-environment": environment,
        },
    };
}

/** Read access for everyone, object by object: storage.objects.get without storage.objects.list. */
export function staticPublicReadSpec<T>(bucket: T) {
    return { bucket, role: "roles/storage.legacyObjectReader", member: "allUsers" };
}

/** The static host: a proxied CNAME to Cloud Storage (the origin rule makes the Host header match). */
export function staticRecordSpec(r: ResolvedEdge, s: ResolvedStatic) {
    return { zoneId: r.zoneId, name: s.hostname, type: "CNAME", content: storageOrigin, proxied: true, ttl: automaticTtl, comment: `golive: static frontend, bucket ${s.bucket}` };
}

export interface StaticFrontendArgs {
    edge: ResolvedEdge;
}

/**
 * The static frontend (`golive:edge:StaticFrontend`): the release bucket, public read,
 * the static host's DNS record, and the rewrite and origin rulesets that serve the active
 * release from the bucket. Rollback is a config change: set activeRelease to the previous
 * release and `pulumi up`; the rewrite rules then serve it (see README).
 */
export class StaticFrontend extends pulumi.ComponentResource {
    readonly bucket: Bucket;
    readonly bucketName: pulumi.Output<string>;
    readonly hostname: pulumi.Output<string>;
    readonly activeRelease: pulumi.Output<string>;

    constructor(name: string, args: StaticFrontendArgs, opts?: pulumi.ComponentResourceOptions) {
        super("golive:edge:StaticFrontend", name, {}, opts);
        const r = args.edge;
        const s = r.static;
        if (!s) throw new pulumi.RunError("StaticFrontend needs the edge's static settings");
        const child = { parent: this };

        // Protected in production like the edge's address: the bucket holds every release, and
        // removing it from the program must fail the plan, not plan its deletion.
        this.bucket = new Bucket(`${name}-bucket`, staticBucketSpec(s, r.environment), { ...child, protect: r.environment === "production" });
        new BucketIAMMember(`${name}-public-read`, staticPublicReadSpec(this.bucket.name), child);
        new DnsRecord(`${name}-host`, staticRecordSpec(r, s), child);
        new Ruleset(`${name}-rewrite`, {
            zoneId: r.zoneId, kind: "zone", phase: "http_request_transform",
            name: "golive static frontend rewrites", description: `serve ${s.hostname} from gs://${s.bucket}/releases/`,
            rules: staticRewriteRules(s),
        }, child);
        new Ruleset(`${name}-origin`, {
            zoneId: r.zoneId, kind: "zone", phase: "http_request_origin",
            name: "golive static frontend origin", description: `${s.hostname} is served by ${storageOrigin}`,
            rules: staticOriginRules(s),
        }, child);

        this.bucketName = this.bucket.name;
        this.hostname = pulumi.output(s.hostname);
        this.activeRelease = pulumi.output(s.activeRelease);
        this.registerOutputs({ bucketName: this.bucketName, hostname: this.hostname, activeRelease: this.activeRelease });
    }
}
