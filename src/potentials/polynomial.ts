/**
 * Elementary operations on real polynomials p(x) = Σ_{k=0}^{n} c_k x^k stored lowest degree
 * first in a Float64Array (possibly longer than n + 1: the degree n is passed explicitly so that
 * preallocated buffers can be reused without allocation).
 */

/** p(x) by Horner's rule (Knuth, TAOCP vol. 2, §4.6.4). */
export function evaluatePolynomial(c: ArrayLike<number>, degree: number, x: number): number {
  let value = c[degree];
  for (let k = degree - 1; k >= 0; k--) value = value * x + c[k];
  return value;
}

/** Writes the coefficients of p' (degree n − 1) into out and returns n − 1 (or 0 if n = 0). */
export function differentiatePolynomial(
  c: ArrayLike<number>,
  degree: number,
  out: Float64Array,
): number {
  if (degree === 0) {
    out[0] = 0;
    return 0;
  }
  for (let k = 1; k <= degree; k++) out[k - 1] = k * c[k];
  return degree - 1;
}

/**
 * Taylor coefficients t_k = p^{(k)}(x0)/k! of p at x0, i.e. p(x0 + h) = Σ t_k h^k, by repeated
 * synthetic division (Horner's scheme for the Taylor shift, Knuth TAOCP vol. 2, §4.6.4). Writes
 * t_0..t_n into out (which may alias nothing in c).
 */
export function taylorShift(
  c: ArrayLike<number>,
  degree: number,
  x0: number,
  out: Float64Array,
): void {
  for (let k = 0; k <= degree; k++) out[k] = c[k];
  for (let j = 0; j < degree; j++) {
    for (let k = degree - 1; k >= j; k--) out[k] += x0 * out[k + 1];
  }
}

/** Degree of p after dropping exactly-zero leading coefficients (0 for the zero polynomial). */
export function effectiveDegree(c: ArrayLike<number>, degree: number): number {
  while (degree > 0 && c[degree] === 0) degree--;
  return degree;
}
