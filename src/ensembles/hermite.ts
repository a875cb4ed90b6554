import { drawHermiteCoefficients } from "../random/coefficients.js";
import type { RandomSource } from "../random/source.js";
import { tridiagonalEigenvalues } from "../tridiagonal/eigenvalues.js";
import type { SymmetricTridiagonal } from "../tridiagonal/types.js";
import {
  checkBeta,
  checkFinite,
  checkPositive,
  checkRandomSource,
  checkSamplerCost,
  checkSize,
} from "./validate.js";

/** Parameters of the Hermite β-ensemble: reference measure N(loc, scale²). */
export interface HermiteParams {
  /** Centre μ of the reference Gaussian. */
  loc: number;
  /** Standard deviation σ > 0 of the reference Gaussian. */
  scale: number;
}

export const defaultHermiteParams: HermiteParams = { loc: 0, scale: 1 };

/** Throws a RangeError unless (n, β, μ, σ) define a Hermite β-ensemble. */
export function checkHermite(n: number, beta: number, params: HermiteParams): void {
  checkSize(n);
  checkBeta(beta);
  checkFinite("loc", params.loc);
  checkPositive("scale", params.scale);
}

/**
 * Dumitriu–Edelman tridiagonal model of the Hermite β-ensemble
 * |Δ(x)|^β Π exp(−(x_i−μ)²/(2σ²)): a_n ~ N(μ, σ²), b_n ~ Gamma(β(N−n)/2, scale σ²), independent.
 * Reference: Dumitriu & Edelman, J. Math. Phys. 43 (2002) §II-C; docs/theory.md §2.3.
 * Draw order (part of the reproducibility contract): a_1, b_1, a_2, b_2, …, a_N.
 *
 * @example
 * import { createRandomSource, hermiteTridiagonal, largestEigenvalue } from "betaens";
 * const J = hermiteTridiagonal(createRandomSource(1, 0), 1e5, 2); // O(N) coefficients
 * const lambdaMax = largestEigenvalue(J.diagonal, J.offDiagonalSquared); // ≈ √(2βN) ≈ 632
 */
export function hermiteTridiagonal(
  rng: RandomSource,
  n: number,
  beta: number,
  params: HermiteParams = defaultHermiteParams,
): SymmetricTridiagonal {
  checkRandomSource(rng);
  checkHermite(n, beta, params);
  checkSamplerCost("hermiteTridiagonal", n, 2 * n, 20 * n);
  const diagonal = new Float64Array(n);
  const offDiagonalSquared = new Float64Array(n - 1);
  drawHermiteCoefficients(rng, n, beta, params.loc, params.scale, diagonal, offDiagonalSquared);
  return { diagonal, offDiagonalSquared };
}

/**
 * One sample of the Hermite β-ensemble: the eigenvalues of hermiteTridiagonal, ascending.
 *
 * @example
 * import { createRandomSource, hermiteEigenvalues } from "betaens";
 * const x = hermiteEigenvalues(createRandomSource(42, 0), 1000, 2.5, { loc: 0, scale: 1 });
 */
export function hermiteEigenvalues(
  rng: RandomSource,
  n: number,
  beta: number,
  params: HermiteParams = defaultHermiteParams,
): Float64Array {
  checkRandomSource(rng);
  checkHermite(n, beta, params);
  checkSamplerCost(
    "hermiteEigenvalues",
    n,
    6 * n,
    n * n,
    'for λ_max or a histogram at this size use runSample with stat "max" or "histogram" (O(N) per sample)',
  );
  const t = hermiteTridiagonal(rng, n, beta, params);
  return tridiagonalEigenvalues(t.diagonal, t.offDiagonalSquared);
}
