/**
 * A polynomial potential as figure titles show it — one form for every figure (the Gibbs plots,
 * the mixing study): highest degree first, simple fractions kept as fractions, Unicode
 * superscripts and minus signs, e.g. [0, 1.6, 0.2, −4/15, 0.05] → "x⁴/20 − 4x³/15 + x²/5 + 8x/5".
 */

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** "x", "x²", "x¹⁰" (k ≥ 1). */
function power(k: number): string {
  if (k === 1) return "x";
  return `x${Array.from(String(k), (d) => SUPERSCRIPT[Number(d)]).join("")}`;
}

/** p/q with q ≤ 64 equal to |c| to 1e−9 relative, else undefined. */
function fraction(c: number): [number, number] | undefined {
  const a = Math.abs(c);
  for (let q = 1; q <= 64; q++) {
    const p = Math.round(a * q);
    if (p > 0 && p < 1e6 && Math.abs(a - p / q) <= 1e-9 * Math.max(1, a)) return [p, q];
  }
  return undefined;
}

/** The term |c|·x^k: "4x³/15", "x²", "1.234x⁶", "7". */
function term(c: number, k: number): string {
  const monomial = k === 0 ? "" : power(k);
  const exact = fraction(c);
  if (exact) {
    const [p, q] = exact;
    const numerator = p === 1 && k > 0 ? monomial : `${p}${monomial}`;
    return q === 1 ? numerator : `${numerator}/${q}`;
  }
  return `${Number(Math.abs(c).toPrecision(4))}${monomial}`;
}

/** V(x) = Σ coeffs[k] x^k (lowest degree first) as a title text, e.g. "x⁴/4 − 5x²/4". */
export function potentialLabel(coeffs: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let k = coeffs.length - 1; k >= 0; k--) {
    const c = coeffs[k];
    if (c === 0 || !Number.isFinite(c)) continue;
    const sign = c < 0 ? "−" : "+";
    parts.push(parts.length === 0 ? `${c < 0 ? "−" : ""}${term(c, k)}` : `${sign} ${term(c, k)}`);
  }
  return parts.length === 0 ? "0" : parts.join(" ");
}
