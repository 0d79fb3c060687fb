import { strict as assert } from "node:assert";
import { policies } from "../../policies/all";
import type { PolicyResource } from "@pulumi/policy";
import { isKind, isWorkloadKind, kindOf, podSpecOf, resourcesOfType, resourceTypes } from "../../policies/lib";
import { workloadsContainerDisallowUnpinnedImage, workloadsDeploymentMissingPdb } from "../../policies/workloads";
import { notApplicableReasons, resource, stackNotApplicableReasons } from "./harness";

describe("policy definitions", () => {
    it("are mandatory unless policy config lowers them", () => {
        assert.deepEqual(policies.filter((p) => p.enforcementLevel !== "mandatory").map((p) => p.name), []);
    });

    it("say what a resource policy applies to when it does not apply", async () => {
        const bucket = resource("gcp:storage/bucket:Bucket", "assets", { name: "assets" });
        assert.deepEqual(await notApplicableReasons(workloadsContainerDisallowUnpinnedImage, bucket), [{
            policy: "workloads-container-disallow-unpinned-image",
            reason: "applies only to Kubernetes Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob objects, not gcp:storage/bucket:Bucket",
        }]);
    });

    it("say what a stack policy applies to when the stack has none of it", async () => {
        assert.deepEqual(await stackNotApplicableReasons(workloadsDeploymentMissingPdb, []), [{
            policy: "workloads-deployment-missing-pdb",
            reason: "applies only to stacks with Kubernetes Deployment objects; this one has none",
        }]);
    });
});

describe("Kubernetes kinds", () => {
    it("read group, version and kind from a type token", () => {
        assert.deepEqual(kindOf("kubernetes:apps/v1:Deployment"), { group: "apps", version: "v1", kind: "Deployment" });
        assert.deepEqual(kindOf("kubernetes:core/v1:Pod"), { group: "core", version: "v1", kind: "Pod" });
        assert.deepEqual(kindOf("kubernetes:gateway.networking.k8s.io/v1beta1:HTTPRoute"), { group: "gateway.networking.k8s.io", version: "v1beta1", kind: "HTTPRoute" });
        assert.equal(kindOf("gcp:storage/bucket:Bucket"), undefined);
        assert.equal(kindOf("kubernetes:yaml/v2:ConfigGroup")?.kind, "ConfigGroup");
        assert.equal(kindOf("kubernetes:helm.sh/v3:Release")?.group, "helm.sh");
    });

    it("match the group and kind in any version, extensions as the group the kind moved to", () => {
        for (const v of ["apps/v1", "apps/v1beta1", "apps/v1beta2", "extensions/v1beta1"]) {
            assert.ok(isKind(`kubernetes:${v}:Deployment`, "apps", "Deployment"), v);
            assert.ok(isWorkloadKind(`kubernetes:${v}:Deployment`), v);
        }
        assert.equal(kindOf("kubernetes:extensions/v1beta1:DaemonSet")?.group, "apps");
        assert.equal(kindOf("kubernetes:extensions/v1beta1:NetworkPolicy")?.group, "networking.k8s.io");
        assert.ok(isWorkloadKind("kubernetes:batch/v1beta1:CronJob"));
        assert.ok(!isWorkloadKind("kubernetes:apps/v1:DeploymentPatch"));
        assert.ok(!isWorkloadKind("kubernetes:apps/v1:DeploymentList"));
        assert.ok(!isWorkloadKind("kubernetes:core/v1:ConfigMap"));
        assert.ok(!isKind("kubernetes:apps/v1:Deployment", "extensions", "Deployment"));
    });

    it("find the pod spec of every workload kind, whatever its version", () => {
        const template = { template: { spec: { containers: [] } } };
        assert.equal(podSpecOf("kubernetes:apps/v1beta2:StatefulSet", { spec: template })?.path, "spec.template.spec");
        assert.equal(podSpecOf("kubernetes:batch/v1beta1:CronJob", { spec: { jobTemplate: { spec: template } } })?.path, "spec.jobTemplate.spec.template.spec");
        assert.equal(podSpecOf("kubernetes:core/v1:Pod", { spec: { containers: [] } })?.path, "spec");
        assert.equal(podSpecOf("kubernetes:core/v1:Service", { spec: {} }), undefined);
    });
});

describe("resourceTypes, the applies-to of resources that are not Kubernetes objects", () => {
    const alerts = resourceTypes("Cloud Monitoring alert policies", "gcp:monitoring/alertPolicy:AlertPolicy");

    it("matches its type token exactly and nothing else", () => {
        assert.deepEqual(
            ["gcp:monitoring/alertPolicy:AlertPolicy", "gcp:monitoring/alertPolicy:AlertPolicyV2", "kubernetes:apps/v1:Deployment"].map((t) => alerts.matches(t, {})),
            [true, false, false],
        );
    });

    it("refuses to be built without a type token, which would silently match nothing", () => {
        assert.throws(() => resourceTypes("nothing"), { message: 'resourceTypes("nothing") needs at least one type token' });
    });

    it("picks a stack's resources of several tokens in stack order", () => {
        const r = (type: string, name: string) => ({ type, name, urn: name, props: {}, opts: {} }) as unknown as PolicyResource;
        const stack = [r("cloudflare:index/record:Record", "a"), r("gcp:storage/bucket:Bucket", "b"), r("cloudflare:index/dnsRecord:DnsRecord", "c")];
        assert.deepEqual(resourcesOfType(stack, "cloudflare:index/dnsRecord:DnsRecord", "cloudflare:index/record:Record").map((x) => x.name), ["a", "c"]);
    });
});
