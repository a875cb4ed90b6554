import { drawJacobiCoefficients } from "../random/coefficients.js";
import type { RandomSource } from "../random/source.js";
import { manovaParameters } from "../spec/params.js";
import { bidiagonalSquaredSingularValues } from "../tridiagonal/dqds.js";
import type { SymmetricTridiagonal } from "../tridiagonal/types.js";
import { bidiagonalToTridiagonal, type SquaredBidiagonal } from "./bidiagonal.js";
import { clampAllToSupport, UNIT_INTERVAL } from "./support.js";
import {
  checkBeta,
  checkPositive,
  checkRandomSource,
  checkSamplerCost,
  checkSize,
} from "./validate.js";

/** Parameters of the Jacobi β-ensemble: reference measure Beta(a, b) on (0, 1). */
export interface JacobiParams {
  a: number;
  b: number;
}

export const defaultJacobiParams: JacobiParams = { a: 1, b: 1 };

/**
 * The Jacobi parameters of the β-MANOVA matrix with dimensions N ≤ M1, M2:
 * a = β(M1 − N + 1)/2, b = β(M2 − N + 1)/2 (docs/conventions.md).
 *
 * @example
 * import { jacobiParamsFromManova } from "betaens";
 * const params = jacobiParamsFromManova(400, 500, 600, 2); // { a: 101, b: 201 }
 */
export function jacobiParamsFromManova(
  n: number,
  m1: number,
  m2: number,
  beta: number,
): JacobiParams {
  checkSize(n);
  checkBeta(beta);
  for (const [name, m] of [
    ["m1", m1],
    ["m2", m2],
  ] as const) {
    if (!Number.isFinite(m) || m < n) {
      throw new RangeError(`${name} must be a finite number >= n = ${n}, got ${m}`);
    }
  }
  if (beta === 0) {
    throw new RangeError("MANOVA dimensions need beta > 0 (a = beta(M1-N+1)/2 would be 0)");
  }
  return manovaParameters(n, m1, m2, beta);
}

/** Throws a RangeError unless (n, β, a, b) define a Jacobi β-ensemble. */
export function checkJacobi(n: number, beta: number, params: JacobiParams): void {
  checkSize(n);
  checkBeta(beta);
  checkPositive("a", params.a);
  checkPositive("b", params.b);
}

/**
 * Killip–Nenciu model of the Jacobi β-ensemble |Δ|^β Π x^(a−1)(1−x)^(b−1) on (0,1), in the
 * canonical-moment form of docs/theory.md §2.5: c_{2n−1} ~ Beta(β(N−n)/2 + a, β(N−n)/2 + b),
 * c_{2n} ~ Beta(β(N−n)/2, β(N−n−1)/2 + a + b), ξ_j = (1 − c_{j−1}) c_j, J = B Bᵀ with
 * (q, e) = (ξ_odd, ξ_even). Reference: Killip & Nenciu, IMRN 2004, Thm 2; docs/theory.md §2.5.
 * Draw order (reproducibility contract): c_1, c_2, …, c_{2N−1}.
 */
export function jacobiBidiagonal(
  rng: RandomSource,
  n: number,
  beta: number,
  params: JacobiParams = defaultJacobiParams,
): SquaredBidiagonal {
  checkRandomSource(rng);
  checkJacobi(n, beta, params);
  checkSamplerCost("jacobiBidiagonal", n, 4 * n, 40 * n);
  const q = new Float64Array(n);
  const e = new Float64Array(n - 1);
  drawJacobiCoefficients(rng, n, beta, params.a, params.b, q, e);
  return { q, e };
}

/** The Jacobi (tridiagonal) matrix J = B Bᵀ of the Jacobi model. */
export function jacobiTridiagonal(
  rng: RandomSource,
  n: number,
  beta: number,
  params: JacobiParams = defaultJacobiParams,
): SymmetricTridiagonal {
  return bidiagonalToTridiagonal(jacobiBidiagonal(rng, n, beta, params));
}

/**
 * One sample of the Jacobi β-ensemble, ascending: the eigenvalues of J = B Bᵀ computed by dqds on
 * the squared bidiagonal (q, e), which gives every eigenvalue to high relative accuracy — the
 * smallest ones too, which the QL iteration on J would get only to ε‖J‖ (measured: 15ε against
 * up to 1e46ε relative error for tiny eigenvalues; see test/tridiagonal/dqds.test.ts).
 * Clamped to [0, 1]: the rounded model can put λ_max a few ulps above 1 (support.ts).
 *
 * @example
 * import { createRandomSource, jacobiEigenvalues, jacobiParamsFromManova } from "betaens";
 * const params = jacobiParamsFromManova(400, 500, 600, 3.14);
 * const x = jacobiEigenvalues(createRandomSource(3, 0), 400, 3.14, params); // in (0, 1)
 */
export function jacobiEigenvalues(
  rng: RandomSource,
  n: number,
  beta: number,
  params: JacobiParams = defaultJacobiParams,
): Float64Array {
  checkRandomSource(rng);
  checkJacobi(n, beta, params);
  checkSamplerCost(
    "jacobiEigenvalues",
    n,
    8 * n,
    2 * n * n,
    'for λ_max or a histogram at this size use runSample with stat "max" or "histogram" (O(N) per sample)',
  );
  const { q, e } = jacobiBidiagonal(rng, n, beta, params);
  return clampAllToSupport(bidiagonalSquaredSingularValues(q, e), UNIT_INTERVAL);
}
