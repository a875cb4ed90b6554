/**
 * Piecewise Chebyshev interpolation of a few smooth functions sampled together (Trefethen,
 * Approximation Theory and Approximation Practice, ch. 3–4): on each piece [lo, hi] the functions
 * are sampled at the n + 1 Chebyshev points of the first kind (the interior roots of T_{n+1}, so
 * that no end point is evaluated — the local-statistics determinants have removable singularities
 * there), the coefficients follow by the discrete cosine transform, and evaluation is Clenshaw's
 * recurrence (DLMF 3.11.11). Deterministic math only: the table is the same bits in every engine.
 */

import { detCos } from "../special/deterministicMath.js";

export interface ChebyshevTable {
  /** Piece boundaries, ascending. */
  readonly breaks: Float64Array;
  readonly degree: number;
  readonly functions: number;
  /** coefficients[f][p·(degree+1) + k]. */
  readonly coefficients: Float64Array[];
}

/**
 * Samples `sample(t, out)` (writing `functions` values) on every piece and returns the table.
 * The pieces are [breaks[p], breaks[p + 1]].
 */
export function buildChebyshevTable(
  breaks: readonly number[],
  degree: number,
  functions: number,
  sample: (t: number, out: Float64Array) => void,
): ChebyshevTable {
  const n = degree;
  const pieces = breaks.length - 1;
  const coefficients: Float64Array[] = [];
  for (let f = 0; f < functions; f++) coefficients.push(new Float64Array(pieces * (n + 1)));
  // Nodes x_j = cos(π(j + ½)/(n + 1)), j = 0..n, and cos(πk(j + ½)/(n + 1)) for the transform.
  const cosines = new Float64Array((n + 1) * (n + 1));
  for (let k = 0; k <= n; k++) {
    for (let j = 0; j <= n; j++)
      cosines[k * (n + 1) + j] = detCos((Math.PI * k * (j + 0.5)) / (n + 1));
  }
  const values = new Float64Array(functions * (n + 1));
  const point = new Float64Array(functions);
  for (let p = 0; p < pieces; p++) {
    const lo = breaks[p];
    const hi = breaks[p + 1];
    const mid = 0.5 * (lo + hi);
    const half = 0.5 * (hi - lo);
    for (let j = 0; j <= n; j++) {
      sample(mid + half * cosines[n + 1 + j], point);
      for (let f = 0; f < functions; f++) values[f * (n + 1) + j] = point[f];
    }
    // c_k = (2/(n+1)) Σ_j v_j cos(πk(j + ½)/(n + 1)), halved for k = 0.
    for (let f = 0; f < functions; f++) {
      const out = coefficients[f];
      for (let k = 0; k <= n; k++) {
        let s = 0;
        for (let j = 0; j <= n; j++) s += values[f * (n + 1) + j] * cosines[k * (n + 1) + j];
        out[p * (n + 1) + k] = ((k === 0 ? 1 : 2) * s) / (n + 1);
      }
    }
  }
  return { breaks: Float64Array.from(breaks), degree, functions, coefficients };
}

/** The piece holding t (the first or last one for t outside the breaks). */
export function chebyshevPiece(table: ChebyshevTable, t: number): number {
  const { breaks } = table;
  let lo = 0;
  let hi = breaks.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t >= breaks[mid]) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Function f of the table at t (Clenshaw), on the given piece. */
export function evaluateChebyshev(
  table: ChebyshevTable,
  f: number,
  t: number,
  piece: number,
): number {
  const lo = table.breaks[piece];
  const hi = table.breaks[piece + 1];
  const u = (2 * (t - lo)) / (hi - lo) - 1;
  const c = table.coefficients[f];
  const n = table.degree;
  const base = piece * (n + 1);
  const u2 = 2 * u;
  let b1 = 0;
  let b2 = 0;
  for (let k = n; k >= 1; k--) {
    const b0 = c[base + k] + u2 * b1 - b2;
    b2 = b1;
    b1 = b0;
  }
  return c[base] + u * b1 - b2;
}

/**
 * Replaces function `into` of the table, on the pieces from `firstPiece` on, by the t-derivative
 * of function `from` (coefficients of the derivative series, Trefethen ATAP ch. 21 / Mason &
 * Handscomb (2.49): c′_{k−1} = c′_{k+1} + 2k c_k, scaled by 2/(hi − lo)).
 */
export function differentiateChebyshev(
  table: ChebyshevTable,
  from: number,
  into: number,
  firstPiece: number,
): void {
  const n = table.degree;
  const source = table.coefficients[from];
  const target = table.coefficients[into];
  const pieces = table.breaks.length - 1;
  for (let p = firstPiece; p < pieces; p++) {
    const base = p * (n + 1);
    const scale = 2 / (table.breaks[p + 1] - table.breaks[p]);
    let next = 0; // c′_{k+1}
    let current = 0; // c′_k
    for (let k = n; k >= 1; k--) {
      const value = next + 2 * k * source[base + k]; // c′_{k−1}
      target[base + k] = current * scale; // c′_k (c′_n = 0)
      next = current;
      current = value;
    }
    target[base] = (current / 2) * scale;
  }
}
