import { drawLaguerreCoefficients } from "../random/coefficients.js";
import type { RandomSource } from "../random/source.js";
import { wishartParameters } from "../spec/params.js";
import { bidiagonalSquaredSingularValues } from "../tridiagonal/dqds.js";
import type { SymmetricTridiagonal } from "../tridiagonal/types.js";
import { bidiagonalToTridiagonal, type SquaredBidiagonal } from "./bidiagonal.js";
import { clampAllToSupport, HALF_LINE } from "./support.js";
import {
  checkBeta,
  checkPositive,
  checkRandomSource,
  checkSamplerCost,
  checkSize,
} from "./validate.js";

/** Parameters of the Laguerre β-ensemble: reference measure Gamma(shape k, scale θ). */
export interface LaguerreParams {
  /** Shape k > 0 of the reference Gamma law (density ∝ x^(k−1) e^(−x/θ)). */
  shape: number;
  /** Scale θ > 0 of the reference Gamma law. */
  scale: number;
}

export const defaultLaguerreParams: LaguerreParams = { shape: 1, scale: 1 };

/**
 * The Laguerre parameters of the β-Wishart matrix with dimensions N ≤ M:
 * k = β(M − N + 1)/2, θ = 2 (docs/conventions.md). Throws if M < N or β = 0.
 *
 * @example
 * import { laguerreParamsFromWishart } from "betaens";
 * const params = laguerreParamsFromWishart(500, 800, 1); // { shape: 150.5, scale: 2 }
 */
export function laguerreParamsFromWishart(n: number, m: number, beta: number): LaguerreParams {
  checkSize(n);
  checkBeta(beta);
  if (!Number.isFinite(m) || m < n) {
    throw new RangeError(`m must be a finite number >= n = ${n}, got ${m}`);
  }
  if (beta === 0) {
    throw new RangeError("Wishart dimensions need beta > 0 (shape = beta(M-N+1)/2 would be 0)");
  }
  return wishartParameters(n, m, beta);
}

/** Throws a RangeError unless (n, β, k, θ) define a Laguerre β-ensemble. */
export function checkLaguerre(n: number, beta: number, params: LaguerreParams): void {
  checkSize(n);
  checkBeta(beta);
  checkPositive("shape", params.shape);
  checkPositive("scale", params.scale);
}

/**
 * Dumitriu–Edelman bidiagonal model of the Laguerre β-ensemble |Δ|^β Π x_i^(k−1) e^(−x_i/θ):
 * ξ_{2n−1} ~ Gamma(β(N−n)/2 + k, θ), ξ_{2n} ~ Gamma(β(N−n)/2, θ), and J = B Bᵀ with
 * B lower bidiagonal, diag √ξ_odd, subdiag √ξ_even.
 * Reference: Dumitriu & Edelman (2002) §III-B; docs/theory.md §2.4.
 * Draw order (reproducibility contract): ξ_1, ξ_2, …, ξ_{2N−1}.
 */
export function laguerreBidiagonal(
  rng: RandomSource,
  n: number,
  beta: number,
  params: LaguerreParams = defaultLaguerreParams,
): SquaredBidiagonal {
  checkRandomSource(rng);
  checkLaguerre(n, beta, params);
  checkSamplerCost("laguerreBidiagonal", n, 4 * n, 20 * n);
  const q = new Float64Array(n);
  const e = new Float64Array(n - 1);
  drawLaguerreCoefficients(rng, n, beta, params.shape, params.scale, q, e);
  return { q, e };
}

/** The Jacobi (tridiagonal) matrix J = B Bᵀ of the Laguerre model. */
export function laguerreTridiagonal(
  rng: RandomSource,
  n: number,
  beta: number,
  params: LaguerreParams = defaultLaguerreParams,
): SymmetricTridiagonal {
  return bidiagonalToTridiagonal(laguerreBidiagonal(rng, n, beta, params));
}

/**
 * One sample of the Laguerre β-ensemble, ascending: the eigenvalues of J = B Bᵀ computed by dqds on
 * the squared bidiagonal (q, e), which gives every eigenvalue to high relative accuracy — the
 * smallest ones too, which the QL iteration on J would get only to ε‖J‖ (measured: 15ε against
 * up to 1e46ε relative error for tiny eigenvalues; see test/tridiagonal/dqds.test.ts).
 * In [0, ∞) (dqds forms only positive quantities; clamped as every driver is, support.ts).
 *
 * @example
 * import { createRandomSource, laguerreEigenvalues, laguerreParamsFromWishart } from "betaens";
 * const params = laguerreParamsFromWishart(500, 800, 1); // real Wishart, N = 500, M = 800
 * const x = laguerreEigenvalues(createRandomSource(3, 0), 500, 1, params);
 */
export function laguerreEigenvalues(
  rng: RandomSource,
  n: number,
  beta: number,
  params: LaguerreParams = defaultLaguerreParams,
): Float64Array {
  checkRandomSource(rng);
  checkLaguerre(n, beta, params);
  checkSamplerCost(
    "laguerreEigenvalues",
    n,
    8 * n,
    2 * n * n,
    'for λ_max or a histogram at this size use runSample with stat "max" or "histogram" (O(N) per sample)',
  );
  const { q, e } = laguerreBidiagonal(rng, n, beta, params);
  return clampAllToSupport(bidiagonalSquaredSingularValues(q, e), HALF_LINE);
}
