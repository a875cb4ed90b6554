/**
 * Parsing of polynomial potentials written as text, e.g. "x^4/20 - 4*x^3/15 + x^2/5 + 8*x/5".
 *
 * Grammar (docs/conventions.md, "Potentials"): a sum of signed terms, each one of
 *   c        (a constant)          c*x      x      x^k      c*x^k      x^k/d      c*x^k/d
 *   c/d      x/d      c*x/d
 * where c and d are decimal numbers (an exponent such as 1e-3 is accepted), k is a non-negative
 * integer, and spaces are ignored. Terms of equal degree are added up.
 */

/** A decimal number: digits with an optional fraction and exponent, or a leading-dot fraction. */
const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
/** One unsigned term: optional "c*", optional "x" or "x^k", optional "/d". */
const TERM = new RegExp(
  String.raw`^(?:(${NUMBER})(?:\*(?=x))?)?(x(?:\^(\d+))?)?(?:/(${NUMBER}))?$`,
);

/**
 * Coefficients (g_0, g_1, …, g_d), lowest degree first, of the polynomial written in `text`;
 * trailing zero coefficients are dropped (so "0*x^6 + x^4/4" has degree 4).
 * Throws a RangeError quoting the offending term for anything outside the grammar above.
 * The result is not validated as a potential: see validatePotential.
 *
 * @example
 * import { parsePotential } from "betaens";
 * const coeffs = parsePotential("x^4/20 - 4*x^3/15 + x^2/5 + 8*x/5"); // [0, 1.6, 0.2, −4/15, 0.05]
 */
export function parsePotential(text: string): Float64Array {
  if (typeof text !== "string") {
    throw new RangeError(`potential must be a string, got ${typeof text}`);
  }
  const compact = text.replace(/\s+/g, "");
  if (compact.length === 0) throw new RangeError("potential is empty");
  // Split into signed terms: a sign starts a new term unless it follows an exponent "e".
  const terms: { sign: number; body: string }[] = [];
  let start = 0;
  let sign = 1;
  if (compact[0] === "+" || compact[0] === "-") {
    sign = compact[0] === "-" ? -1 : 1;
    start = 1;
  }
  for (let i = start; i <= compact.length; i++) {
    const ch = compact[i];
    const isSplit =
      i === compact.length ||
      ((ch === "+" || ch === "-") && i > start && !/[eE]/.test(compact[i - 1] ?? ""));
    if (!isSplit) continue;
    terms.push({ sign, body: compact.slice(start, i) });
    if (i < compact.length) {
      sign = ch === "-" ? -1 : 1;
      start = i + 1;
    }
  }
  const byDegree = new Map<number, number>();
  let maxDegree = 0;
  for (const { sign: s, body } of terms) {
    const shown = `${s < 0 ? "-" : "+"}${body}`;
    if (body.length === 0) {
      throw new RangeError(`potential "${text}": empty term after a sign`);
    }
    const match = TERM.exec(body);
    if (match === null || (match[1] === undefined && match[2] === undefined)) {
      throw new RangeError(
        `potential "${text}": cannot read term "${shown}" (expected c*x^k, x^k/d, c*x^k/d, c*x or c)`,
      );
    }
    const coefficient = match[1] === undefined ? 1 : Number(match[1]);
    const degree = match[2] === undefined ? 0 : match[3] === undefined ? 1 : Number(match[3]);
    const divisor = match[4] === undefined ? 1 : Number(match[4]);
    if (!Number.isSafeInteger(degree) || degree > 64) {
      throw new RangeError(`potential "${text}": degree too large in term "${shown}"`);
    }
    if (divisor === 0) {
      throw new RangeError(`potential "${text}": division by zero in term "${shown}"`);
    }
    const value = (s * coefficient) / divisor;
    if (!Number.isFinite(value)) {
      throw new RangeError(`potential "${text}": coefficient of term "${shown}" is not finite`);
    }
    byDegree.set(degree, (byDegree.get(degree) ?? 0) + value);
    if (degree > maxDegree) maxDegree = degree;
  }
  const coeffs = new Float64Array(maxDegree + 1);
  for (const [degree, value] of byDegree) coeffs[degree] = value;
  let length = coeffs.length;
  while (length > 1 && coeffs[length - 1] === 0) length--;
  return coeffs.slice(0, length);
}
