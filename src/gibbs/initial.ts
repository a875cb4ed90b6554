/**
 * The "hermite" initial state of the Gibbs chain: an exact sample of the Gaussian β-ensemble whose
 * limiting semicircle SC(m, t) is the best semicircle approximation of the equilibrium measure
 * μ_V (semicircleFit, ../theory/equilibriumSemicircleFit.ts; exact when V is quadratic). The
 * Gaussian β-ensemble with potential (x − m)²/(2t) in the βN/2 scaling is the Hermite model with
 * σ² = 2t/(βN) (docs/theory.md §2.3): a_n ~ N(m, σ²), b_n ~ Gamma(β(N−n)/2, scale σ²).
 */

import { gamma } from "../random/gamma.js";
import { normal } from "../random/normal.js";
import type { RandomSource } from "../random/source.js";
import { semicircleFit } from "../theory/equilibriumSemicircleFit.js";
import type { SymmetricTridiagonal } from "../tridiagonal/types.js";

/**
 * Jacobi coefficients of an exact sample of the Gaussian β-ensemble matched to V by
 * semicircleFit: a_n ~ N(m, σ²), b_n ~ Gamma(β(N−n)/2, scale σ²), σ² = 2t/(βN), drawn in the
 * order a_1, b_1, …, a_N (Dumitriu–Edelman 2002; docs/theory.md §2.3).
 */
export function hermiteInitialState(
  rng: RandomSource,
  coeffs: ArrayLike<number>,
  n: number,
  beta: number,
): SymmetricTridiagonal {
  const { mean, variance } = semicircleFit(coeffs);
  const scale2 = (2 * variance) / (beta * n);
  const sd = Math.sqrt(scale2);
  const diagonal = new Float64Array(n);
  const offDiagonalSquared = new Float64Array(n - 1);
  for (let i = 0; i < n; i++) {
    diagonal[i] = mean + sd * normal(rng);
    if (i < n - 1) offDiagonalSquared[i] = gamma(rng, 0.5 * beta * (n - i - 1), scale2);
  }
  return { diagonal, offDiagonalSquared };
}
