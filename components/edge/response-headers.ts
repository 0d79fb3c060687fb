/**
 * The zone's response header rules (phase http_response_headers_transform): the app hosts
 * get the Content-Security-Policy, the API hosts allow exactly one origin (CORS). Set at
 * the edge, so a service that forgets them, or sets them wider, is overridden.
 */
import { hostsExpression } from "./expressions";
import type { ResolvedEdge } from "./resolve";

export function responseHeaderRules(r: ResolvedEdge) {
    const csp = r.appHosts.length === 0 ? [] : [
        {
            ref: "csp",
            description: "Content-Security-Policy for the app hosts: no inline scripts",
            expression: hostsExpression(r.appHosts),
            action: "rewrite",
            actionParameters: {
                headers: {
                    "Content-Security-Policy": { operation: "set", value: r.contentSecurityPolicy },
                    "X-Content-Type-Options": { operation: "set", value: "nosniff" },
                    "Referrer-Policy": { operation: "set", value: "strict-origin-when-cross-origin" },
                },
            },
            enabled: true,
        },
    ];
    return [
        ...csp,
        {
            ref: "cors",
            description: `CORS: the API answers ${r.corsOrigin} only`,
            expression: hostsExpression(r.apiHosts),
            action: "rewrite",
            actionParameters: {
                headers: {
                    "Access-Control-Allow-Origin": { operation: "set", value: r.corsOrigin },
                    Vary: { operation: "add", value: "Origin" },
                },
            },
            enabled: true,
        },
    ];
}
