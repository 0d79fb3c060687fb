import { containersOf, kubernetesKinds, objectRef, podSpecOf, podTemplateKinds, resourcePolicy, type Json } from "../lib";

/** The Pod Security Standards "restricted" profile lets a container add back only this one. */
const allowedAdd = new Set(["NET_BIND_SERVICE"]);
const allowedSeccomp = new Set(["RuntimeDefault", "Localhost"]);
const hostNamespaces = [["hostNetwork", "network"], ["hostPID", "process"], ["hostIPC", "IPC"]] as const;

/** A container field, falling back to the pod's securityContext where Kubernetes does. */
function effective(container: Json, pod: Json, field: string): unknown {
    const own: unknown = container?.securityContext?.[field];
    return own !== undefined && own !== null ? own : pod?.securityContext?.[field];
}

function list(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/**
 * The securityContext the runbook's "non-root, read-only, no privilege escalation" means,
 * at the Pod Security Standards "restricted" level: non-root, read-only root filesystem, no
 * privilege escalation, all capabilities dropped, not privileged, a seccomp profile, and no
 * host namespaces. Init containers are held to it too: they run with the same node access.
 */
export const workloadsPodEnforceSecurityContext = resourcePolicy({
    name: "workloads-pod-enforce-security-context",
    description: "Pods and containers run non-root, read-only, without privilege escalation or capabilities, under seccomp, and outside the node's namespaces.",
    severity: "high",
    runbook: ["004.services.workload-security"],
    remediation: "Set runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities.drop: [ALL] and seccompProfile RuntimeDefault; remove privileged and hostNetwork/hostPID/hostIPC.",
    appliesTo: kubernetesKinds(...podTemplateKinds),
    validateResource: (args, reportViolation) => {
        const pod = podSpecOf(args.type, args.props);
        if (!pod) return;
        for (const [field, shared] of hostNamespaces) {
            if (pod.spec[field] === true) {
                reportViolation(`${objectRef(args.type, args.props)} sets ${field}: true, so its pods share the node's ${shared} namespace. Remove ${field}.`);
            }
        }
        for (const c of containersOf(pod)) {
            const sc = c.container?.securityContext;
            const nonRoot = effective(c.container, pod.spec, "runAsNonRoot");
            if (nonRoot !== true) {
                const text = nonRoot === false ? "runAsNonRoot is false" : "runAsNonRoot is set neither on it nor on the pod";
                reportViolation(`${c.label} may run as root: ${text}. Set securityContext.runAsNonRoot: true with a non-zero runAsUser.`);
            }
            if (effective(c.container, pod.spec, "runAsUser") === 0) {
                reportViolation(`${c.label} runs as root: runAsUser is 0. Set a non-zero runAsUser (e.g. 10001) and runAsNonRoot: true.`);
            }
            if (sc?.readOnlyRootFilesystem !== true) {
                reportViolation(`${c.label} securityContext.readOnlyRootFilesystem is ${String(sc?.readOnlyRootFilesystem ?? "unset")}, so a compromised process can rewrite its image. Set readOnlyRootFilesystem: true and mount an emptyDir where it must write.`);
            }
            if (sc?.allowPrivilegeEscalation !== false) {
                reportViolation(`${c.label} securityContext.allowPrivilegeEscalation is ${String(sc?.allowPrivilegeEscalation ?? "unset (true by default)")}, so a setuid binary can gain privileges. Set allowPrivilegeEscalation: false.`);
            }
            const drop = list(sc?.capabilities?.drop);
            if (!drop.some((d) => d.toUpperCase() === "ALL")) {
                reportViolation(`${c.label} capabilities.drop is [${drop.join(", ")}], without ALL, so it keeps the runtime's default capabilities. Set securityContext.capabilities.drop: [ALL].`);
            }
            const added = list(sc?.capabilities?.add).filter((a) => !allowedAdd.has(a.toUpperCase().replace(/^CAP_/, "")));
            if (added.length > 0) {
                reportViolation(`${c.label} adds capabilities [${added.join(", ")}]; only NET_BIND_SERVICE may be added back. Remove them from securityContext.capabilities.add.`);
            }
            if (sc?.privileged === true) {
                reportViolation(`${c.label} is privileged, so it has full access to the node. Remove securityContext.privileged.`);
            }
            const seccomp: unknown = (sc?.seccompProfile ?? pod.spec.securityContext?.seccompProfile)?.type;
            if (typeof seccomp !== "string" || !allowedSeccomp.has(seccomp)) {
                const text = typeof seccomp === "string" ? seccomp : "unset on it and on the pod";
                reportViolation(`${c.label} seccomp profile is ${text}, so every syscall is allowed. Set securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with a profile).`);
            }
        }
    },
});
