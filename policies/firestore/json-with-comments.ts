/**
 * JSON with `//` and `/* *\/` comments, read the way the Firebase CLI reads
 * firestore.indexes.json: comments are dropped, a byte-order mark is ignored, and the rest
 * must be strict JSON (no trailing commas, no single quotes), as `JSON.parse` demands.
 *
 * Hand-written rather than strip-then-JSON.parse so that every syntax error carries a line
 * and column on every Node version (V8 omits the position from some messages), and so that
 * duplicate keys, which JSON.parse silently resolves to the last, can be reported.
 */

export class JsonSyntaxError extends Error {
    constructor(
        readonly problem: string,
        readonly line: number,
        readonly column: number,
    ) {
        super(`line ${line}, column ${column}: ${problem}`);
        this.name = "JsonSyntaxError";
    }
}

export interface ParsedJson {
    value: unknown;
    /** Paths (`indexes[2].fields[0].order`) of keys given twice in one object; the last wins. */
    duplicateKeys: string[];
}

export function parseJsonWithComments(text: string): ParsedJson {
    const parser = new Parser(text.startsWith("\ufeff") ? text.slice(1) : text);
    return parser.document();
}

/** `indexes[2].fields` style paths, shared with the validators' messages. */
export function childPath(path: string, key: string | number): string {
    if (typeof key === "number") return `${path}[${key}]`;
    const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
    return path ? `${path}.${name}` : name;
}

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const escapes: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

class Parser {
    private pos = 0;
    private readonly duplicates: string[] = [];

    constructor(private readonly s: string) {}

    document(): ParsedJson {
        const value = this.value("");
        this.skip();
        if (this.pos < this.s.length) this.fail(`unexpected ${this.describe()} after the end of the JSON value`);
        return { value, duplicateKeys: this.duplicates };
    }

    private fail(problem: string, at = this.pos): never {
        let line = 1;
        let lineStart = 0;
        for (let i = 0; i < at; i++) {
            if (this.s.charCodeAt(i) === 10) {
                line++;
                lineStart = i + 1;
            }
        }
        throw new JsonSyntaxError(problem, line, at - lineStart + 1);
    }

    private describe(): string {
        const c = this.s[this.pos];
        if (c === undefined) return "end of file";
        if (c === "'") return "' (single quotes are not JSON; use double quotes)";
        return JSON.stringify(c);
    }

    /** Whitespace and comments. */
    private skip(): void {
        for (;;) {
            const c = this.s[this.pos];
            if (c === " " || c === "\t" || c === "\n" || c === "\r") {
                this.pos++;
            } else if (c === "/" && this.s[this.pos + 1] === "/") {
                const end = this.s.indexOf("\n", this.pos);
                this.pos = end < 0 ? this.s.length : end;
            } else if (c === "/" && this.s[this.pos + 1] === "*") {
                const end = this.s.indexOf("*/", this.pos + 2);
                if (end < 0) this.fail("unterminated /* comment");
                this.pos = end + 2;
            } else {
                return;
            }
        }
    }

    private value(path: string): unknown {
        this.skip();
        const c = this.s[this.pos];
        if (c === "{") return this.object(path);
        if (c === "[") return this.array(path);
        if (c === '"') return this.string();
        if (c === "t") return this.literal("true", true);
        if (c === "f") return this.literal("false", false);
        if (c === "n") return this.literal("null", null);
        if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
        return this.fail(`unexpected ${this.describe()}; expected a value`);
    }

    private object(path: string): Record<string, unknown> {
        const out: Record<string, unknown> = {};
        const seen = new Set<string>();
        this.pos++; // {
        this.skip();
        if (this.s[this.pos] === "}") {
            this.pos++;
            return out;
        }
        for (;;) {
            this.skip();
            if (this.s[this.pos] !== '"') this.fail(`unexpected ${this.describe()}; expected a property name in double quotes`);
            const key = this.string();
            this.skip();
            if (this.s[this.pos] !== ":") this.fail(`unexpected ${this.describe()}; expected ':' after property name`);
            this.pos++;
            const keyPath = childPath(path, key);
            const value = this.value(keyPath);
            if (seen.has(key)) this.duplicates.push(keyPath);
            seen.add(key);
            // defineProperty: a key named "__proto__" is data, as it is for JSON.parse.
            Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
            this.skip();
            const c = this.s[this.pos];
            if (c === "}") {
                this.pos++;
                return out;
            }
            if (c !== ",") this.fail(`unexpected ${this.describe()}; expected ',' or '}' after a property value`);
            this.pos++;
            this.skip();
            if (this.s[this.pos] === "}") this.fail("trailing comma before '}'; JSON allows none");
        }
    }

    private array(path: string): unknown[] {
        const out: unknown[] = [];
        this.pos++; // [
        this.skip();
        if (this.s[this.pos] === "]") {
            this.pos++;
            return out;
        }
        for (;;) {
            out.push(this.value(childPath(path, out.length)));
            this.skip();
            const c = this.s[this.pos];
            if (c === "]") {
                this.pos++;
                return out;
            }
            if (c !== ",") this.fail(`unexpected ${this.describe()}; expected ',' or ']' after an array element`);
            this.pos++;
            this.skip();
            if (this.s[this.pos] === "]") this.fail("trailing comma before ']'; JSON allows none");
        }
    }

    private string(): string {
        const start = this.pos;
        this.pos++; // opening quote
        let out = "";
        for (;;) {
            const c = this.s[this.pos];
            if (c === undefined) this.fail("unterminated string", start);
            if (c === '"') {
                this.pos++;
                return out;
            }
            if (c === "\\") {
                const e = this.s[this.pos + 1];
                if (e === "u") {
                    const hex = this.s.slice(this.pos + 2, this.pos + 6);
                    if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("invalid \\u escape; expected 4 hex digits");
                    out += String.fromCharCode(parseInt(hex, 16));
                    this.pos += 6;
                } else if (e !== undefined && escapes[e] !== undefined) {
                    out += escapes[e];
                    this.pos += 2;
                } else {
                    this.fail(`invalid escape \\${e ?? ""} in a string`);
                }
            } else if (c < " ") {
                this.fail("control character (such as a line break) inside a string");
            } else {
                out += c;
                this.pos++;
            }
        }
    }

    private number(): number {
        numberPattern.lastIndex = this.pos;
        const m = numberPattern.exec(this.s);
        if (!m) this.fail(`unexpected ${this.describe()}; expected a number`);
        this.pos += m[0].length;
        return Number(m[0]);
    }

    private literal<T>(word: string, value: T): T {
        if (this.s.startsWith(word, this.pos)) {
            this.pos += word.length;
            return value;
        }
        return this.fail(`unexpected ${this.describe()}; expected ${word}`);
    }
}
