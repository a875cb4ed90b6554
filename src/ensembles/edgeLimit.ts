/**
 * λ_max of the Hermite β-ensemble at huge N from the Tracy–Widom limit (the "limit" model):
 * λ_max ≈ center + scale·F_β⁻¹(U), U uniform, center and scale from edgeScaling (N′ = N + 1/2 − 1/β
 * centring), F_β the Fredholm-determinant CDF of tracyWidom.ts (β ∈ {1, 2, 4}, β-ensemble
 * convention). One uniform and one Chebyshev-table quantile per sample: microseconds at any N.
 *
 * This is an approximation of the finite-N law, not an exact sampler: the Kolmogorov distance
 * d(N) = sup_s |P((λ_max − center)/scale ≤ s) − F_β(s)| is O(N^{−2/3}) (Johnstone–Ma 2012 for
 * β = 1, 2). Measured (docs/edge-limit/): β = 2 exactly, from the finite-N GUE Fredholm determinant
 * (hermiteLargestEigenvalueCdf.ts), d(N) = 0.0878·N^{−2/3} + 0.0108·N^{−4/3} for N = 2 … 1e6;
 * β = 1 and 4 by simulating the exact tridiagonal model against F_β (4e5 samples, N = 10 … 1000):
 * d(N)·N^{2/3} ≈ 0.06 (β = 1) and ≈ 0.13 (β = 4), the β = 2 simulation reproducing the exact
 * values. edgeLimitDistanceBound is the envelope 0.3·N^{−2/3} (≥ 2.3× every measurement), and the
 * model refuses sizes where it exceeds the tolerance (1e−6 by default, N ≥ 1.6e8: a KS test would
 * need ~1e12 samples to notice). At N = 1e12 the bound is 3e−9 (exact β = 2 value 8.8e−10).
 * Below that size use the exact truncated tridiagonal model (edge.ts), which costs O(N^{1/3}).
 *
 * Why not exact at N = 1e12: the exact truncated model must draw ≈ c(β)·N^{1/3} ≈ 1.6e5 rows
 * (the top eigenvector reaches ≈ 10 N^{1/3} rows; edge.ts), i.e. ≥ 3e5 normal/gamma variates,
 * tens of milliseconds; the limit model is ≈ 1e4 times faster and its error (≤ 3e−9 in
 * Kolmogorov distance at N = 1e12) is far below the statistical resolution of any run.
 */

import type { RandomSource } from "../random/source.js";
import { detPow } from "../special/deterministicMath.js";
import { edgeScaling } from "../theory/edgeScaling.js";
import { tracyWidomSample } from "../theory/tracyWidom.js";
import { checkHermite, defaultHermiteParams, type HermiteParams } from "./hermite.js";

/** Envelope constant C of d(N) ≤ C·N^{−2/3} for β ∈ {1, 2, 4} (docs/edge-limit/README.md). */
export const EDGE_LIMIT_CONSTANT = 0.3;

/** Default largest Kolmogorov distance the limit model accepts. */
export const EDGE_LIMIT_TOLERANCE = 1e-6;

/**
 * Upper envelope of the Kolmogorov distance between the law of (λ_max − center)/scale of the
 * N-point Hermite β-ensemble and TW_β (β ∈ {1, 2, 4}): C·N^{−2/3} with C = EDGE_LIMIT_CONSTANT,
 * fitted above the measurements of docs/edge-limit/ (rate O(N^{−2/3}): Johnstone 2001; Ma 2012;
 * El Karoui 2006 for the analogous Laguerre statement).
 */
export function edgeLimitDistanceBound(n: number): number {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`n must be an integer >= 1, got ${n}`);
  }
  return EDGE_LIMIT_CONSTANT * detPow(n, -2 / 3);
}

/** The smallest N with edgeLimitDistanceBound(N) ≤ tolerance: ⌈(C/tolerance)^{3/2}⌉. */
export function edgeLimitMinimumSize(tolerance: number = EDGE_LIMIT_TOLERANCE): number {
  if (!(tolerance > 0 && tolerance < 1)) {
    throw new RangeError(`tolerance must be in (0, 1), got ${tolerance}`);
  }
  let n = Math.ceil(detPow(EDGE_LIMIT_CONSTANT / tolerance, 1.5));
  while (n > 1 && edgeLimitDistanceBound(n - 1) <= tolerance) n--;
  while (edgeLimitDistanceBound(n) > tolerance) n++;
  return n;
}

/**
 * Throws a RangeError unless the limit model applies: β ∈ {1, 2, 4} (F_β known as a Fredholm
 * determinant), N ≤ 2^51, and edgeLimitDistanceBound(N) ≤ tolerance.
 */
export function checkEdgeLimit(
  n: number,
  beta: number,
  tolerance: number = EDGE_LIMIT_TOLERANCE,
): void {
  if (!(beta === 1 || beta === 2 || beta === 4)) {
    throw new RangeError(
      `the limit model needs beta in {1, 2, 4} (Tracy–Widom F_beta is known exactly only there), got ${beta}; use the tridiagonal model`,
    );
  }
  if (!(Number.isInteger(n) && n >= 2)) {
    throw new RangeError(`n must be an integer >= 2, got ${n}`);
  }
  if (n > 2 ** 51) throw new RangeError(`n must be <= 2^51, got ${n}`);
  const bound = edgeLimitDistanceBound(n);
  if (bound > tolerance) {
    throw new RangeError(
      `the limit model is accurate to ${tolerance.toExponential(0)} (Kolmogorov distance) only for ` +
        `n >= ${edgeLimitMinimumSize(tolerance).toExponential(2)}; at n = ${n} its error may reach ` +
        `${bound.toExponential(1)}; use the exact tridiagonal model (O(N^(1/3)) per λ_max)`,
    );
  }
}

/**
 * λ_max of the N-point Hermite β-ensemble (β ∈ {1, 2, 4}) from the Tracy–Widom limit:
 * center + scale·F_β⁻¹(U) with one uniform U = rng.uniform() (edgeScaling; Tracy–Widom 1994,
 * 1996; Ramírez–Rider–Virág 2011 for the β-ensemble convention). Kolmogorov distance to the exact
 * law ≤ edgeLimitDistanceBound(N); throws (checkEdgeLimit) where that exceeds `tolerance`.
 */
export function hermiteLargestEigenvalueLimit(
  rng: RandomSource,
  n: number,
  beta: number,
  params: HermiteParams = defaultHermiteParams,
  tolerance: number = EDGE_LIMIT_TOLERANCE,
): number {
  checkEdgeLimit(n, beta, tolerance);
  checkHermite(n, beta, params);
  const { center, scale } = edgeScaling("hermite", n, beta, params);
  return center + scale * tracyWidomSample(rng, beta as 1 | 2 | 4);
}

/**
 * (λ_max − center)/scale of the limit model, i.e. one TW_β draw F_β⁻¹(U) (the same U as
 * hermiteLargestEigenvalueLimit), after the same checks; center, scale from edgeScaling.
 */
export function hermiteRescaledLargestEigenvalueLimit(
  rng: RandomSource,
  n: number,
  beta: number,
  params: HermiteParams = defaultHermiteParams,
  tolerance: number = EDGE_LIMIT_TOLERANCE,
): number {
  checkEdgeLimit(n, beta, tolerance);
  checkHermite(n, beta, params);
  return tracyWidomSample(rng, beta as 1 | 2 | 4);
}
