/**
 * What the policies need to know about a Cloudflare rule expression: which hosts it is
 * limited to. Only the plain forms are read (`http.host eq "x"`, `http.host in {"x" "y"}`
 * as a top-level conjunct); anything else counts as "may match any host", so a rule the
 * reader does not understand is judged as the broadest rule it could be. Not a policy.
 */

/** Splits at a separator outside quotes, parentheses and braces (one part when it is absent). */
function splitTopLevel(expression: string, separator: RegExp): string[] {
    const parts: string[] = [];
    let depth = 0;
    let quoted = false;
    let start = 0;
    for (let i = 0; i < expression.length; i++) {
        const c = expression[i]!;
        if (c === "\\" && quoted) {
            i++;
            continue;
        }
        if (c === '"') quoted = !quoted;
        if (quoted) continue;
        if (c === "(" || c === "{") depth++;
        else if (c === ")" || c === "}") depth--;
        else if (depth === 0) {
            const m = separator.exec(expression.slice(i));
            if (m && m.index === 0) {
                parts.push(expression.slice(start, i));
                i += m[0].length - 1;
                start = i + 1;
            }
        }
    }
    parts.push(expression.slice(start));
    return parts.map((p) => p.trim());
}

/** `((x))` -> `x`, only when the outer parentheses enclose the whole expression. */
function unwrap(expression: string): string {
    let e = expression.trim();
    while (e.startsWith("(") && e.endsWith(")") && balanced(e.slice(1, -1))) {
        e = e.slice(1, -1).trim();
    }
    return e;
}

/** Whether every parenthesis outside quotes closes one opened before it. */
function balanced(e: string): boolean {
    let depth = 0;
    let quoted = false;
    for (let i = 0; i < e.length; i++) {
        const c = e[i]!;
        if (c === "\\" && quoted) {
            i++;
            continue;
        }
        if (c === '"') quoted = !quoted;
        if (quoted) continue;
        if (c === "(") depth++;
        if (c === ")" && --depth < 0) return false;
    }
    return depth === 0;
}

const hostEq = /^http\.host\s+(?:eq|==)\s+"([^"]+)"$/;
const hostIn = /^http\.host\s+in\s+\{((?:\s*"[^"]+")+)\s*\}$/;

/** The hosts of one `http.host eq|in` comparison, or undefined when the term is something else. */
function hostsOfTerm(term: string): string[] | undefined {
    const t = unwrap(term);
    const eq = hostEq.exec(t);
    if (eq) return [eq[1]!.toLowerCase()];
    const inSet = hostIn.exec(t);
    if (inSet) return [...inSet[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
    return undefined;
}

/**
 * The hosts a rule expression is limited to, or undefined when it may match any host: a
 * top-level `and` with an `http.host eq|in` term limits it; an `or`, a `not` or any other
 * shape does not.
 */
export function hostScope(expression: string): string[] | undefined {
    const e = unwrap(expression);
    if (splitTopLevel(e, /^\s+(?:or|\|\|)\s+/).length > 1) return undefined;
    for (const term of splitTopLevel(e, /^\s+(?:and|&&)\s+/)) {
        const hosts = hostsOfTerm(term);
        if (hosts) return hosts;
    }
    return undefined;
}

const pathPrefix = /^starts_with\(http\.request\.uri\.path,\s*"([^"]+)"\)$/;

/**
 * The path prefixes a rule is limited to (top-level `starts_with(http.request.uri.path, "x")`
 * terms of an `and`), or [] when it names none; a negated term limits nothing.
 */
export function pathPrefixScope(expression: string): string[] {
    const e = unwrap(expression);
    if (splitTopLevel(e, /^\s+(?:or|\|\|)\s+/).length > 1) return [];
    return splitTopLevel(e, /^\s+(?:and|&&)\s+/)
        .map((term) => pathPrefix.exec(unwrap(term))?.[1])
        .filter((p): p is string => p !== undefined);
}

/** Whether a rule may match requests for this host. */
export function mayMatchHost(expression: string, host: string): boolean {
    const scope = hostScope(expression);
    return scope === undefined || scope.includes(host.toLowerCase());
}

/** Every host an expression names in an `http.host eq|in` comparison, anywhere in it. */
export function hostsNamed(expression: string): string[] {
    const hosts = new Set<string>();
    for (const m of expression.matchAll(/http\.host\s+(?:eq|==)\s+"([^"]+)"/g)) hosts.add(m[1]!.toLowerCase());
    for (const m of expression.matchAll(/http\.host\s+in\s+\{((?:\s*"[^"]+")+)\s*\}/g)) {
        for (const h of m[1]!.matchAll(/"([^"]+)"/g)) hosts.add(h[1]!.toLowerCase());
    }
    return [...hosts];
}
