/**
 * Which Services of the stack send a workload's pods traffic, as kube-proxy and the
 * endpoints controller decide it, and how messages name them. Not a policy.
 */
import type { PolicyResource } from "@pulumi/policy";
import { nameOf, namespaceOf, resourcesOfKind, type Json } from "../lib";
import { podLabelsOf } from "./selectors";

/**
 * Same namespace, a non-empty spec.selector whose every label the pods carry (a Service
 * selects by equality only). A Service without a selector (manual Endpoints) or of type
 * ExternalName selects no pod.
 */
export function servicesSelecting(resources: readonly PolicyResource[], workload: PolicyResource): PolicyResource[] {
    const labels = podLabelsOf(workload.type, workload.props);
    const ns = namespaceOf(workload.props);
    return resourcesOfKind(resources, "core", "Service").filter((svc) => {
        if (namespaceOf(svc.props) !== ns || svc.props.spec?.type === "ExternalName") return false;
        const selector: Json = svc.props.spec?.selector;
        if (!selector || typeof selector !== "object" || Object.keys(selector).length === 0) return false;
        return Object.entries(selector).every(([k, v]) => labels[k] === v);
    });
}

/** `Service teei/api` or `Services teei/api and teei/api-v2`, for messages. */
export function servicesText(services: readonly PolicyResource[]): string {
    const names = services.map((s) => `${namespaceOf(s.props)}/${nameOf(s.props)}`);
    if (names.length === 1) return `Service ${names[0]!}`;
    return `Services ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]!}`;
}

/** `Service teei/api sends` or `Services teei/api and teei/api-v2 send`. */
export function servicesSend(services: readonly PolicyResource[]): string {
    return `${servicesText(services)} ${services.length === 1 ? "sends" : "send"}`;
}
