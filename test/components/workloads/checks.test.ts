import { strict as assert } from "node:assert";
import { describeProblems, serviceProblems, servicesProblems, type CheckedService } from "../../../components/workloads/checks";

/** A service that passes every check; tests change one field. */
function service(change: Partial<CheckedService> = {}): CheckedService {
    return { name: "export-service", image: "ghcr.io/teei/export-service:v2.1.0", port: 8080, hasPublicRoute: true, ...change };
}

describe("the workloads components' argument checks, reused by the stack config", () => {
    it("pass a well-formed service, canary included", () => {
        assert.deepEqual(serviceProblems(service({ canary: { image: "ghcr.io/teei/export-service:v2.2.0", weight: 10 } })), []);
    });

    it("name each problem by its key path below the service", () => {
        assert.deepEqual(serviceProblems(service({ image: "ghcr.io/teei/export-service:latest" })), [
            { path: ["image"], message: `tag "latest" is not allowed; pin a version or digest` },
        ]);
        assert.deepEqual(serviceProblems(service({ healthPath: "health" })), [{ path: ["healthPath"], message: "must be an absolute HTTP path such as /health" }]);
        assert.deepEqual(serviceProblems(service({ replicas: { min: 0, max: 3 } })), [{ path: ["replicas", "min"], message: "must be a whole number of at least 1" }]);
    });

    it("refuse requests above their limits, as the API server would", () => {
        assert.deepEqual(serviceProblems(service({ resources: { requests: { cpu: "2", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } } })), [{
            path: ["resources"],
            message: `requests.cpu "2" exceeds limits.cpu "1"; lower the request or raise the limit (the API server refuses a request above its limit)`,
        }]);
    });

    it("report an env name also in secretEnv at the secret's side, so the plain value is never echoed", () => {
        const problems = serviceProblems(service({ env: { DATABASE_URL: "postgres://u:pw@db/x" }, secretEnv: { DATABASE_URL: "reportingApiDatabaseUrl" } }));
        assert.deepEqual(problems, [{ path: ["secretEnv", "DATABASE_URL"], message: "is also in env; keep DATABASE_URL in one place" }]);
    });

    it("hold a canary to the rollout steps, the stable's repository and a public host", () => {
        assert.deepEqual(serviceProblems(service({ hasPublicRoute: false, canary: { image: "ghcr.io/other/export-service:v2.2.0", weight: 25 } })), [
            { path: ["canary", "weight"], message: "must be one of the rollout steps 0, 10, 50, 100" },
            { path: ["canary", "image"], message: "must be a version of ghcr.io/teei/export-service (got repository ghcr.io/other/export-service); a canary changes the version only" },
            { path: ["canary"], message: "needs a public host: traffic is split by the Gateway route's weights; set host or remove canary" },
        ]);
    });

    it("find problems across services from their index, even in a malformed list", () => {
        const list = [
            { name: "api", host: "api" },
            { name: "worker", calledBy: ["api", "apj"], canary: {} },
            { name: "api", host: "api" },
            { name: "worker-canary" },
            "not a service",
            { name: "web", host: "Web" },
        ];
        assert.deepEqual(servicesProblems(list), [
            { path: [2, "name"], message: `duplicate service name "api" (also services[0]); names must be unique` },
            { path: [2, "host"], message: `"api" is already served by "api"; one service per host` },
            { path: [5, "host"], message: "must be a single DNS label such as api or cockpit; the stack's domain is appended" },
            { path: [1, "calledBy", 1], message: `names no service "apj"; expected one of api, worker, worker-canary, web` },
            { path: [1, "canary"], message: `its objects would be named "worker-canary", which is another service's name; rename that service` },
        ]);
    });

    it("write each problem as config errors are written, with the plain value found", () => {
        const root = { port: 0, secretEnv: { A: { secret: true } } };
        assert.deepEqual(describeProblems(`service "ledger"`, root, [
            { path: ["port"], message: "must be an integer from 1 to 65535" },
            { path: ["secretEnv", "A"], message: "is also in env; keep A in one place" },
        ]), [
            `service "ledger": port: must be an integer from 1 to 65535 (got 0)`,
            `service "ledger": secretEnv.A: is also in env; keep A in one place`,
        ]);
    });
});
