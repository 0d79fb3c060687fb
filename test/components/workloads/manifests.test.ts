/* eslint-disable @typescript-eslint/no-explicit-any -- recorded inputs are untyped JSON */
import * as assert from "node:assert/strict";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { Workloads } from "../../../components/workloads";
import { validateManifest } from "../../../tools/manifests";
import { stackArgs } from "./fixtures";
import { installMocks, kubernetesObjects, record, types, type Registered } from "./harness";

/** Kinds kubernetes-models has no schema for (CRDs: Gateway API and GKE's policies). */
const crdTypes = new Set<string>([types.gateway, types.httpRoute, types.healthCheckPolicy]);

/**
 * The object as it would be applied: a secret (the SDK marks a Secret's whole stringData)
 * keeps its shape, each value replaced by a placeholder, so the schema still sees a map.
 */
function manifest(inputs: unknown): any {
    const plain = (v: any): any => {
        if (Array.isArray(v)) return v.map(plain);
        if (v === null || typeof v !== "object") return v;
        if (v[specialSigKey] === specialSecretSig) {
            const inner = v.value;
            return inner !== null && typeof inner === "object" && !Array.isArray(inner)
                ? Object.fromEntries(Object.keys(inner).map((k) => [k, "<secret>"]))
                : "<secret>";
        }
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    };
    return plain(inputs);
}

describe("Workloads manifests", () => {
    const planned: Record<string, Registered[]> = {};

    before(async () => {
        await installMocks();
        planned.production = await record(() => new Workloads("platform", stackArgs("production")));
        planned.staging = await record(() => new Workloads("platform", stackArgs("staging")));
    });

    for (const stack of ["production", "staging"] as const) {
        it(`declares only objects that are valid against the Kubernetes schemas (${stack})`, async () => {
            const objects = kubernetesObjects(planned[stack]!).filter((r) => !crdTypes.has(r.type));
            assert.ok(objects.length >= 30, `${objects.length} objects`);
            const kinds = new Set<string>();
            for (const r of objects) {
                const result = await validateManifest(manifest(r.inputs));
                assert.equal(result.schema, true, `${result.subject}: no schema applied`);
                assert.deepEqual(result.errors, [], `${result.subject} is invalid`);
                kinds.add(r.inputs.kind);
            }
            assert.deepEqual([...kinds].sort(), [
                "ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Namespace", "NetworkPolicy", "PodDisruptionBudget", "Secret", "Service", "ServiceAccount",
            ]);
        });
    }

    it("would catch an invalid object: the validator is not a no-op", async () => {
        const d = manifest(planned.production!.find((r) => r.type === types.deployment)!.inputs);
        d.spec.template.spec.containers[0].ports[0].containerPort = "http";
        d.spec.strategy.rollingUpdate.maxUnavailable = { zero: true };
        const result = await validateManifest(d);
        assert.equal(result.schema, true);
        assert.equal(result.errors.length, 2, result.errors.join("\n"));
    });

    it("has no schema for Gateway API and GKE policy objects in kubernetes-models, so says so", async () => {
        for (const stack of ["production", "staging"] as const) {
            for (const r of kubernetesObjects(planned[stack]!).filter((x) => crdTypes.has(x.type))) {
                const result = await validateManifest(manifest(r.inputs));
                assert.equal(result.schema, false, result.subject);
                assert.deepEqual(result.errors, []);
                assert.match(result.note ?? "", /not validated: no schema for (gateway\.networking\.k8s\.io|networking\.gke\.io)\/v1 /);
            }
        }
    });

    it("checks what the missing schemas would: routes attach to a listener of the Gateway and name planned Services and ports", () => {
        for (const stack of ["production", "staging"] as const) {
            const objects = kubernetesObjects(planned[stack]!).map((r) => ({ type: r.type, o: r.inputs }));
            const gateway = objects.find((x) => x.type === types.gateway)!.o;
            const listeners = new Map<string, any>(gateway.spec.listeners.map((l: any) => [l.name, l]));
            const services = new Map<string, any>(objects.filter((x) => x.type === types.service).map((x) => [x.o.metadata.name, x.o]));
            for (const l of listeners.values()) {
                assert.match(l.name, /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
                assert.equal(l.protocol, "HTTPS");
                assert.equal(l.port, 443);
            }
            const routes = objects.filter((x) => x.type === types.httpRoute).map((x) => x.o);
            assert.ok(routes.length >= 2);
            for (const route of routes) {
                for (const parent of route.spec.parentRefs) {
                    assert.equal(parent.name, gateway.metadata.name);
                    const listener = listeners.get(parent.sectionName);
                    assert.ok(listener, `${route.metadata.name}: no listener ${parent.sectionName}`);
                    assert.deepEqual(route.spec.hostnames, [listener.hostname]);
                }
                for (const rule of route.spec.rules) {
                    const total = rule.backendRefs.reduce((sum: number, b: any) => sum + b.weight, 0);
                    assert.equal(total, 100, `${route.metadata.name}: weights add up to ${total}`);
                    for (const b of rule.backendRefs) {
                        assert.ok(Number.isInteger(b.weight) && b.weight >= 0 && b.weight <= 1_000_000);
                        const svc = services.get(b.name);
                        assert.ok(svc, `${route.metadata.name}: backend ${b.name} is not a planned Service`);
                        assert.ok(svc.spec.ports.some((p: any) => p.port === b.port), `${b.name} has no port ${b.port}`);
                    }
                }
            }
            for (const hc of objects.filter((x) => x.type === types.healthCheckPolicy).map((x) => x.o)) {
                assert.ok(services.has(hc.spec.targetRef.name), `${hc.metadata.name}: targets no planned Service`);
                assert.ok(hc.spec.default.timeoutSec <= hc.spec.default.checkIntervalSec);
            }
        }
    });
});
