/**
 * Unfolding and the local statistics of one configuration: consecutive ("nearest-neighbour")
 * spacings at unit mean density and ratios of consecutive spacings (Mehta, Random Matrices, 3rd
 * ed., §1.7 on unfolding; Oganesyan & Huse, Phys. Rev. B 75 (2007) 155111 for the ratios, which
 * need no unfolding). Browser-safe; no allocation beyond the returned arrays.
 *
 * Unfolding maps x_i to u_i = N·F(x_i) with F the CDF of the limit law of the ensemble (semicircle,
 * Marchenko–Pastur, Wachter, the equilibrium measure of V — theory/limits.ts, theory/equilibrium.ts),
 * so that the mean spacing of the u_i is 1 to O(1/N) in the bulk; on the circle u_i = Nθ_i/2π is
 * exact. A bulk window keeps only the spacings whose two end points have F in [lo, hi]: the
 * spacings near a soft edge live on the N^{−2/3} scale and are not sine_β spacings.
 *
 * @example
 * ```ts
 * const s = unfoldedSpacings(eigenvalues, (x) => semicircleCdf(x / Math.sqrt(N)), N, [0.25, 0.75]);
 * const r = spacingRatios(s);
 * ```
 */

/** A window [lo, hi] ⊂ [0, 1] of the limit CDF (the default is the whole spectrum). */
export type BulkWindow = readonly [number, number];

/** Throws RangeError unless 0 ≤ lo < hi ≤ 1. */
export function checkBulkWindow(window: BulkWindow): void {
  const [lo, hi] = window;
  if (!(lo >= 0 && hi <= 1 && lo < hi)) {
    throw new RangeError(`the bulk window must satisfy 0 <= lo < hi <= 1, got [${lo}, ${hi}]`);
  }
}

/**
 * The spacings u_{i+1} − u_i of u_i = n·cdf(x_i) for ascending points x, restricted to the pairs
 * with lo ≤ cdf(x_i) and cdf(x_{i+1}) ≤ hi. `n` is the number of points of the configuration (the
 * normalisation of the density), usually x.length.
 */
export function unfoldedSpacings(
  x: ArrayLike<number>,
  cdf: (x: number) => number,
  n: number,
  window: BulkWindow = [0, 1],
): Float64Array {
  checkBulkWindow(window);
  const [lo, hi] = window;
  const out = new Float64Array(Math.max(0, x.length - 1));
  let count = 0;
  let previous = cdf(x[0]);
  for (let i = 1; i < x.length; i++) {
    if (!(x[i] >= x[i - 1])) throw new RangeError("unfoldedSpacings: points must be ascending");
    const current = cdf(x[i]);
    if (previous >= lo && current <= hi) out[count++] = n * (current - previous);
    previous = current;
  }
  return out.slice(0, count);
}

/**
 * The N spacings of N angles in [0, 2π) (ascending) unfolded by the uniform density:
 * N(θ_{i+1} − θ_i)/2π, the last one across 2π ≡ 0, optionally restricted to θ/2π ∈ [lo, hi] (both
 * end points, without the wrap-around spacing).
 */
export function circularSpacings(
  angles: ArrayLike<number>,
  window: BulkWindow = [0, 1],
): Float64Array {
  checkBulkWindow(window);
  const n = angles.length;
  const full = window[0] === 0 && window[1] === 1;
  const out = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && !(angles[i] >= angles[i - 1])) {
      throw new RangeError("circularSpacings: angles must be ascending");
    }
    const last = i === n - 1;
    if (last && !full) break;
    const next = last ? angles[0] + 2 * Math.PI : angles[i + 1];
    const a = angles[i] / (2 * Math.PI);
    const b = next / (2 * Math.PI);
    if (full || (a >= window[0] && b <= window[1]))
      out[count++] = (n * (next - angles[i])) / (2 * Math.PI);
  }
  return out.slice(0, count);
}

/**
 * Ratios r_i = s_{i+1}/s_i of consecutive spacings (Oganesyan–Huse), i = 0 … len − 2. They are
 * independent of the local density to first order, so raw (not unfolded) spacings may be given.
 * With `folded`, r̃_i = min(r_i, 1/r_i) ∈ [0, 1] (Atas et al. 2013). A zero spacing gives a NaN-free
 * ∞ or 0 (r) and 0 (r̃).
 */
export function spacingRatios(spacings: ArrayLike<number>, folded = false): Float64Array {
  const n = Math.max(0, spacings.length - 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = spacings[i];
    const b = spacings[i + 1];
    if (folded) out[i] = a === 0 && b === 0 ? 0 : Math.min(a, b) / Math.max(a, b);
    else out[i] = b / a;
  }
  return out;
}

/**
 * Nearest-neighbour distances min(s_{i−1}, s_i) of the interior points of a run of consecutive
 * spacings (point i + 1 sits between s_i and s_{i+1}): len − 1 values.
 */
export function nearestNeighbourDistances(spacings: ArrayLike<number>): Float64Array {
  const n = Math.max(0, spacings.length - 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.min(spacings[i], spacings[i + 1]);
  return out;
}
