import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
    ManifestError,
    parseManifests,
    pulumiType,
    readManifests,
    toEngineResource,
    assertManifestsFolder,
    assertValidManifests,
    generatedHeader,
    validateManifest,
    writeManifests,
    type ManifestObject,
} from "../../tools/manifests";
import { corpusPath, itCorpus } from "../corpus";
import { projectDir } from "./cli";

/** Real manifests from well-known projects (../shared/corpus, never copied here). */
const CORPUS = corpusPath("k8s-manifests");
/** golive's own multi-document manifest with the shapes the corpus taught us. */
const SHOP = path.join(__dirname, "..", "fixtures", "k8s-manifests", "shop.yaml");

/** A scratch directory per test file, removed at the end. */
let tmp: string;
before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "golive-manifests-"));
});
after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
});

/** Writes `files` into a fresh directory under the scratch directory and returns its path. */
function fixtureDir(name: string, files: Record<string, string>): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
}

/** The ManifestError message a promise rejects with (and that it is one). */
async function failure(p: Promise<unknown>): Promise<string> {
    try {
        await p;
    } catch (err) {
        assert.ok(err instanceof ManifestError, `expected a ManifestError, got ${String(err)}`);
        return err.message;
    }
    assert.fail("expected a ManifestError");
}

function parseFailure(text: string, file = "app.yaml"): string {
    try {
        parseManifests(text, file);
    } catch (err) {
        assert.ok(err instanceof ManifestError, `expected a ManifestError, got ${String(err)}`);
        assert.ok(!err.message.includes("\n"), "a read error is one line");
        return err.message;
    }
    assert.fail("expected a ManifestError");
}

function countKinds(objects: ManifestObject[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const o of objects) {
        counts[o.kind] = (counts[o.kind] ?? 0) + 1;
    }
    return counts;
}

/** A Deployment that passes the schema; tests change one thing. */
function deployment(name = "reporting-api", namespace: string | undefined = "teei"): Record<string, unknown> {
    return {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name, ...(namespace ? { namespace } : {}) },
        spec: {
            selector: { matchLabels: { app: name } },
            template: {
                metadata: { labels: { app: name } },
                spec: { containers: [{ name, image: `ghcr.io/teei/${name}:v1.4.2`, ports: [{ containerPort: 8080 }] }] },
            },
        },
    };
}

/** Sets the first container's first port, typed loosely on purpose to write what YAML could hold. */
function setContainerPort(d: Record<string, unknown>, value: unknown): void {
    const spec = d.spec as { template: { spec: { containers: Array<{ ports: Array<Record<string, unknown>> }> } } };
    spec.template.spec.containers[0]!.ports[0]!.containerPort = value;
}

describe("tools/manifests", () => {
    describe("reading the corpus of real manifests", () => {
        const expected: Record<string, Record<string, number>> = {
            "GoogleCloudPlatform__microservices-demo__kubernetes-manifests.yaml": { Deployment: 12, Service: 12, ServiceAccount: 11 },
            "GoogleCloudPlatform__microservices-demo__network-policy-deny-all.yaml": { NetworkPolicy: 1 },
            "GoogleCloudPlatform__microservices-demo__network-policy-frontend.yaml": { NetworkPolicy: 1 },
            "kubernetes__examples__guestbook-all-in-one.yaml": { Service: 3, Deployment: 3 },
            "kubernetes__examples__vllm-horizontal-pod-autoscaler.yaml": { HorizontalPodAutoscaler: 1 },
            "prometheus-operator__kube-prometheus__prometheusAdapter-deployment.yaml": { Deployment: 1 },
            "prometheus-operator__kube-prometheus__prometheusAdapter-networkPolicy.yaml": { NetworkPolicy: 1 },
            "prometheus-operator__kube-prometheus__prometheusAdapter-podDisruptionBudget.yaml": { PodDisruptionBudget: 1 },
            "stefanprodan__podinfo__kustomize-hpa.yaml": { HorizontalPodAutoscaler: 1 },
        };

        for (const [file, kinds] of Object.entries(expected)) {
            itCorpus(`reads ${file} as ${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(", ")}`, async () => {
                assert.deepEqual(countKinds(await readManifests(path.join(CORPUS, file))), kinds);
            });
        }

        itCorpus("reads the whole directory as 48 objects from its 9 files in name order", async () => {
            const objects = await readManifests(CORPUS);
            assert.equal(objects.length, 48);
            const files = [...new Set(objects.map((o) => path.basename(o.file)))];
            assert.deepEqual(files, Object.keys(expected).sort());
            assert.deepEqual(countKinds(objects), {
                Deployment: 16,
                Service: 15,
                ServiceAccount: 11,
                NetworkPolicy: 3,
                HorizontalPodAutoscaler: 2,
                PodDisruptionBudget: 1,
            });
        });

        itCorpus("places the first Online Boutique object after the licence comment, at document 0 line 21", async () => {
            const [first] = await readManifests(path.join(CORPUS, "GoogleCloudPlatform__microservices-demo__kubernetes-manifests.yaml"));
            assert.deepEqual(
                { ...first, object: undefined },
                {
                    file: path.join(CORPUS, "GoogleCloudPlatform__microservices-demo__kubernetes-manifests.yaml"),
                    documentIndex: 0,
                    line: 21,
                    apiVersion: "apps/v1",
                    kind: "Deployment",
                    name: "frontend",
                    type: "kubernetes:apps/v1:Deployment",
                    object: undefined,
                },
            );
        });

        itCorpus("reads an apiVersion followed by an end-of-line comment as the bare apiVersion", async () => {
            const objects = await readManifests(path.join(CORPUS, "kubernetes__examples__guestbook-all-in-one.yaml"));
            assert.deepEqual(
                objects.map((o) => `${o.documentIndex} ${o.line} ${o.type} ${o.name}`),
                [
                    "0 1 kubernetes:core/v1:Service redis-master",
                    "1 18 kubernetes:apps/v1:Deployment redis-master",
                    "2 46 kubernetes:core/v1:Service redis-replica",
                    "3 62 kubernetes:apps/v1:Deployment redis-replica",
                    "4 98 kubernetes:core/v1:Service frontend",
                    "5 117 kubernetes:apps/v1:Deployment frontend",
                ],
            );
        });

        itCorpus("keeps the namespace of the kube-prometheus objects and leaves it absent elsewhere", async () => {
            const objects = await readManifests(CORPUS);
            assert.deepEqual(
                objects.filter((o) => o.namespace !== undefined).map((o) => `${o.type} ${o.namespace}/${o.name}`),
                [
                    "kubernetes:apps/v1:Deployment monitoring/prometheus-adapter",
                    "kubernetes:networking.k8s.io/v1:NetworkPolicy monitoring/prometheus-adapter",
                    "kubernetes:policy/v1:PodDisruptionBudget monitoring/prometheus-adapter",
                ],
            );
        });

        itCorpus("reads the HPA's custom Pods metric with its double-spaced averageValue as the number 4", async () => {
            const [hpa] = await readManifests(path.join(CORPUS, "kubernetes__examples__vllm-horizontal-pod-autoscaler.yaml"));
            const spec = hpa?.object.spec as { metrics: Array<{ type: string; pods: { target: { averageValue: unknown } } }> };
            assert.equal(hpa?.type, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler");
            assert.equal(spec.metrics[0]?.type, "Pods");
            assert.equal(spec.metrics[0]?.pods.target.averageValue, 4);
        });

        itCorpus("finds every corpus object valid against the Kubernetes schemas", async () => {
            const results = await Promise.all((await readManifests(CORPUS)).map((o) => validateManifest(o.object)));
            assert.equal(results.length, 48);
            assert.deepEqual(results.filter((r) => !r.schema || r.errors.length > 0), []);
        });
    });

    describe("reading golive's own multi-document fixture", () => {
        it("reads four objects, the first after the comment header, at document 0 line 5", async () => {
            const objects = await readManifests(SHOP);
            assert.deepEqual(
                objects.map((o) => `${o.documentIndex} ${o.line} ${o.type} ${o.namespace}/${o.name}`),
                [
                    "0 5 kubernetes:apps/v1:Deployment shop/web",
                    "1 26 kubernetes:core/v1:Service shop/web",
                    "2 38 kubernetes:autoscaling/v2:HorizontalPodAutoscaler shop/web",
                    "3 59 kubernetes:networking.k8s.io/v1:NetworkPolicy shop/web",
                ],
            );
        });

        it("reads an apiVersion followed by an end-of-line comment as the bare apiVersion", async () => {
            const [deployment] = await readManifests(SHOP);
            assert.equal(deployment?.apiVersion, "apps/v1");
        });

        it("reads the HPA's averageValue written after two spaces as the number 4", async () => {
            const hpa = (await readManifests(SHOP))[2];
            const spec = hpa?.object.spec as { metrics: Array<{ pods: { target: { averageValue: unknown } } }> };
            assert.equal(spec.metrics[0]?.pods.target.averageValue, 4);
        });

        it("finds every object valid against the Kubernetes schemas", async () => {
            const results = await Promise.all((await readManifests(SHOP)).map((o) => validateManifest(o.object)));
            assert.deepEqual(results.map((r) => [r.schema !== undefined, r.errors]), [[true, []], [true, []], [true, []], [true, []]]);
        });
    });

    describe("type tokens", () => {
        it("names the core group core and keeps every other group as written", () => {
            assert.deepEqual(
                [
                    ["v1", "Pod"],
                    ["apps/v1", "Deployment"],
                    ["networking.k8s.io/v1", "NetworkPolicy"],
                    ["autoscaling/v2", "HorizontalPodAutoscaler"],
                    ["gateway.networking.k8s.io/v1", "HTTPRoute"],
                ].map(([apiVersion, kind]) => pulumiType(apiVersion!, kind!)),
                [
                    "kubernetes:core/v1:Pod",
                    "kubernetes:apps/v1:Deployment",
                    "kubernetes:networking.k8s.io/v1:NetworkPolicy",
                    "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
                    "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute",
                ],
            );
        });
    });

    describe("reading other input", () => {
        it("skips empty documents but keeps counting them in documentIndex", () => {
            const objects = parseManifests("---\n# nothing here\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\n---\n", "a.yaml");
            assert.deepEqual(objects.map((o) => [o.documentIndex, o.line, o.kind, o.name]), [[1, 4, "ConfigMap", "flags"]]);
        });

        it("reads a file that starts with a byte order mark", () => {
            assert.deepEqual(parseManifests("\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\n", "bom.yaml").map((o) => o.type), ["kubernetes:core/v1:ConfigMap"]);
        });

        it("expands a kind: List into its items", () => {
            const text = [
                "apiVersion: v1",
                "kind: List",
                "items:",
                "- apiVersion: v1",
                "  kind: ServiceAccount",
                "  metadata: {name: api, namespace: teei}",
                "- apiVersion: v1",
                "  kind: ConfigMap",
                "  metadata: {name: flags, namespace: teei}",
                "",
            ].join("\n");
            assert.deepEqual(
                parseManifests(text, "list.yaml").map((o) => [o.documentIndex, o.listIndex, o.line, o.type, o.namespace, o.name]),
                [
                    [0, 0, 4, "kubernetes:core/v1:ServiceAccount", "teei", "api"],
                    [0, 1, 7, "kubernetes:core/v1:ConfigMap", "teei", "flags"],
                ],
            );
        });

        it("reads JSON files, and only *.yaml, *.yml and *.json files of a directory, sorted", async () => {
            const dir = fixtureDir("mixed", {
                "b.yml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: b\n",
                "a.json": '{\n\t"apiVersion": "v1",\n\t"kind": "ConfigMap",\n\t"metadata": {"name": "a"}\n}\n',
                "c.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: c\n",
                "README.md": "# not a manifest\n",
            });
            fs.mkdirSync(path.join(dir, "nested"));
            fs.writeFileSync(path.join(dir, "nested", "d.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: d\n");
            assert.deepEqual((await readManifests(dir)).map((o) => `${path.basename(o.file)} ${o.kind} ${o.name}`), [
                "a.json ConfigMap a",
                "b.yml ServiceAccount b",
                "c.yaml Secret c",
            ]);
        });
    });

    describe("reading bad input fails with one line naming the file and what was expected", () => {
        it("reports a YAML syntax error with its line and column", () => {
            const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: name: api\n";
            assert.equal(parseFailure(text), "app.yaml:8:11: document 2: invalid YAML: Nested mappings are not allowed in compact mappings");
        });

        it("reports an unclosed flow sequence where the file ends", () => {
            assert.equal(parseFailure("apiVersion: v1\nkind: Pod\nmetadata:\n  labels: [a\n"), "app.yaml:5:1: document 1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]");
        });

        it("reports a duplicated key", () => {
            assert.equal(parseFailure("apiVersion: v1\nkind: Pod\nkind: Service\nmetadata:\n  name: a\n"), "app.yaml:3:1: document 1: invalid YAML: Map keys must be unique");
        });

        it("reports a document that is a sequence, not a mapping", () => {
            const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\n---\n- apiVersion: v1\n  kind: Pod\n";
            assert.equal(parseFailure(text), "app.yaml:6:1: document 2: expected a Kubernetes object (a mapping with apiVersion, kind and metadata), got a sequence");
        });

        it("reports a document that is a bare string", () => {
            assert.equal(parseFailure("just some text\n"), 'app.yaml:1:1: document 1: expected a Kubernetes object (a mapping with apiVersion, kind and metadata), got the string "just some text"');
        });

        it("reports a missing kind", () => {
            assert.equal(parseFailure("apiVersion: apps/v1\nmetadata:\n  name: api\n"), 'app.yaml:1:1: document 1: "kind" is missing; expected a string such as "Deployment"');
        });

        it("reports a missing apiVersion", () => {
            assert.equal(parseFailure("kind: Deployment\nmetadata:\n  name: api\n"), 'app.yaml:1:1: document 1: "apiVersion" is missing; expected a string such as "apps/v1"');
        });

        it("reports a missing metadata", () => {
            assert.equal(parseFailure("apiVersion: apps/v1\nkind: Deployment\nspec: {}\n"), 'app.yaml:1:1: document 1: Deployment: "metadata" is missing; expected a mapping with at least "name"');
        });

        it("reports a missing metadata.name", () => {
            assert.equal(parseFailure("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  generateName: api-\n"), 'app.yaml:1:1: document 1: Deployment: "metadata.name" is missing; expected the object\'s name');
        });

        it("reports a name that is not a string", () => {
            assert.equal(parseFailure("apiVersion: v1\nkind: Pod\nmetadata:\n  name: 42\n"), 'app.yaml:1:1: document 1: Pod: "metadata.name" must be a non-empty string, got number 42; expected the object\'s name');
        });

        it("reports a bad item of a kind: List by its position", () => {
            const text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n- kind: Pod\n  metadata: {name: b}\n";
            assert.equal(parseFailure(text), 'app.yaml:7:3: document 1, items[1]: "apiVersion" is missing; expected a string such as "apps/v1"');
        });

        it("reports an alias to an anchor that does not exist", () => {
            assert.equal(parseFailure("apiVersion: v1\nkind: Pod\nmetadata: *meta\n"), "app.yaml:1:1: document 1: invalid YAML: Unresolved alias (the anchor must be set before the alias): meta");
        });

        it("reports a path that does not exist", async () => {
            const missing = path.join(tmp, "does-not-exist");
            assert.equal(await failure(readManifests(missing)), `${missing}: no such file or directory`);
        });

        it("reports a directory with no manifest files", async () => {
            const dir = fixtureDir("no-manifests", { "notes.txt": "apiVersion: v1\n" });
            assert.equal(await failure(readManifests(dir)), `${dir}: no manifest files in this directory (expected *.yaml, *.yml or *.json)`);
        });

        it("reports a directory whose manifest files hold only empty documents", async () => {
            const dir = fixtureDir("only-empty", { "a.yaml": "# placeholder\n---\n", "b.yaml": "" });
            assert.equal(await failure(readManifests(dir)), `${dir}: no Kubernetes objects found (every document is empty)`);
        });

        it("names the file inside the directory that is broken", async () => {
            const dir = fixtureDir("one-broken", { "a.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n", "b.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: [b\n" });
            assert.equal(await failure(readManifests(dir)), `${path.join(dir, "b.yaml")}:4:1: document 1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`);
        });
    });

    describe("validation against the Kubernetes schemas", () => {
        it("refuses to validate at all when a loader turns import() into require() of the ESM-only kubernetes-models, rather than call every object schema-less", function () {
            this.timeout(60_000);
            // ts-node with module CommonJS does to import() what golive's own loader once did.
            const script = 'require("./tools/manifests/validate").validateManifest({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "a" } }).then((v) => console.log(JSON.stringify(v)), (e) => { console.error(e.message); process.exit(3); });';
            const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
                cwd: projectDir,
                encoding: "utf8",
                env: { ...process.env, TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: "commonjs", moduleResolution: "node10" }) },
            });
            assert.equal(r.status, 3, r.stdout + r.stderr);
            assert.match(r.stderr, /^kubernetes-models cannot load its core API group \(ERR_PACKAGE_PATH_NOT_EXPORTED: .*\): no Kubernetes object could be validated against its schema\. Reinstall with npm ci, and load golive's TypeScript as the npm scripts do/);
        });

        it("accepts a correct Deployment", async () => {
            assert.deepEqual(await validateManifest(deployment()), { subject: "Deployment teei/reporting-api", schema: true, errors: [] });
        });

        it("reports a containerPort written as a string by its field path", async () => {
            const d = deployment();
            setContainerPort(d, "8080");
            assert.deepEqual(await validateManifest(d), {
                subject: "Deployment teei/reporting-api",
                schema: true,
                errors: ["Deployment teei/reporting-api: spec.template.spec.containers[0].ports[0].containerPort must be integer"],
            });
        });

        it("reports an int-or-string field once, with the types it accepts", async () => {
            const d = deployment();
            (d.spec as Record<string, unknown>).strategy = { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0.5 } };
            assert.deepEqual((await validateManifest(d)).errors, ["Deployment teei/reporting-api: spec.strategy.rollingUpdate.maxUnavailable must be string or integer (int32)"]);
        });

        it("reports every problem of an object: a missing required field, an enum and a label key with dots", async () => {
            const pod = {
                apiVersion: "v1",
                kind: "Pod",
                metadata: { name: "job", labels: { "app.kubernetes.io/name": 3 } },
                spec: { restartPolicy: "Sometimes", containers: [{ image: "busybox:1.36" }] },
            };
            assert.deepEqual((await validateManifest(pod)).errors, [
                'Pod job: metadata.labels["app.kubernetes.io/name"] must be string',
                "Pod job: spec.containers[0].name is required",
                'Pod job: spec.restartPolicy must be one of "Always", "Never", "OnFailure"',
            ]);
        });

        it("reports a missing name and a name that cannot be a path segment, which the schemas allow", async () => {
            const nameless = deployment();
            nameless.metadata = { namespace: "teei" };
            assert.deepEqual((await validateManifest(nameless)).errors, ["Deployment teei/<unnamed>: metadata.name is required (a non-empty string)"]);
            const slashed = deployment("../etc");
            assert.deepEqual((await validateManifest(slashed)).errors, ['Deployment teei/../etc: metadata.name "../etc" may not be "." or ".." or contain "/" or "%"']);
        });

        it("refuses what the API server refuses though the schema allows it: requests above limits", async () => {
            const d = deployment();
            const spec = d.spec as { template: { spec: { containers: Array<Record<string, unknown>> } } };
            spec.template.spec.containers[0]!.resources = { requests: { cpu: "2", memory: "1Gi" }, limits: { cpu: "1", memory: "512Mi" } };
            assert.deepEqual((await validateManifest(d)).errors, [
                'Deployment teei/reporting-api: spec.template.spec.containers[0].resources.requests.cpu "2" exceeds limits.cpu "1"; lower the request or raise the limit (the API server refuses a request above its limit)',
                'Deployment teei/reporting-api: spec.template.spec.containers[0].resources.requests.memory "1Gi" exceeds limits.memory "512Mi"; lower the request or raise the limit (the API server refuses a request above its limit)',
            ]);
            assert.deepEqual((await validateManifest(d, { apiRules: false })).errors, [], "analyze --manifests leaves them to the policy pack");
        });

        it("applies the API server's rules only to an object that passes its schema, so a problem is reported once", async () => {
            const d = deployment();
            delete (d.spec as Record<string, unknown>).selector;
            assert.deepEqual((await validateManifest(d)).errors, ["Deployment teei/reporting-api: spec.selector is required"]);
        });

        it("says a Gateway API HTTPRoute was not validated, apart from errors", async () => {
            const route = { apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "reporting-api", namespace: "teei" }, spec: { parentRefs: "not even a list" } };
            assert.deepEqual(await validateManifest(route), {
                subject: "HTTPRoute teei/reporting-api",
                schema: false,
                errors: [],
                note: "HTTPRoute teei/reporting-api: not validated: no schema for gateway.networking.k8s.io/v1 HTTPRoute",
            });
        });

        it("says a custom resource was not validated", async () => {
            const monitor = { apiVersion: "monitoring.coreos.com/v1", kind: "ServiceMonitor", metadata: { name: "api", namespace: "monitoring" } };
            assert.deepEqual(await validateManifest(monitor), {
                subject: "ServiceMonitor monitoring/api",
                schema: false,
                errors: [],
                note: "ServiceMonitor monitoring/api: not validated: no schema for monitoring.coreos.com/v1 ServiceMonitor",
            });
        });

        it("does not take a schema fragment such as DeploymentSpec for a kind", async () => {
            const fragment = { apiVersion: "apps/v1", kind: "DeploymentSpec", metadata: { name: "x" } };
            assert.equal((await validateManifest(fragment)).note, "DeploymentSpec x: not validated: no schema for apps/v1 DeploymentSpec");
        });
    });

    describe("engine resources", () => {
        it("names a namespaced object <namespace>/<name> in a manifests URN, with the object as inputs and outputs", async () => {
            const objects = await readManifests(SHOP);
            const m = objects[2]!;
            const r = toEngineResource(m);
            assert.deepEqual(r, {
                urn: "urn:pulumi:manifests::golive::kubernetes:autoscaling/v2:HorizontalPodAutoscaler::shop/web",
                custom: true,
                type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
                inputs: m.object,
                outputs: m.object,
                dependencies: [],
                propertyDependencies: {},
            });
            assert.equal((r.inputs.spec as { minReplicas: number }).minReplicas, 1);
        });

        itCorpus("gives the same URN to same-named objects of different files that set no namespace", async () => {
            // Online Boutique and guestbook both declare a Deployment and a Service "frontend".
            const urns = (await readManifests(CORPUS)).map((m) => toEngineResource(m).urn);
            const duplicates = [...new Set(urns.filter((u, i) => urns.indexOf(u) !== i))];
            assert.deepEqual(duplicates, [
                "urn:pulumi:manifests::golive::kubernetes:core/v1:Service::frontend",
                "urn:pulumi:manifests::golive::kubernetes:apps/v1:Deployment::frontend",
            ]);
        });

        itCorpus("names an object without a namespace by its name alone", async () => {
            const [hpa] = await readManifests(path.join(CORPUS, "stefanprodan__podinfo__kustomize-hpa.yaml"));
            assert.equal(toEngineResource(hpa!).urn, "urn:pulumi:manifests::golive::kubernetes:autoscaling/v2:HorizontalPodAutoscaler::podinfo");
        });
    });

    describe("writing manifests", () => {
        it("writes one file per object, named by kind, namespace and name, sorted, and reads back the same objects", async () => {
            const dir = path.join(tmp, "out", "written");
            const objects = [
                deployment(),
                { apiVersion: "v1", kind: "Namespace", metadata: { name: "teei" } },
                { apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "reporting-api", namespace: "teei" }, spec: { hostnames: ["reports.example.org"] } },
                { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "reporting-api", namespace: "teei" }, data: { FEATURE_EXPORT: "on", y: "yes", MODE: "0755" } },
            ];
            const { files } = await writeManifests(dir, objects);
            assert.deepEqual(files, [
                path.join(dir, "configmap-teei-reporting-api.yaml"),
                path.join(dir, "deployment-teei-reporting-api.yaml"),
                path.join(dir, "httproute-teei-reporting-api.yaml"),
                path.join(dir, "namespace-teei.yaml"),
            ]);
            assert.deepEqual(fs.readdirSync(dir).sort(), files.map((f) => path.basename(f)));
            const back = await readManifests(dir);
            assert.deepEqual(back.map((o) => o.object), [objects[3], objects[0], objects[2], objects[1]]);
        });

        it("quotes strings that kubectl's YAML 1.1 would read as booleans or numbers", async () => {
            const dir = path.join(tmp, "out", "quoted");
            const [file] = (await writeManifests(dir, [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "flags", namespace: "n" }, data: { y: "yes", FEATURE_EXPORT: "on", MODE: "0755" } }])).files;
            assert.equal(fs.readFileSync(file!, "utf8"), `${generatedHeader}\n` + 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\n  namespace: "n"\ndata:\n  "y": "yes"\n  FEATURE_EXPORT: "on"\n  MODE: "0755"\n');
        });

        it("returns the objects no schema covers, so they are never counted as validated", async () => {
            const route = { apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "reporting-api", namespace: "teei" }, spec: {} };
            assert.deepEqual(await assertValidManifests([deployment("fund-store"), route]), [route]);
        });

        it("validates planned objects without writing them, listing every invalid one", async () => {
            assert.deepEqual(await assertValidManifests([deployment("fund-store")]), []);
            const badPort = deployment("reporting-api");
            setContainerPort(badPort, "8080");
            const message = await failure(assertValidManifests([deployment("fund-store"), badPort]));
            assert.equal(message, [
                "1 Kubernetes schema problem in the planned objects",
                "  Deployment teei/reporting-api: spec.template.spec.containers[0].ports[0].containerPort must be integer",
            ].join("\n"));
        });

        it("refuses to write anything when one object is invalid, listing every problem", async () => {
            const dir = path.join(tmp, "out", "refused");
            const badPort = deployment("reporting-api");
            setContainerPort(badPort, "8080");
            const noName = { apiVersion: "v1", kind: "ServiceAccount", metadata: { namespace: "teei" } };
            const message = await failure(writeManifests(dir, [deployment("fund-store"), badPort, noName]));
            assert.equal(
                message,
                [
                    `refusing to write manifests to ${dir}: 2 problems`,
                    "  Deployment teei/reporting-api: spec.template.spec.containers[0].ports[0].containerPort must be integer",
                    "  ServiceAccount teei/<unnamed>: metadata.name is required (a non-empty string)",
                ].join("\n"),
            );
            assert.equal(fs.existsSync(dir), false, "the valid fund-store Deployment was not written either");
        });

        it("refuses two objects that would be written to the same file", async () => {
            const dir = path.join(tmp, "out", "clash");
            const v1 = { apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler", metadata: { name: "api", namespace: "teei" }, spec: { maxReplicas: 4, scaleTargetRef: { kind: "Deployment", name: "api" } } };
            const v2 = { ...v1, apiVersion: "autoscaling/v2" };
            assert.equal(
                await failure(writeManifests(dir, [v1, v2])),
                `refusing to write manifests to ${dir}: 1 problem\n  HorizontalPodAutoscaler teei/api: would be written to ${path.join(dir, "horizontalpodautoscaler-teei-api.yaml")}, as HorizontalPodAutoscaler teei/api is`,
            );
            assert.equal(fs.existsSync(dir), false);
        });

        it("leaves the folder holding exactly the last plan's objects, removing the files of an earlier plan", async () => {
            const dir = path.join(tmp, "out", "replanned");
            const canary = deployment("export-service-canary");
            await writeManifests(dir, [deployment("export-service"), canary, { apiVersion: "v1", kind: "Namespace", metadata: { name: "teei" } }]);
            const second = await writeManifests(dir, [deployment("export-service"), { apiVersion: "v1", kind: "Namespace", metadata: { name: "teei" } }]);
            assert.deepEqual(fs.readdirSync(dir).sort(), ["deployment-teei-export-service.yaml", "namespace-teei.yaml"]);
            assert.deepEqual(second.removed, [path.join(dir, "deployment-teei-export-service-canary.yaml")]);
            assert.deepEqual((await readManifests(dir)).map((o) => o.name), ["export-service", "teei"]);
            assert.deepEqual(fs.readdirSync(path.dirname(dir)).filter((f) => f.includes("golive-")), [], "no staging folder left beside it");
        });

        it("starts every file it writes with golive's header, so the next plan knows the file is its own", async () => {
            const dir = path.join(tmp, "out", "headed");
            const { files } = await writeManifests(dir, [deployment(), { apiVersion: "v1", kind: "Namespace", metadata: { name: "teei" } }]);
            for (const file of files) assert.equal(fs.readFileSync(file, "utf8").split("\n")[0], generatedHeader);
            assert.deepEqual(await assertManifestsFolder(dir), files.map((f) => path.basename(f)));
        });

        it("refuses, in one line naming it, a folder holding a file golive did not write, and changes nothing", async () => {
            const dir = path.join(tmp, "out", "shared");
            await writeManifests(dir, [deployment("fund-store")]);
            fs.writeFileSync(path.join(dir, "zz-ingress.yaml"), "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n");
            const before = fs.readdirSync(dir).sort();
            const message = await failure(writeManifests(dir, [deployment("reporting-api")]));
            assert.equal(
                message,
                `refusing to write manifests to ${dir}: ${path.join(dir, "zz-ingress.yaml")} was not written by golive (no golive header on its first line); ` +
                    "each plan replaces the folder's contents and never deletes a file golive did not write: move it out or choose another folder",
            );
            assert.deepEqual(fs.readdirSync(dir).sort(), before);
            assert.equal(await failure(assertManifestsFolder(dir)), message);
        });

        it("counts the other files golive did not write, and treats a hand-edited header or a sub-folder as not golive's", async () => {
            const dir = path.join(tmp, "out", "crowded");
            await writeManifests(dir, [deployment()]);
            fs.writeFileSync(path.join(dir, "a.yaml"), `# edited\n${generatedHeader}\nkind: ConfigMap\n`);
            fs.mkdirSync(path.join(dir, "base"));
            fs.writeFileSync(path.join(dir, ".gitkeep"), "");
            const message = await failure(assertManifestsFolder(dir));
            assert.match(message, new RegExp(`^refusing to write manifests to ${dir}: ${path.join(dir, ".gitkeep")} \\(and 2 others: a\\.yaml, base\\) was not written by golive`));
            assert.equal(message.split("\n").length, 1);
        });

        it("accepts a folder that does not exist yet, and refuses a file where the folder should be", async () => {
            assert.deepEqual(await assertManifestsFolder(path.join(tmp, "out", "not-yet")), []);
            const file = path.join(tmp, "out", "plain-file");
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, "");
            assert.equal(await failure(assertManifestsFolder(file)), `cannot write manifests to ${file}: it is a file, not a folder`);
        });

        it("leaves no file behind when the directory cannot be written", async () => {
            const blocker = path.join(tmp, "out", "a-file");
            fs.mkdirSync(path.dirname(blocker), { recursive: true });
            fs.writeFileSync(blocker, "");
            const dir = path.join(blocker, "manifests");
            const message = await failure(writeManifests(dir, [deployment()]));
            assert.equal(message, `cannot write manifests to ${dir}: a part of this path is not a directory`);
            assert.deepEqual(fs.readdirSync(path.dirname(blocker)).filter((f) => f.endsWith(".tmp")), []);
        });
    });
});
