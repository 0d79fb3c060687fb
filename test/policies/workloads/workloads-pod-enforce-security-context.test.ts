import { strict as assert } from "node:assert";
import { workloadsPodEnforceSecurityContext as policy } from "../../../policies/workloads";
import { messages, notApplicable, resource, UNKNOWN } from "../harness";
import { bucket, deployment } from "./fixtures";

const c = 'container "reporting-api"';

describe("workloads-pod-enforce-security-context", () => {
    it("passes the hardened Deployment golive declares", async () => {
        assert.deepEqual(await messages(policy, deployment()), []);
    });

    it("passes runAsNonRoot set on the pod only", async () => {
        const d = deployment((spec) => { delete spec.containers[0].securityContext.runAsNonRoot; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("passes NET_BIND_SERVICE added back after dropping ALL", async () => {
        const d = deployment((spec) => { spec.containers[0].securityContext.capabilities.add = ["NET_BIND_SERVICE"]; });
        assert.deepEqual(await messages(policy, d), []);
    });

    it("refuses runAsNonRoot false on the container, overriding the pod", async () => {
        const d = deployment((spec) => { spec.containers[0].securityContext.runAsNonRoot = false; });
        assert.deepEqual(await messages(policy, d), [`${c} may run as root: runAsNonRoot is false. Set securityContext.runAsNonRoot: true with a non-zero runAsUser.`]);
    });

    it("refuses a container that may run as root because nothing says otherwise", async () => {
        const d = deployment((spec) => { delete spec.containers[0].securityContext.runAsNonRoot; delete spec.securityContext.runAsNonRoot; });
        assert.deepEqual(await messages(policy, d), [`${c} may run as root: runAsNonRoot is set neither on it nor on the pod. Set securityContext.runAsNonRoot: true with a non-zero runAsUser.`]);
    });

    it("refuses runAsUser 0", async () => {
        const d = deployment((spec) => { spec.securityContext.runAsUser = 0; });
        assert.deepEqual(await messages(policy, d), [`${c} runs as root: runAsUser is 0. Set a non-zero runAsUser (e.g. 10001) and runAsNonRoot: true.`]);
    });

    it("refuses a writable root filesystem", async () => {
        const d = deployment((spec) => { spec.containers[0].securityContext.readOnlyRootFilesystem = false; });
        assert.deepEqual(await messages(policy, d), [`${c} securityContext.readOnlyRootFilesystem is false, so a compromised process can rewrite its image. Set readOnlyRootFilesystem: true and mount an emptyDir where it must write.`]);
    });

    it("refuses an unset allowPrivilegeEscalation, which defaults to true", async () => {
        const d = deployment((spec) => { delete spec.containers[0].securityContext.allowPrivilegeEscalation; });
        assert.deepEqual(await messages(policy, d), [`${c} securityContext.allowPrivilegeEscalation is unset (true by default), so a setuid binary can gain privileges. Set allowPrivilegeEscalation: false.`]);
    });

    it("refuses dropping some capabilities but not ALL", async () => {
        const d = deployment((spec) => { spec.containers[0].securityContext.capabilities.drop = ["NET_RAW"]; });
        assert.deepEqual(await messages(policy, d), [`${c} capabilities.drop is [NET_RAW], without ALL, so it keeps the runtime's default capabilities. Set securityContext.capabilities.drop: [ALL].`]);
    });

    it("refuses adding back a capability other than NET_BIND_SERVICE", async () => {
        const d = deployment((spec) => { spec.containers[0].securityContext.capabilities.add = ["NET_BIND_SERVICE", "SYS_ADMIN"]; });
        assert.deepEqual(await messages(policy, d), [`${c} adds capabilities [SYS_ADMIN]; only NET_BIND_SERVICE may be added back. Remove them from securityContext.capabilities.add.`]);
    });

    it("refuses a privileged container", async () => {
        const d = deployment((spec) => { spec.containers[0].securityContext.privileged = true; });
        assert.deepEqual(await messages(policy, d), [`${c} is privileged, so it has full access to the node. Remove securityContext.privileged.`]);
    });

    it("refuses an Unconfined seccomp profile on the container", async () => {
        const d = deployment((spec) => { spec.containers[0].securityContext.seccompProfile = { type: "Unconfined" }; });
        assert.deepEqual(await messages(policy, d), [`${c} seccomp profile is Unconfined, so every syscall is allowed. Set securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with a profile).`]);
    });

    it("refuses a pod without any seccomp profile", async () => {
        const d = deployment((spec) => { delete spec.securityContext.seccompProfile; });
        assert.deepEqual(await messages(policy, d), [`${c} seccomp profile is unset on it and on the pod, so every syscall is allowed. Set securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with a profile).`]);
    });

    for (const [field, shared] of [["hostNetwork", "network"], ["hostPID", "process"], ["hostIPC", "IPC"]] as const) {
        it(`refuses ${field}`, async () => {
            const d = deployment((spec) => { spec[field] = true; });
            assert.deepEqual(await messages(policy, d), [`Deployment teei/reporting-api sets ${field}: true, so its pods share the node's ${shared} namespace. Remove ${field}.`]);
        });
    }

    it("holds init containers to the same rules", async () => {
        const d = deployment((spec) => { spec.initContainers = [{ name: "migrate", image: "ghcr.io/teei/migrate:v1.0.0", securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } } }]; });
        assert.deepEqual(await messages(policy, d), ['init container "migrate" securityContext.readOnlyRootFilesystem is unset, so a compromised process can rewrite its image. Set readOnlyRootFilesystem: true and mount an emptyDir where it must write.']);
    });

    it("lists everything a bare container in a default namespace gets wrong", async () => {
        const pod = resource("kubernetes:core/v1:Pod", "debug", { metadata: { name: "debug" }, spec: { hostNetwork: true, containers: [{ name: "shell", image: "busybox:1.36" }] } });
        assert.deepEqual(await messages(policy, pod), [
            "Pod default/debug sets hostNetwork: true, so its pods share the node's network namespace. Remove hostNetwork.",
            'container "shell" may run as root: runAsNonRoot is set neither on it nor on the pod. Set securityContext.runAsNonRoot: true with a non-zero runAsUser.',
            'container "shell" securityContext.readOnlyRootFilesystem is unset, so a compromised process can rewrite its image. Set readOnlyRootFilesystem: true and mount an emptyDir where it must write.',
            'container "shell" securityContext.allowPrivilegeEscalation is unset (true by default), so a setuid binary can gain privileges. Set allowPrivilegeEscalation: false.',
            'container "shell" capabilities.drop is [], without ALL, so it keeps the runtime\'s default capabilities. Set securityContext.capabilities.drop: [ALL].',
            'container "shell" seccomp profile is unset on it and on the pod, so every syscall is allowed. Set securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with a profile).',
        ]);
    });

    it("cannot pass silently when a security setting is unknown during preview", async () => {
        const d = deployment((spec) => { spec.containers[0].securityContext.readOnlyRootFilesystem = UNKNOWN; });
        const [message, ...rest] = await messages(policy, d);
        assert.deepEqual(rest, []);
        assert.match(message ?? "", /can't run policy 'workloads-pod-enforce-security-context'.*during preview: string value at \.spec\.template\.spec\.containers\.0\.securityContext\.readOnlyRootFilesystem can't be known during preview/);
    });

    it("reports a resource that is not a workload as not applicable, without a violation", async () => {
        assert.deepEqual(await notApplicable(policy, bucket()), [policy.name]);
        assert.deepEqual(await messages(policy, bucket()), []);
        assert.deepEqual(await notApplicable(policy, deployment()), []);
    });
});
