import { checkFinite, checkTridiagonal } from "./validate.js";

/** Smallest normalised double 2^−1022 (LAPACK dlamch('S')). */
const SAFE_MIN = 2 ** -1022;

/**
 * Smallest pivot magnitude allowed in the Sturm recurrence: pivmin = safmin · max(1, max b_i)
 * (LAPACK dstebz). With |q| ≥ pivmin every quotient b_i/q is at most 1/safmin, so the
 * recurrence cannot overflow to ±∞ − ±∞ and never produces NaN for finite inputs.
 */
export function pivotMinimum(offDiagonalSquared: Float64Array): number {
  let bMax = 1;
  for (let i = 0; i < offDiagonalSquared.length; i++) {
    if (offDiagonalSquared[i] > bMax) bMax = offDiagonalSquared[i];
  }
  return SAFE_MIN * bMax;
}

/**
 * Number of eigenvalues of the symmetric tridiagonal T (diagonal a, squared off-diagonal b)
 * that are < x: the number of negative pivots of T − xI = L D Lᵀ (Sylvester's law of inertia),
 *   q_1 = a_1 − x,   q_i = (a_i − x) − b_{i−1}/q_{i−1},
 * computed from b directly (no squaring of large numbers). O(n), no allocation.
 *
 * Zero pivots: a pivot with |q_i| < pivmin = safmin·max(1, max b) is replaced by +pivmin
 * (the size is that of LAPACK dstebz/dlaebz; the sign is chosen for the convention below).
 *
 * Convention at ties: this counts eigenvalues STRICTLY below x. Replacing a (near-)zero pivot by
 * +pivmin is the exact count for T − xI + pivmin·e_i e_iᵀ, whose eigenvalues are ≥ those of
 * T − xI, so an eigenvalue exactly at x is NOT counted (LAPACK uses −pivmin and counts it, i.e.
 * returns #{λ ≤ x}). E.g. for the 1-2-1 matrix of odd order, sturmCount(·, 2) = (n − 1)/2.
 * In floating point the count is exact for a matrix within a few ulps of T (Kahan 1966;
 * Demmel, Dhillon & Ren 1995), so eigenvalues within ~ε‖T‖ of x may fall on either side,
 * but the count is monotone in x.
 *
 * References: Wilkinson, "The Algebraic Eigenvalue Problem" §5.37; LAPACK dstebz/dlaebz;
 * Demmel, Dhillon & Ren, "On the correctness of some bisection-like parallel eigenvalue
 * algorithms in floating point arithmetic", ETNA 3 (1995).
 */
export function sturmCount(
  diagonal: Float64Array,
  offDiagonalSquared: Float64Array,
  x: number,
): number {
  const n = checkTridiagonal(diagonal, offDiagonalSquared, "sturmCount");
  checkFinite(x, "x", "sturmCount");
  return sturmCountUnchecked(diagonal, offDiagonalSquared, n, x, pivotMinimum(offDiagonalSquared));
}

/** sturmCount without input checks, for callers that validated once and know pivmin. */
export function sturmCountUnchecked(
  a: Float64Array,
  b: Float64Array,
  n: number,
  x: number,
  pivmin: number,
): number {
  let q = a[0] - x;
  if (Math.abs(q) < pivmin) q = pivmin;
  let count = q < 0 ? 1 : 0;
  for (let i = 1; i < n; i++) {
    q = a[i] - x - b[i - 1] / q;
    if (Math.abs(q) < pivmin) q = pivmin;
    count += +(q < 0);
  }
  return count;
}

/**
 * Sturm counts at four points in one pass over the matrix: out[k] = #{λ < x_k}, k = 0..3, each
 * exactly as sturmCountUnchecked. The four recurrences are independent, so their divisions
 * overlap in the pipeline: a pass costs ~1.3× a single count, which is latency bound (the
 * "multisection" of LAPACK dlaebz, evaluated column-wise).
 */
export function sturmCount4Unchecked(
  a: Float64Array,
  b: Float64Array,
  n: number,
  x0: number,
  x1: number,
  x2: number,
  x3: number,
  pivmin: number,
  out: Int32Array,
): void {
  let q0 = a[0] - x0;
  let q1 = a[0] - x1;
  let q2 = a[0] - x2;
  let q3 = a[0] - x3;
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  for (let i = 0; ; ) {
    if (Math.abs(q0) < pivmin) q0 = pivmin;
    if (Math.abs(q1) < pivmin) q1 = pivmin;
    if (Math.abs(q2) < pivmin) q2 = pivmin;
    if (Math.abs(q3) < pivmin) q3 = pivmin;
    c0 += +(q0 < 0);
    c1 += +(q1 < 0);
    c2 += +(q2 < 0);
    c3 += +(q3 < 0);
    if (++i >= n) break;
    const ai = a[i];
    const bi = b[i - 1];
    q0 = ai - x0 - bi / q0;
    q1 = ai - x1 - bi / q1;
    q2 = ai - x2 - bi / q2;
    q3 = ai - x3 - bi / q3;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}
