/**
 * The Gibbs sampler on Jacobi coefficients for the β-ensemble with polynomial potential V
 * (Gautier, Bardenet & Valko, "Fast sampling from β-ensembles", Stat. Comput. 2021; docs/theory.md §3):
 * target π(a, b) ∝ Π_n b_n^{β(N−n)/2−1} exp(−(βN/2) Tr V(J)) (spec (★), Krishnapur–Rider–Virág
 * 2016, Prop. 2), whose eigenvalue law is |Δ(x)|^β Π exp(−(βN/2) V(x_i)).
 *
 * One pass is a systematic scan a_1, b_1, a_2, b_2, …, a_N (DPPy's order, docs/theory.md §3.7), each
 * coefficient drawn EXACTLY from its conditional (./conditionals.ts derives it for any degree,
 * ./univariate.ts samples it by rejection): O(N) work per pass, no allocation per coefficient.
 */

import { validatePotential } from "../potentials/validate.js";
import type { RandomSource } from "../random/source.js";
import type { SymmetricTridiagonal } from "../tridiagonal/types.js";
import {
  type ConditionalWork,
  createConditionalWork,
  diagonalConditional,
  offDiagonalConditional,
} from "./conditionals.js";
import { hermiteInitialState } from "./initial.js";
import { createSpectralWork, spectralMove, spectralMoveAvailable } from "./spectral.js";
import {
  createUnivariateWork,
  sampleExpPolynomial,
  sampleGammaPolynomial,
  type UnivariateWork,
} from "./univariate.js";

/** Preallocated buffers of a Gibbs pass, for potentials of degree ≤ maxDegree. */
export interface GibbsWork {
  readonly maxDegree: number;
  readonly conditional: ConditionalWork;
  readonly univariate: UnivariateWork;
  readonly polynomial: Float64Array;
}

/** Allocates the buffers of gibbsSweep for potentials of degree ≤ maxDegree. */
export function createGibbsWork(maxDegree: number): GibbsWork {
  return {
    maxDegree,
    conditional: createConditionalWork(maxDegree),
    univariate: createUnivariateWork(maxDegree),
    polynomial: new Float64Array(maxDegree + 1),
  };
}

/**
 * One systematic-scan Gibbs pass a_1, b_1, …, a_N over the Jacobi coefficients in `state`
 * (updated in place), each drawn exactly from its conditional under
 * Π b_n^{β(N−n)/2−1} exp(−(βN/2) Tr V(J)), V(x) = Σ_k coeffs[k] x^k (validated by the caller:
 * even degree ≥ 2, positive leading coefficient). O(N·d³) flops, no allocation.
 * Reference: docs/theory.md §3.1–3.3 and §3.7 (DPPy `sample_mcmc`), with exact conditionals for every V.
 */
export function gibbsSweep(
  state: SymmetricTridiagonal,
  coeffs: Float64Array,
  beta: number,
  rng: RandomSource,
  work: GibbsWork,
): void {
  const a = state.diagonal;
  const b = state.offDiagonalSquared;
  const n = a.length;
  const d = coeffs.length - 1;
  if (d > work.maxDegree) {
    throw new RangeError(
      `potential degree ${d} exceeds the work buffers' maxDegree ${work.maxDegree}`,
    );
  }
  if (b.length !== n - 1) {
    throw new RangeError(`offDiagonalSquared must have length ${n - 1}, got ${b.length}`);
  }
  const s = 0.5 * beta * n;
  const poly = work.polynomial;
  const cw = work.conditional;
  const uw = work.univariate;
  for (let i = 0; i < n; i++) {
    diagonalConditional(a, b, n, i, coeffs, d, s, poly, cw);
    a[i] = sampleExpPolynomial(rng, poly, d, uw);
    if (i < n - 1) {
      const degree = offDiagonalConditional(a, b, n, i, coeffs, d, s, poly, cw);
      b[i] = sampleGammaPolynomial(rng, 0.5 * beta * (n - i - 1), poly, degree, uw);
    }
  }
}

/** Initial states of a chain: see runGibbsChain. */
export type GibbsInitial = "zero" | "hermite";

/** Options of runGibbsChain. */
export interface GibbsChainOptions {
  /** V(x) = Σ_k coeffs[k] x^k, lowest degree first (even degree ≥ 2, leading coefficient > 0). */
  coeffs: Float64Array;
  n: number;
  beta: number;
  passes: number;
  rng: RandomSource;
  /** "zero" (default): a = b = 0, DPPy's start. "hermite": see hermiteInitialState. */
  initial?: GibbsInitial;
  /** Start from these coefficients instead (copied; overrides `initial`), e.g. to continue a chain. */
  initialState?: SymmetricTridiagonal;
  /**
   * A spectral move (./spectral.ts: exact, O(N²)) after every `spectralEvery` passes; 0 turns it
   * off (the plain sweep of the paper and DPPy). Default: defaultSpectralInterval(N, β).
   */
  spectralEvery?: number;
  /** Called after every pass with the pass number (1-based) and the current state. */
  onPass?: (pass: number, state: SymmetricTridiagonal) => void;
}

/**
 * The default interval between spectral moves: every max(1, ⌈N/500⌉) passes (every pass up to
 * N = 500); 0 (none) when β < SPECTRAL_MIN_BETA or N = 1. A move costs about 3 passes at
 * N ≤ 400, 6 at N = 1000, 13 at N = 2000 (bench/gibbs.ts), so the default makes a run about 4×
 * slower than the plain sweep; the passes that make the λ_max law exact for two-cut potentials
 * with this default are measured in docs/gibbs-exact/ (20 passes at N = 200 and 400).
 */
export function defaultSpectralInterval(n: number, beta: number): number {
  if (n < 2 || !spectralMoveAvailable(beta)) return 0;
  return Math.max(1, Math.ceil(n / 500));
}

/** Throws a RangeError unless `every` is a valid spectral interval for (n, β). */
export function checkSpectralInterval(every: number, beta: number): void {
  if (!Number.isInteger(every) || every < 0) {
    throw new RangeError(`spectral interval must be an integer >= 0 (0: off), got ${every}`);
  }
  if (every > 0 && !spectralMoveAvailable(beta)) {
    throw new RangeError(
      `the spectral move needs beta >= 0.1 (its Dirichlet(beta/2) weights underflow below), got beta = ${beta}; use spectral interval 0`,
    );
  }
}

/** Final Jacobi coefficients of a chain, with the exactness flag. */
export interface GibbsChainResult extends SymmetricTridiagonal {
  /** True: every conditional draw was exact (no MCMC move inside the Gibbs sweep). */
  readonly exact: boolean;
}

/**
 * Range of β of the Gibbs sampler (tested for every potential of the tests at N up to 2000):
 * below 1e−9 the shape β(N − n)/2 of the last off-diagonal conditional is lost when it is stored as
 * the exponent β(N−n)/2 − 1 ≈ −1 (relative error ε/β); above 1e12 the conditionals' coefficients
 * βN/2·v_k leave the range where the envelopes were checked (β = 1e15 fails).
 */
export const GIBBS_MIN_BETA = 1e-9;
export const GIBBS_MAX_BETA = 1e12;

/** Throws a RangeError unless (n, β, passes) are admissible; validates the potential. */
export function checkGibbsArguments(
  coeffs: Float64Array,
  n: number,
  beta: number,
  passes: number,
): void {
  validatePotential(coeffs);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer >= 1, got ${n}`);
  if (!(beta > 0) || !Number.isFinite(beta)) {
    throw new RangeError(`beta must be a finite number > 0, got ${beta}`);
  }
  if (beta < GIBBS_MIN_BETA) {
    throw new RangeError(
      `beta = ${beta} is below the Gibbs sampler's limit ${GIBBS_MIN_BETA}: the last conditional y^(beta/2 - 1) needs beta/2 - 1 != -1 in double precision (beta/2 is then known to < 1e-6 relative)`,
    );
  }
  if (beta > GIBBS_MAX_BETA) {
    throw new RangeError(
      `beta = ${beta} is above the Gibbs sampler's limit ${GIBBS_MAX_BETA}: the conditionals' coefficients (beta*N/2)*V exceed the range where their envelopes are computed reliably`,
    );
  }
  if (!Number.isInteger(passes) || passes < 0) {
    throw new RangeError(`passes must be an integer >= 0, got ${passes}`);
  }
}

/**
 * Runs one Gibbs chain of `passes` passes from the chosen initial state and returns the final
 * Jacobi coefficients (eigenvalues: tridiagonalEigenvalues; λ_max: largestEigenvalue).
 * Initial states: "zero" is DPPy's a = b = 0 (docs/theory.md §3.7); "hermite" is an exact sample of the
 * Gaussian β-ensemble whose semicircle best approximates μ_V (hermiteInitialState), which is
 * already the target when V is quadratic.
 *
 * @example
 * import { createRandomSource, runGibbsChain } from "betaens";
 * const state = runGibbsChain({
 *   coeffs: Float64Array.of(0, 0, 0, 0, 0.25), // V(x) = x⁴/4
 *   n: 100,
 *   beta: 2,
 *   passes: 5,
 *   rng: createRandomSource(1, 0),
 * }); // state.diagonal, state.offDiagonalSquared: the Jacobi coefficients after 5 passes
 */
export function runGibbsChain(options: GibbsChainOptions): GibbsChainResult {
  const { coeffs, n, beta, passes, rng } = options;
  checkGibbsArguments(coeffs, n, beta, passes);
  const initial = options.initial ?? "zero";
  let state: SymmetricTridiagonal;
  if (options.initialState) {
    const given = options.initialState;
    if (given.diagonal.length !== n || given.offDiagonalSquared.length !== n - 1) {
      throw new RangeError(
        `initialState must have ${n} diagonal and ${n - 1} off-diagonal entries`,
      );
    }
    state = {
      diagonal: Float64Array.from(given.diagonal),
      offDiagonalSquared: Float64Array.from(given.offDiagonalSquared),
    };
  } else if (initial === "zero") {
    state = { diagonal: new Float64Array(n), offDiagonalSquared: new Float64Array(n - 1) };
  } else if (initial === "hermite") {
    state = hermiteInitialState(rng, coeffs, n, beta);
  } else {
    throw new RangeError(`initial must be "zero" or "hermite", got ${String(initial)}`);
  }
  const every = options.spectralEvery ?? defaultSpectralInterval(n, beta);
  checkSpectralInterval(every, beta);
  const work = createGibbsWork(coeffs.length - 1);
  const spectral = every > 0 && n >= 2 ? createSpectralWork(n) : undefined;
  for (let pass = 1; pass <= passes; pass++) {
    gibbsSweep(state, coeffs, beta, rng, work);
    if (spectral && pass % every === 0) spectralMove(state, coeffs, beta, rng, spectral);
    options.onPass?.(pass, state);
  }
  return { diagonal: state.diagonal, offDiagonalSquared: state.offDiagonalSquared, exact: true };
}
