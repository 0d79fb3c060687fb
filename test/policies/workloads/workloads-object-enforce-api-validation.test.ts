import { strict as assert } from "node:assert";
import { workloadsObjectEnforceApiValidation as policy } from "../../../policies/workloads";
import { messages, notApplicable, resource, UNKNOWN } from "../harness";
import { allowPolicy, bucket, compliantStack, deployment, deploymentAt, hpa, httpRoute, pdb, service } from "./fixtures";

const refused = (object: string, problem: string) => `${object} would be refused by the Kubernetes API server: ${problem}.`;
const api = (problem: string) => refused("Deployment teei/reporting-api", problem);
const container = "spec.template.spec.containers[0]";

describe("workloads-object-enforce-api-validation", () => {
    it("passes every object of a launch-ready service", async () => {
        for (const r of compliantStack()) assert.deepEqual(await messages(policy, r), [], r.urn);
    });

    describe("resources", () => {
        it("refuses requests above limits, as the issue's Deployment had them", async () => {
            const d = deployment((spec) => { spec.containers[0].resources = { requests: { cpu: "2", memory: "1Gi" }, limits: { cpu: "1", memory: "512Mi" } }; });
            assert.deepEqual(await messages(policy, d), [
                api(`${container}.resources.requests.cpu "2" exceeds limits.cpu "1"; lower the request or raise the limit (the API server refuses a request above its limit)`),
                api(`${container}.resources.requests.memory "1Gi" exceeds limits.memory "512Mi"; lower the request or raise the limit (the API server refuses a request above its limit)`),
            ]);
        });

        it("compares quantities by value, whatever their notation", async () => {
            const d = deployment((spec) => { spec.containers[0].resources = { requests: { cpu: "1000m", memory: "0.5Gi" }, limits: { cpu: 1, memory: "512Mi" } }; });
            assert.deepEqual(await messages(policy, d), []);
        });

        it("refuses a value that is not a quantity", async () => {
            const d = deployment((spec) => { spec.containers[0].resources.requests.cpu = "2 cores"; });
            assert.deepEqual(await messages(policy, d), [api(`${container}.resources.requests.cpu "2 cores" must be a Kubernetes quantity such as 250m, 1, 1.5, 512Mi or 1Gi`)]);
        });

        it("refuses a GPU requested without a limit, since it cannot be overcommitted", async () => {
            const d = deployment((spec) => { spec.containers[0].resources.requests["nvidia.com/gpu"] = 1; });
            assert.deepEqual(await messages(policy, d), [api(`${container}.resources.limits["nvidia.com/gpu"] is required: nvidia.com/gpu cannot be overcommitted, so its limit must be set equal to its request "1"`)]);
        });
    });

    describe("selectors", () => {
        it("refuses a selector that does not select the pod template's labels", async () => {
            const d = deployment((_spec, props) => { props.spec.selector.matchLabels["app.kubernetes.io/name"] = "reporting"; });
            assert.deepEqual(await messages(policy, d), [api("spec.template.metadata.labels (app.kubernetes.io/name=reporting-api) do not match spec.selector; every label the selector requires must be on the pod template")]);
        });

        it("refuses an empty selector", async () => {
            const d = deployment((_spec, props) => { props.spec.selector = {}; });
            assert.deepEqual(await messages(policy, d), [api("spec.selector must not be empty: an empty selector would match every pod of the namespace, which the API server refuses for a Deployment")]);
        });

        it("refuses a missing selector in apps/v1, and accepts it in apps/v1beta1, which filled it in from the template", async () => {
            const d = deployment((_spec, props) => { delete props.spec.selector; });
            assert.deepEqual(await messages(policy, d), [api("spec.selector is required: a Deployment finds its pods by it (usually matchLabels equal to the pod template's labels)")]);
            const old = deploymentAt("apps/v1beta1", (_spec, props) => { delete props.spec.selector; });
            assert.deepEqual(await messages(policy, old), []);
        });

        it("refuses a matchExpression with In and no values", async () => {
            const p = pdb((props) => { props.spec.selector = { matchExpressions: [{ key: "tier", operator: "In", values: [] }] }; });
            assert.deepEqual(await messages(policy, p), [refused("PodDisruptionBudget teei/reporting-api", "spec.selector.matchExpressions[0].values must have at least one value when the operator is In")]);
        });
    });

    describe("names and labels", () => {
        it("refuses a Deployment name that is not a DNS subdomain", async () => {
            const d = deployment((_spec, props) => { props.metadata.name = "Reporting_API"; });
            assert.deepEqual(await messages(policy, d), [refused("Deployment teei/Reporting_API", `metadata.name "Reporting_API" must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit`)]);
        });

        it("refuses a Service name starting with a digit, which a Deployment may have", async () => {
            const s = service((props) => { props.metadata.name = "2fa-api"; });
            assert.deepEqual(await messages(policy, s), [refused("Service teei/2fa-api", `metadata.name "2fa-api" must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter and ending with a letter or digit`)]);
            assert.deepEqual(await messages(policy, deployment((_spec, props) => { props.metadata.name = "2fa-api"; })), []);
        });

        it("refuses a label key with two slashes and a label value longer than 63 characters", async () => {
            const d = deployment((_spec, props) => { props.metadata.labels = { "golive.dev/team/owner": "a", tier: "x".repeat(64) }; });
            assert.deepEqual(await messages(policy, d), [
                api(`metadata.labels key "golive.dev/team/owner" may contain at most one '/' (prefix/name)`),
                api(`metadata.labels.tier "${"x".repeat(64)}" must be at most 63 characters (got 64)`),
            ]);
        });

        it("refuses an annotation key whose prefix is not a DNS subdomain", async () => {
            const d = deployment((_spec, props) => { props.spec.template.metadata.annotations = { "Golive_Dev/owner": "sre" }; });
            assert.deepEqual(await messages(policy, d), [api(`spec.template.metadata.annotations key "Golive_Dev/owner" prefix "golive_dev" must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit`)]);
        });
    });

    describe("containers and ports", () => {
        it("refuses two containers of one name, init containers included", async () => {
            const d = deployment((spec) => { spec.initContainers = [{ name: "reporting-api", image: "ghcr.io/teei/migrate:v1.0.0" }]; });
            assert.deepEqual(await messages(policy, d), [api(`${container}.name "reporting-api" is already the name of spec.template.spec.initContainers[0]; container names must be unique in a pod, init containers included`)]);
        });

        it("refuses a container port outside 1..65535", async () => {
            const d = deployment((spec) => { spec.containers[0].ports[0].containerPort = 80800; });
            assert.deepEqual(await messages(policy, d), [api(`${container}.ports[0].containerPort 80800 must be from 1 to 65535`)]);
        });

        it("refuses two ports of one name in a container", async () => {
            const d = deployment((spec) => { spec.containers[0].ports.push({ name: "http", containerPort: 9090 }); });
            assert.deepEqual(await messages(policy, d), [api(`${container}.ports[1].name "http" is already the name of ports[0]; port names must be unique in a container`)]);
        });

        it("refuses a port name longer than 15 characters", async () => {
            const d = deployment((spec) => { spec.containers[0].ports.push({ name: "prometheus-metrics", containerPort: 9090 }); });
            assert.deepEqual(await messages(policy, d), [api(`${container}.ports[1].name "prometheus-metrics" must be at most 15 characters (got 18)`)]);
        });

        it("refuses a container without an image", async () => {
            const d = deployment((spec) => { delete spec.containers[0].image; });
            assert.deepEqual(await messages(policy, d), [api(`${container}.image is required`)]);
        });

        it("refuses a value and a valueFrom on one env var", async () => {
            const d = deployment((spec) => { spec.containers[0].env[1].value = "postgres://localhost"; });
            assert.deepEqual(await messages(policy, d), [api(`${container}.env[1].valueFrom must not be set together with a non-empty value; keep one of them`)]);
        });

        it("refuses a mount of a volume the pod does not declare", async () => {
            const d = deployment((spec) => { spec.containers[0].volumeMounts = [{ name: "tmp", mountPath: "/tmp" }]; });
            assert.deepEqual(await messages(policy, d), [api(`${container}.volumeMounts[0].name "tmp" names no volume of the pod (it declares none)`)]);
        });
    });

    describe("probes", () => {
        it("refuses a probe with two handlers", async () => {
            const d = deployment((spec) => { spec.containers[0].readinessProbe.tcpSocket = { port: "http" }; });
            assert.deepEqual(await messages(policy, d), [api(`${container}.readinessProbe names 2 handlers (httpGet, tcpSocket); keep exactly one`)]);
        });

        it("refuses a probe with no handler", async () => {
            const d = deployment((spec) => { delete spec.containers[0].startupProbe.httpGet; });
            assert.deepEqual(await messages(policy, d), [api(`${container}.startupProbe must name one handler: exec, httpGet, tcpSocket, grpc`)]);
        });

        it("refuses a liveness probe whose successThreshold is not 1", async () => {
            const d = deployment((spec) => { spec.containers[0].livenessProbe.successThreshold = 2; });
            assert.deepEqual(await messages(policy, d), [api(`${container}.livenessProbe.successThreshold 2 must be 1 for a liveness probe`)]);
        });

        it("refuses a probe port written as a number in quotes", async () => {
            const d = deployment((spec) => { spec.containers[0].readinessProbe.httpGet.port = "8080"; });
            assert.deepEqual(await messages(policy, d), [api(`${container}.readinessProbe.httpGet.port "8080" must contain at least one letter`)]);
        });

        it("refuses a readiness probe on an init container that is not a sidecar", async () => {
            const d = deployment((spec) => {
                spec.initContainers = [{ name: "migrate", image: "ghcr.io/teei/migrate:v1.0.0", readinessProbe: { exec: { command: ["true"] } } }];
            });
            assert.deepEqual(await messages(policy, d), [api("spec.template.spec.initContainers[0].readinessProbe must not be set for an init container (only for a sidecar, restartPolicy: Always)")]);
        });

        it("refuses a preStop sleep longer than the grace period", async () => {
            const d = deployment((spec) => { spec.containers[0].lifecycle.preStop.sleep.seconds = 60; });
            assert.deepEqual(await messages(policy, d), [api(`${container}.lifecycle.preStop.sleep.seconds 60 must be from 0 to the pod's terminationGracePeriodSeconds (45)`)]);
        });
    });

    describe("controllers and other kinds", () => {
        it("refuses a rolling update with maxUnavailable and maxSurge both 0", async () => {
            const d = deployment((_spec, props) => { props.spec.strategy.rollingUpdate = { maxUnavailable: 0, maxSurge: "0%" }; });
            assert.deepEqual(await messages(policy, d), [api("spec.strategy.rollingUpdate.maxUnavailable must not be 0 when maxSurge is 0 too: the rollout could never replace a pod")]);
        });

        it("refuses a maxSurge given as a number in quotes", async () => {
            const d = deployment((_spec, props) => { props.spec.strategy.rollingUpdate.maxSurge = "1"; });
            assert.deepEqual(await messages(policy, d), [api(`spec.strategy.rollingUpdate.maxSurge "1" must be an integer or a percentage such as "25%"`)]);
        });

        it("refuses a Job whose pods would restart forever", async () => {
            const job = resource("kubernetes:batch/v1:Job", "migrate", {
                apiVersion: "batch/v1", kind: "Job", metadata: { name: "migrate", namespace: "teei" },
                spec: { template: { spec: { containers: [{ name: "migrate", image: "ghcr.io/teei/migrate:v1.0.0" }] } } },
            });
            assert.deepEqual(await messages(policy, job), [refused("Job teei/migrate", `spec.template.spec.restartPolicy is required for a Job: "OnFailure" or "Never" (unset, it defaults to "Always", which a Job refuses)`)]);
        });

        it("refuses a Service with two ports when one has no name", async () => {
            const s = service((props) => { props.spec.ports.push({ port: 9090, targetPort: 9090 }); });
            assert.deepEqual(await messages(policy, s), [refused("Service teei/reporting-api", "spec.ports[1].name is required when a Service has more than one port")]);
        });

        it("refuses an HPA whose maxReplicas is below its minReplicas", async () => {
            const h = hpa((props) => { props.spec.maxReplicas = 1; });
            assert.deepEqual(await messages(policy, h), [refused("HorizontalPodAutoscaler teei/reporting-api", "spec.maxReplicas 1 must be at least spec.minReplicas (2)")]);
        });

        it("refuses a PodDisruptionBudget with both minAvailable and maxUnavailable", async () => {
            const p = pdb((props) => { props.spec.maxUnavailable = 1; });
            assert.deepEqual(await messages(policy, p), [refused("PodDisruptionBudget teei/reporting-api", "spec sets both minAvailable and maxUnavailable; keep one of them")]);
        });

        it("refuses a NetworkPolicy port range that ends before it starts", async () => {
            const np = allowPolicy((props) => { props.spec.ingress[0].ports[0] = { protocol: "TCP", port: 8080, endPort: 8000 }; });
            assert.deepEqual(await messages(policy, np), [refused("NetworkPolicy teei/reporting-api", "spec.ingress[0].ports[0].endPort 8000 must be at least port 8080")]);
        });
    });

    it("cannot pass silently when a field it judges is unknown during preview", async () => {
        const d = deployment((spec) => { spec.containers[0].resources.limits.cpu = UNKNOWN; });
        const [message, ...rest] = await messages(policy, d);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-object-enforce-api-validation'.*during preview: string value at \.spec\.template\.spec\.containers\.0\.resources\.limits\.cpu can't be known during preview/);
    });

    it("reports kinds whose validation it does not know (custom resources, other clouds) as not applicable", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await notApplicable(policy, httpRoute()), [policy.name]);
        assert.deepEqual(await notApplicable(policy, deployment()), []);
    });
});
