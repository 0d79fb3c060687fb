/** Cloudflare rule expressions golive writes; the edge policies read their host scope back. */

/** `http.host eq "a"` for one host, `http.host in {"a" "b"}` for several. */
export function hostsExpression(hosts: readonly string[]): string {
    return hosts.length === 1 ? `http.host eq "${hosts[0]!}"` : `http.host in {${hosts.map((h) => `"${h}"`).join(" ")}}`;
}

/** A set literal of strings: `{"a" "b"}`. */
export function stringSet(values: readonly string[]): string {
    return `{${values.map((v) => `"${v}"`).join(" ")}}`;
}
