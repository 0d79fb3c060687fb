/**
 * Kubernetes resource quantities (`250m`, `1`, `1.5`, `512Mi`, `1Gi`, `1e3`, `2E`), read the
 * way k8s.io/apimachinery's resource.Quantity reads them, as exact fractions so that
 * `1` = `1000m` and `1Gi` = `1073741824` compare equal and `0.1` never rounds.
 */

/** An exact value: numerator / denominator, denominator positive. */
export interface Quantity {
    readonly num: bigint;
    readonly den: bigint;
}

const binarySuffixes: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const decimalSuffixes: Readonly<Record<string, number>> = { m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/**
 * `<sign><number><suffix>`: a number with at most one '.', then a binary suffix (Ki..Ei), a
 * decimal exponent (e3, E-2) or a decimal suffix (m, k, M, G, T, P, E) or none.
 */
const grammar = /^([+-]?)(\d+\.?\d*|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([+-]?\d+)|(m|k|M|G|T|P|E)?)$/;

/** Exponents beyond this are not a resource anyone can request; refusing them keeps parsing cheap. */
const maxExponent = 100;

export const quantityExample = "a Kubernetes quantity such as 250m, 1, 1.5, 512Mi or 1Gi";

/** The exact value of a quantity, or undefined when the text is not one. Numbers are read as their decimal text. */
export function parseQuantity(input: unknown): Quantity | undefined {
    const text = typeof input === "number" ? (Number.isFinite(input) ? String(input) : "") : input;
    if (typeof text !== "string") return undefined;
    const m = grammar.exec(text);
    if (!m) return undefined;
    const [, sign, number, binary, exponent, decimal] = m;
    const [whole = "", fraction = ""] = number!.split(".");
    let num = BigInt(`${whole}${fraction}` || "0");
    let den = 10n ** BigInt(fraction.length);
    if (binary) {
        num *= 2n ** BigInt(binarySuffixes[binary]!);
    } else {
        const power = exponent !== undefined ? Number(exponent) : decimalSuffixes[decimal ?? ""]!;
        if (Math.abs(power) > maxExponent) return undefined;
        if (power >= 0) num *= 10n ** BigInt(power);
        else den *= 10n ** BigInt(-power);
    }
    if (sign === "-") num = -num;
    return { num, den };
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
    const left = a.num * b.den;
    const right = b.num * a.den;
    return left < right ? -1 : left > right ? 1 : 0;
}

export function isNegative(q: Quantity): boolean {
    return q.num < 0n;
}

/** How a quantity was written, for messages: `"2"`, `"512Mi"`. */
export function quantityText(input: unknown): string {
    return JSON.stringify(typeof input === "number" ? String(input) : input);
}
