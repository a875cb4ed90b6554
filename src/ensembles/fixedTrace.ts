/**
 * The fixed-trace Laguerre β-ensemble: eigenvalues λ = x/Σx of random density matrices
 * ρ = W/Tr W (W a β-Wishart or Laguerre β-ensemble matrix), joint density on the simplex
 * Σλ = 1 proportional to |Δ(λ)|^β Π λ_i^(k−1) (docs/density-matrices/README.md).
 *
 * The model: draw the Laguerre bidiagonal (ξ_1, …, ξ_{2N−1}) (laguerre.ts, scale 1) and divide
 * every coordinate by T = Σ ξ_i = Tr J. This is exact: the eigenvalues of J/T are x/T, and T is
 * independent of x/T (theory/fixedTrace.ts, module comment). Equivalently (ξ/T) is a Dirichlet
 * vector with the Laguerre shapes, independent of T (Lukacs 1955). O(N) per sample; eigenvalues
 * by dqds in O(N²) with high relative accuracy.
 *
 * Per-sample statistics are pure functions of one sample (purity in O(N) from the bidiagonal,
 * entropy from the eigenvalues, λ_min by relatively accurate bisection in O(N log)).
 */
import type { RandomSource } from "../random/source.js";
import { detLog } from "../special/deterministicMath.js";
import { wishartShape } from "../theory/fixedTrace.js";
import { bidiagonalSquaredSingularValues } from "../tridiagonal/dqds.js";
import type { SquaredBidiagonal } from "./bidiagonal.js";
import { laguerreFullEigenvalues } from "./full.js";
import { laguerreBidiagonal } from "./laguerre.js";
import { clampAllToSupport, UNIT_INTERVAL } from "./support.js";
import {
  checkBeta,
  checkPositive,
  checkRandomSource,
  checkSamplerCost,
  checkSize,
} from "./validate.js";

/** Parameters of the fixed-trace ensemble: the Laguerre shape k > 0 (k = β(M − N + 1)/2). */
export interface FixedTraceParams {
  shape: number;
}

/**
 * The parameters of random N×N density matrices obtained from an N×M Gaussian matrix G
 * (ρ = GG†/Tr GG†, real M > N − 1): k = β(M − N + 1)/2. M = N is the Hilbert–Schmidt measure.
 */
export function fixedTraceParamsFromDimensions(
  n: number,
  m: number,
  beta: number,
): FixedTraceParams {
  return { shape: wishartShape(n, m, beta) };
}

/** Throws a RangeError unless (n, β, k) define a fixed-trace ensemble (β > 0, k > 0). */
export function checkFixedTrace(n: number, beta: number, params: FixedTraceParams): void {
  checkSize(n);
  checkBeta(beta);
  if (beta === 0) {
    throw new RangeError("the fixed-trace ensemble needs beta > 0");
  }
  checkPositive("shape", params.shape);
}

/**
 * One sample of the fixed-trace ensemble as the normalised squared bidiagonal (q, e) = ξ/T of the
 * Laguerre model (draw order of laguerreBidiagonal: ξ_1, ξ_2, …, ξ_{2N−1}); the eigenvalues of
 * B Bᵀ are those of ρ and sum to 1.
 */
export function fixedTraceBidiagonal(
  rng: RandomSource,
  n: number,
  beta: number,
  params: FixedTraceParams,
): SquaredBidiagonal {
  checkRandomSource(rng);
  checkFixedTrace(n, beta, params);
  checkSamplerCost("fixedTraceBidiagonal", n, 4 * n, 20 * n);
  const { q, e } = laguerreBidiagonal(rng, n, beta, { shape: params.shape, scale: 1 });
  let total = 0;
  for (let i = 0; i < n; i++) total += q[i] + (i < n - 1 ? e[i] : 0);
  const inverse = 1 / total;
  for (let i = 0; i < n; i++) q[i] *= inverse;
  for (let i = 0; i < n - 1; i++) e[i] *= inverse;
  return { q, e };
}

/** One sample of the fixed-trace ensemble: the eigenvalues of ρ, ascending (dqds, O(N²)). */
export function fixedTraceEigenvalues(
  rng: RandomSource,
  n: number,
  beta: number,
  params: FixedTraceParams,
): Float64Array {
  checkRandomSource(rng);
  checkFixedTrace(n, beta, params);
  checkSamplerCost("fixedTraceEigenvalues", n, 6 * n, 20 * n + n * n);
  const { q, e } = fixedTraceBidiagonal(rng, n, beta, params);
  // Eigenvalues of a density matrix lie in [0, 1]; dqds may return a few ulps outside (support.ts).
  return clampAllToSupport(bidiagonalSquaredSingularValues(q, e), UNIT_INTERVAL);
}

/**
 * One sample from the dense model, β ∈ {1, 2, 4} and integer M ≥ N: the eigenvalues of
 * W/Tr W for a real/complex/quaternion Wishart matrix W = GG† (full.ts), ascending. An independent
 * construction of the same law as fixedTraceEigenvalues (compared in the tests). O(N²M).
 */
export function fixedTraceFullEigenvalues(
  rng: RandomSource,
  n: number,
  beta: number,
  params: FixedTraceParams,
): Float64Array {
  checkRandomSource(rng);
  checkFixedTrace(n, beta, params);
  const m = (2 * params.shape) / beta + n - 1;
  const rounded = Math.round(m);
  if (Math.abs(m - rounded) > 1e-9 * Math.max(1, m) || rounded < n) {
    throw new RangeError(
      `the full fixed-trace model needs M = 2·shape/beta + n − 1 to be an integer >= n, got ${m}`,
    );
  }
  const x = laguerreFullEigenvalues(rng, n, beta, { m: rounded, scale: 2 });
  let total = 0;
  for (let i = 0; i < n; i++) total += x[i];
  for (let i = 0; i < n; i++) x[i] /= total;
  return x;
}

/**
 * Tr(J²)/(Tr J)² of J = B Bᵀ from its squared bidiagonal in O(N): with the chain
 * ξ = (q_1, e_1, q_2, …, q_N), Tr J = Σ ξ_i and Tr J² = Σ ξ_i² + 2 Σ ξ_i ξ_{i+1} (since
 * a_i = e_{i−1} + q_i and b_i = q_i e_i). For a fixed-trace sample this is the purity Tr ρ².
 */
export function bidiagonalPurity(bidiagonal: SquaredBidiagonal): number {
  const { q, e } = bidiagonal;
  const n = q.length;
  let trace = 0;
  let squares = 0;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const x = q[i];
    trace += x;
    squares += x * (x + 2 * previous);
    previous = x;
    if (i < n - 1) {
      const y = e[i];
      trace += y;
      squares += y * (y + 2 * previous);
      previous = y;
    }
  }
  return squares / (trace * trace);
}

/** Σλ²/(Σλ)² of eigenvalues (the purity of ρ = diag(λ)/Σλ). */
export function purity(values: Float64Array): number {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    squares += values[i] * values[i];
  }
  return squares / (sum * sum);
}

/**
 * The von Neumann entropy −Σ λ_i log λ_i of eigenvalues λ ≥ 0 summing to 1 (0·log 0 = 0; the
 * engine-independent logarithm detLog, so the value is bit-identical in every engine).
 */
export function vonNeumannEntropy(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x > 0) s -= x * detLog(x);
  }
  return s;
}
