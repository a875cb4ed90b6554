/**
 * The fast path of the Tracy–Widom laws: piecewise Chebyshev interpolants (Trefethen,
 * Approximation Theory and Approximation Practice, ch. 2–8) of the Nyström determinants of
 * airyFredholmDeterminants, built once at first use (≈ 290 determinants, a few tenths of a second).
 *
 * Six functions of t on [−7, 17] are tabulated, each chosen smooth and of one sign so that the
 * interpolant is accurate relative to the quantity that matters:
 *   0: log(−a),  a = log det(I − B_t) = log F₁(t)        (so 1 − F₁ = −expm1(a) keeps its digits)
 *   1: log(a′)                                           (f₁ = F₁·a′ > 0, also in the far right tail)
 *   2: log(−b),  b = log det(I − B_t²) = log F₂(t)
 *   3: log(b′)
 *   4: c = log det(I + B_t)
 *   5: d/dt det(I + B_t) = e^c·c′                         (changes sign: tabulated as it is)
 * Interpolation at 25 Chebyshev–Lobatto points on [−8, −7] and on 12 pieces of length 2 covering
 * [−7, 17]; the last coefficients are at the rounding level of the data (about 1e−15 relative),
 * which the tests check against the direct evaluation. (The piece [−8, −7] is kept separate
 * because the Nyström values of a and b lose relative accuracy there; only c and D₊′ are used on
 * [−7.5, −7], see tracyWidom.ts.)
 */

import { detCos, detExp, detLog } from "../special/deterministicMath.js";
import { airyFredholmDeterminants } from "./tracyWidomFredholm.js";

/** Left end of the table: below it the left-tail expansions are used. */
export const TABLE_START = -8;
/** Right end of the table: beyond it the Nyström determinants are evaluated directly. */
export const TABLE_END = 17;
/** Piece boundaries: [−8, −7], then pieces of length 2. */
const BREAKS = [-8, -7, -5, -3, -1, 1, 3, 5, 7, 9, 11, 13, 15, 17];
const PIECES = BREAKS.length - 1;
const DEGREE = 24;
export const TABULATED_FUNCTIONS = 6;

export interface TracyWidomTable {
  /** coefficients[f][p·(DEGREE+1) + k]: k-th Chebyshev coefficient of function f on piece p. */
  readonly coefficients: readonly Float64Array[];
}

let table: TracyWidomTable | undefined;

/** The table, built on first call. */
export function tracyWidomTable(): TracyWidomTable {
  if (table === undefined) table = buildTable();
  return table;
}

/** The six tabulated quantities at t, from the Nyström determinants. */
export function tabulatedValues(t: number, out: Float64Array): void {
  const v = airyFredholmDeterminants(t);
  out[0] = detLog(-v.logDetMinus);
  out[1] = detLog(v.dLogDetMinus);
  out[2] = detLog(-v.logDetSquare);
  out[3] = detLog(v.dLogDetSquare);
  out[4] = v.logDetPlus;
  out[5] = detExp(v.logDetPlus) * v.dLogDetPlus;
}

function buildTable(): TracyWidomTable {
  const n = DEGREE;
  const coefficients: Float64Array[] = [];
  for (let f = 0; f < TABULATED_FUNCTIONS; f++)
    coefficients.push(new Float64Array(PIECES * (n + 1)));
  // Values at the Lobatto points t_j = mid + half·cos(πj/n); the end points are shared by pieces.
  const values = new Float64Array(TABULATED_FUNCTIONS * (n + 1));
  const point = new Float64Array(TABULATED_FUNCTIONS);
  let previousRight: Float64Array | undefined; // values at the right end of the previous piece
  const cosines = new Float64Array(2 * n);
  for (let j = 0; j < 2 * n; j++) cosines[j] = detCos((Math.PI * j) / n);
  for (let p = 0; p < PIECES; p++) {
    const lo = BREAKS[p];
    const width = BREAKS[p + 1] - lo;
    const mid = lo + width / 2;
    const half = width / 2;
    let right: Float64Array | undefined;
    for (let j = 0; j <= n; j++) {
      // j = 0 is the right end (cos 0 = 1), j = n the left end (cos π = −1).
      if (j === n && previousRight !== undefined) {
        point.set(previousRight);
      } else {
        const t = j === 0 ? lo + width : j === n ? lo : mid + half * cosines[j];
        tabulatedValues(t, point);
      }
      for (let f = 0; f < TABULATED_FUNCTIONS; f++) values[f * (n + 1) + j] = point[f];
      if (j === 0) right = point.slice();
    }
    previousRight = right;
    // Chebyshev coefficients by the discrete cosine transform of the Lobatto values:
    // c_k = (2/n) Σ″_j v_j cos(πjk/n), halved for k = 0 and k = n.
    for (let f = 0; f < TABULATED_FUNCTIONS; f++) {
      const base = f * (n + 1);
      const out = coefficients[f];
      for (let k = 0; k <= n; k++) {
        let s = 0;
        for (let j = 0; j <= n; j++) {
          const w = j === 0 || j === n ? 0.5 : 1;
          s += w * values[base + j] * cosines[(j * k) % (2 * n)];
        }
        out[p * (n + 1) + k] = ((k === 0 || k === n ? 1 : 2) * s) / n;
      }
    }
  }
  return { coefficients };
}

/**
 * Tabulated function f at t ∈ [TABLE_START, TABLE_END], by Clenshaw's recurrence
 * (DLMF 3.11.11 for Chebyshev sums).
 */
export function evaluateTabulated(tab: TracyWidomTable, f: number, t: number): number {
  // Pieces of length 2 from −7 on; piece 0 is [−8, −7].
  let p = t < -7 ? 0 : 1 + Math.floor((t + 7) / 2);
  if (p >= PIECES) p = PIECES - 1;
  const lo = BREAKS[p];
  const width = BREAKS[p + 1] - lo;
  const u = (2 * (t - lo)) / width - 1;
  const c = tab.coefficients[f];
  const base = p * (DEGREE + 1);
  const u2 = 2 * u;
  let b1 = 0;
  let b2 = 0;
  for (let k = DEGREE; k >= 1; k--) {
    const b0 = c[base + k] + u2 * b1 - b2;
    b2 = b1;
    b1 = b0;
  }
  return c[base] + u * b1 - b2;
}

/** Piece boundaries of the table, ascending. */
export function tableBreaks(): readonly number[] {
  return BREAKS;
}
