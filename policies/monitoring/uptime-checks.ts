/** How messages name an uptime check. Not a policy. */
import type { Json } from "../lib";
import { labelKeys } from "./labels";
import { userLabel } from "./resources";

/** `uptime check "<display name>" for api.example.com (service reporting-api)` */
export function describeUptimeCheck(props: Json): string {
    const name = typeof props?.displayName === "string" ? props.displayName : "(unnamed)";
    const host: unknown = props?.monitoredResource?.labels?.host;
    const service = userLabel(props, labelKeys.service);
    return `uptime check "${name}"${typeof host === "string" ? ` for ${host}` : ""}${service ? ` (service ${service})` : ""}`;
}
