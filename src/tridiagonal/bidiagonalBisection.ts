/**
 * The smallest eigenvalue of B Bᵀ (B lower bidiagonal, given squared) to high relative accuracy by
 * bisection on counts of the differential stationary qd transform, in O(n) per count.
 */

const SAFE_MIN = 2 ** -1022;
const EPS = 2 ** -53;

/**
 * #{eigenvalues of B Bᵀ < σ} for σ > 0, where B is lower bidiagonal with diagonal √q_i and
 * subdiagonal √e_i (the Jacobi matrix a_1 = q_1, a_i = e_{i−1} + q_i, b_i = q_i e_i): the number of
 * negative pivots d_i of B Bᵀ − σI = L D Lᵀ, computed by the differential stationary qd transform
 *   t_1 = −σ,  d_i = q_i + t_i,  t_{i+1} = e_i·t_i/d_i − σ
 * (the pivots of the ordinary Sturm recurrence rewritten so that no a_i − σ is formed; each d_i is
 * computed with small relative error in the q, e — Fernando, "Accurate BABE factorisation of
 * tridiagonal matrices for eigenproblems", SIAM J. Matrix Anal. Appl. 1998; Parlett & Dhillon, LAA
 * 2000, §4 "dstqds"). A pivot smaller than pivmin in magnitude is replaced by −pivmin (the count
 * then includes an eigenvalue at σ, which bisection does not mind). No input checks.
 */
export function bidiagonalNegativeCount(
  q: Float64Array,
  e: Float64Array,
  sigma: number,
  pivmin: number,
): number {
  const n = q.length;
  let t = -sigma;
  let count = 0;
  for (let i = 0; i < n; i++) {
    let d = q[i] + t;
    if (Math.abs(d) < pivmin) d = -pivmin;
    if (d < 0) count++;
    if (i < n - 1) t = e[i] * (t / d) - sigma;
  }
  return count;
}

/**
 * λ_min(B Bᵀ) for B lower bidiagonal given squared (q: n diagonal squares, e: n−1 subdiagonal
 * squares, all ≥ 0), to a relative accuracy of a few ulps: bisection on bidiagonalNegativeCount,
 * starting from the Rayleigh bound λ_min ≤ min_i a_i, halving the lower end until it counts no
 * eigenvalue, then bisecting geometrically while hi/lo > 2 and arithmetically after that, until
 * hi − lo ≤ 4ε·hi. O(n·(53 + log log(range))) with no allocation. Returns 0 when λ_min is below
 * the smallest positive double.
 */
export function bidiagonalSmallestEigenvalue(q: Float64Array, e: Float64Array): number {
  const n = q.length;
  if (n < 1) throw new RangeError("bidiagonalSmallestEigenvalue: q must be non-empty");
  if (e.length !== n - 1) {
    throw new RangeError(
      `bidiagonalSmallestEigenvalue: e must have length ${n - 1}, got ${e.length}`,
    );
  }
  let hi = q[0];
  let maxEntry = q[0];
  for (let i = 1; i < n; i++) {
    const a = e[i - 1] + q[i];
    if (a < hi) hi = a;
    if (q[i] > maxEntry) maxEntry = q[i];
    if (e[i - 1] > maxEntry) maxEntry = e[i - 1];
  }
  for (let i = 0; i < n; i++) {
    if (!(q[i] >= 0 && q[i] < Number.POSITIVE_INFINITY)) {
      throw new RangeError(`bidiagonalSmallestEigenvalue: q[${i}] must be finite and >= 0`);
    }
  }
  for (let i = 0; i < n - 1; i++) {
    if (!(e[i] >= 0 && e[i] < Number.POSITIVE_INFINITY)) {
      throw new RangeError(`bidiagonalSmallestEigenvalue: e[${i}] must be finite and >= 0`);
    }
  }
  if (n === 1 || hi === 0) return hi;
  const scale = Math.max(1, maxEntry);
  // |e·t/d| ≤ 2^1022·4 max(1, maxEntry)² / pivmin stays finite (see bidiagonalNegativeCount).
  const pivmin = 4 * SAFE_MIN * scale * scale;
  hi *= 1 + 4 * EPS;
  if (bidiagonalNegativeCount(q, e, hi, pivmin) === 0) return hi;
  let lo = 0.5 * hi;
  while (bidiagonalNegativeCount(q, e, lo, pivmin) > 0) {
    hi = lo;
    lo *= 0.5;
    if (lo === 0) return 0;
  }
  for (let step = 0; step < 2200 && hi - lo > 4 * EPS * hi; step++) {
    const mid = hi > 2 * lo ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (bidiagonalNegativeCount(q, e, mid, pivmin) > 0) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}
