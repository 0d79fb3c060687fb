/* eslint-disable @typescript-eslint/no-explicit-any -- recorded inputs are untyped JSON */
import * as assert from "node:assert/strict";
import { WorkloadArgsError, Workloads, canaryReplicaRange, type MicroserviceCanary, type WorkloadsArgs } from "../../../components/workloads";
import { stackArgs, withService } from "./fixtures";
import { find, installMocks, record, types, type Registered } from "./harness";

type Weight = MicroserviceCanary["weight"];

/** Production with export-service (public: cockpit) running a canary at `weight`. */
function productionCanary(weight: Weight): WorkloadsArgs {
    return withService(stackArgs("production"), "export-service", (s) => ({ ...s, canary: { image: "ghcr.io/teei/export-service:v2.2.0", weight } }));
}

function backendWeights(rs: Registered[]): Array<[string, number]> {
    const refs: any[] = find(rs, types.httpRoute, "export-service-httproute").inputs.spec.rules[0].backendRefs;
    return refs.map((b) => [b.name, b.weight]);
}

describe("Canary", () => {
    let staging: Registered[];

    before(async () => {
        await installMocks();
        staging = await record(() => new Workloads("platform", stackArgs("staging")));
    });

    it("deploys the staging canary as a second Deployment labelled as the stable's canary", () => {
        const canary = find(staging, types.deployment, "export-service-canary-deployment").inputs;
        const stable = find(staging, types.deployment, "export-service-deployment").inputs;
        assert.equal(canary.metadata.name, "export-service-canary");
        assert.equal(canary.metadata.labels["golive.dev/track"], "canary");
        assert.equal(canary.metadata.labels["golive.dev/canary-of"], "export-service");
        assert.equal(canary.metadata.labels["app.kubernetes.io/version"], "v2.2.0-rc.1");
        assert.equal(stable.metadata.labels["golive.dev/track"], "stable");
        assert.equal(stable.metadata.labels["golive.dev/canary-of"], undefined);
        assert.equal(canary.spec.template.spec.containers[0].image, "ghcr.io/teei/export-service:v2.2.0-rc.1");
        assert.equal(stable.spec.template.spec.containers[0].image, "ghcr.io/teei/export-service:v2.1.0");
        assert.equal(canary.spec.template.spec.containers[0].name, stable.spec.template.spec.containers[0].name);
        // Everything but the image and the labels that follow from it is the stable's pod.
        const strip = (d: any) => {
            const t = structuredClone(d.spec.template);
            delete t.metadata.labels;
            delete t.spec.containers[0].image;
            delete t.spec.topologySpreadConstraints;
            return t;
        };
        assert.deepEqual(strip(canary), strip(stable));
    });

    it("gives stable and canary disjoint selectors, each with its own Service, disruption budget and health check", () => {
        const selector = (track: string) => ({ "app.kubernetes.io/name": "export-service", "golive.dev/track": track });
        assert.deepEqual(find(staging, types.service, "export-service-service").inputs.spec.selector, selector("stable"));
        assert.deepEqual(find(staging, types.service, "export-service-canary-service").inputs.spec.selector, selector("canary"));
        assert.equal(find(staging, types.service, "export-service-canary-service").inputs.metadata.name, "export-service-canary");
        assert.deepEqual(find(staging, types.pdb, "export-service-pdb").inputs.spec.selector.matchLabels, selector("stable"));
        assert.deepEqual(find(staging, types.pdb, "export-service-canary-pdb").inputs.spec.selector.matchLabels, selector("canary"));
        assert.deepEqual(find(staging, types.deployment, "export-service-canary-deployment").inputs.spec.selector.matchLabels, selector("canary"));
        assert.equal(find(staging, types.healthCheckPolicy, "export-service-canary-healthcheck").inputs.spec.targetRef.name, "export-service-canary");
        // One NetworkPolicy selects both tracks by name: the canary is reachable exactly as its stable is.
        assert.deepEqual(find(staging, types.networkPolicy, "export-service-networkpolicy").inputs.spec.podSelector, { matchLabels: { "app.kubernetes.io/name": "export-service" } });
        assert.equal(staging.filter((r) => r.type === types.networkPolicy && r.name.startsWith("export-service")).length, 1);
    });

    it("splits the HTTPRoute by backend weights at every rollout step", async () => {
        for (const weight of [0, 10, 50, 100] as const) {
            const rs = await record(() => new Workloads("platform", productionCanary(weight)));
            assert.deepEqual(backendWeights(rs), [["export-service", 100 - weight], ["export-service-canary", weight]], `weight ${weight}`);
        }
        assert.deepEqual(backendWeights(staging), [["export-service", 90], ["export-service-canary", 10]]);
    });

    it("keeps a weight-0 canary deployed and reachable through its Service, but unrouted", async () => {
        const rs = await record(() => new Workloads("platform", productionCanary(0)));
        assert.ok(find(rs, types.deployment, "export-service-canary-deployment"));
        assert.ok(find(rs, types.service, "export-service-canary-service"));
        assert.deepEqual(backendWeights(rs), [["export-service", 100], ["export-service-canary", 0]]);
    });

    it("sizes the canary's autoscaler by its weight, never below two replicas and always able to scale", async () => {
        const production = { min: 2, max: 10 };
        assert.deepEqual(canaryReplicaRange(production, 0, 2), { min: 2, max: 3 });
        assert.deepEqual(canaryReplicaRange(production, 10, 2), { min: 2, max: 3 });
        assert.deepEqual(canaryReplicaRange(production, 50, 2), { min: 2, max: 5 });
        assert.deepEqual(canaryReplicaRange(production, 100, 2), { min: 2, max: 10 });
        assert.deepEqual(canaryReplicaRange({ min: 6, max: 30 }, 50, 2), { min: 3, max: 15 });
        const rs = await record(() => new Workloads("platform", productionCanary(50)));
        const hpa = find(rs, types.hpa, "export-service-canary-hpa").inputs.spec;
        assert.deepEqual([hpa.minReplicas, hpa.maxReplicas], [2, 5]);
        assert.deepEqual(hpa.scaleTargetRef, { apiVersion: "apps/v1", kind: "Deployment", name: "export-service-canary" });
        const stable = find(rs, types.hpa, "export-service-hpa").inputs.spec;
        assert.deepEqual([stable.minReplicas, stable.maxReplicas], [2, 10], "the stable range does not move with the canary");
        assert.deepEqual(find(rs, types.pdb, "export-service-canary-pdb").inputs.spec.maxUnavailable, 1);
    });

    it("promotes by setting the image to the canary's and removing the canary: one stable track at the new version", async () => {
        const promoted = withService(stackArgs("staging"), "export-service", ({ canary: _canary, ...s }) => ({ ...s, image: "ghcr.io/teei/export-service:v2.2.0-rc.1" }));
        const rs = await record(() => new Workloads("platform", promoted));
        assert.equal(rs.filter((r) => r.name.startsWith("export-service-canary")).length, 0);
        assert.deepEqual(backendWeights(rs), [["export-service", 100]]);
        const stable = find(rs, types.deployment, "export-service-deployment").inputs;
        assert.equal(stable.spec.template.spec.containers[0].image, "ghcr.io/teei/export-service:v2.2.0-rc.1");
        assert.equal(stable.metadata.labels["app.kubernetes.io/version"], "v2.2.0-rc.1");
        // The stable objects keep their names, so promotion is an in-place rolling update.
        const names = (x: Registered[]) => x.filter((r) => r.name.startsWith("export-service") && !r.name.startsWith("export-service-canary")).map((r) => `${r.type}::${r.name}`).sort();
        assert.deepEqual(names(rs), names(staging));
    });

    it("rolls back by removing the canary: the stable track is untouched", async () => {
        const rolledBack = withService(stackArgs("staging"), "export-service", ({ canary: _canary, ...s }) => s);
        const rs = await record(() => new Workloads("platform", rolledBack));
        assert.equal(rs.filter((r) => r.name.startsWith("export-service-canary")).length, 0);
        assert.deepEqual(backendWeights(rs), [["export-service", 100]]);
        assert.deepEqual(find(rs, types.deployment, "export-service-deployment").inputs, find(staging, types.deployment, "export-service-deployment").inputs);
    });

    it("refuses a canary on an internal service, saying why and what to do instead", () => {
        const args = withService(stackArgs("production"), "q2q-pipeline", (s) => ({ ...s, canary: { image: "ghcr.io/teei/q2q-pipeline:v1.9.0", weight: 0 } }));
        assert.throws(() => new Workloads("platform", args), (e: unknown) => e instanceof WorkloadArgsError
            && e.problems.length === 1
            && e.problems[0] === `service "q2q-pipeline": canary: needs a public host: traffic is split by the Gateway route's weights; set host or remove canary`);
    });

    it("refuses a canary image from another repository or not pinned", () => {
        const other = withService(stackArgs("staging"), "export-service", (s) => ({ ...s, canary: { image: "ghcr.io/teei/reporting-api:v2.5.0", weight: 10 } }));
        assert.throws(() => new Workloads("platform", other), (e: unknown) => e instanceof WorkloadArgsError
            && e.problems[0] === `service "export-service": canary.image: must be a version of ghcr.io/teei/export-service (got repository ghcr.io/teei/reporting-api); a canary changes the version only (got "ghcr.io/teei/reporting-api:v2.5.0")`);
        const unpinned = withService(stackArgs("staging"), "export-service", (s) => ({ ...s, canary: { image: "ghcr.io/teei/export-service", weight: 10 } }));
        assert.throws(() => new Workloads("platform", unpinned), (e: unknown) => e instanceof WorkloadArgsError
            && e.problems[0] === `service "export-service": canary.image: has no tag; pin a version or digest (got "ghcr.io/teei/export-service")`);
    });
});
