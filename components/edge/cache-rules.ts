/**
 * The zone's cache rules (phase http_request_cache_settings): the static frontend's rules,
 * then a bypass for the API hosts, last so no earlier rule can make API responses cacheable
 * (the last matching rule decides).
 */
import { hostsExpression } from "./expressions";
import type { ResolvedEdge } from "./resolve";
import { staticCacheRules } from "./static-rules";

export function cacheRules(r: ResolvedEdge) {
    return [
        ...(r.static ? staticCacheRules(r.static) : []),
        {
            ref: "api-bypass",
            description: "API responses are never cached: they are per tenant",
            expression: hostsExpression(r.apiHosts),
            action: "set_cache_settings",
            actionParameters: { cache: false },
            enabled: true,
        },
    ];
}
