/**
 * Local statistics of sampled configurations — the statistic modules behind `betaens sample --stat
 * spacings` and `--stat window` (and the explorer): unfolded nearest-neighbour spacings of a whole
 * configuration, and the k eigenvalues nearest an energy of a tridiagonal model at huge N with their
 * unfolded spacings and spacing ratios. Browser-safe.
 *
 * Unfolding (statistics/unfolding.ts): u = N·F(x) with F the CDF of the limit law of the ensemble
 * at size N (theory/limits.ts: semicircle, Marchenko–Pastur, Wachter), the reference measure's CDF
 * for β = 0 (independent points: Poisson spacings), the uniform density on the circle.
 */

import type { RandomSource } from "../random/source.js";
import { normalCdf } from "../special/erf.js";
import { regularizedBetaI } from "../special/regularizedBeta.js";
import { regularizedGammaP } from "../special/regularizedGamma.js";
import {
  type BulkWindow,
  circularSpacings,
  spacingRatios,
  unfoldedSpacings,
} from "../statistics/unfolding.js";
import { laguerreTraceShape } from "../theory/fixedTrace.js";
import { limitLaw } from "../theory/limits.js";
import { windowEigenvalues } from "../tridiagonal/windowEigenvalues.js";
import {
  type ClassicalSpec,
  type Draw,
  drawSample,
  drawTridiagonal,
  drawValues,
  type EnsembleSpec,
} from "./models.js";

/** x ↦ F(x), the CDF used to unfold a classical ensemble of size n at inverse temperature β. */
export function unfoldingCdf(spec: ClassicalSpec, n: number, beta: number): (x: number) => number {
  if (beta === 0) {
    // Independent points from the reference measure (theory/reference.ts).
    switch (spec.ensemble) {
      case "hermite": {
        const { loc, scale } = spec.params;
        return (x) => normalCdf((x - loc) / scale);
      }
      case "laguerre": {
        const { shape, scale } = spec.params;
        return (x) => (x <= 0 ? 0 : regularizedGammaP(shape, x / scale));
      }
      case "jacobi": {
        const { a, b } = spec.params;
        return (x) => (x <= 0 ? 0 : x >= 1 ? 1 : regularizedBetaI(x, a, b));
      }
    }
  }
  const law = limitLaw(spec.ensemble, n, beta, spec.params as unknown as Record<string, number>);
  return (x) => law.cdf(law.normalise(x));
}

/**
 * The unfolded spacings of one drawn sample (all eigenvalues computed), restricted to the limit-CDF
 * window [lo, hi] (default: the whole spectrum). Circular: N·Δθ/2π (the spacing across 2π ≡ 0
 * included when the window is the whole circle). Ginibre has no spacings: RangeError.
 */
export function drawSpacings(
  spec: EnsembleSpec,
  draw: Draw,
  n: number,
  beta: number,
  window: BulkWindow = [0, 1],
): Float64Array {
  if (spec.ensemble === "ginibre") {
    throw new RangeError("the Ginibre ensemble has complex points: no spacings");
  }
  const values = drawValues(draw);
  if (spec.ensemble === "circular") return circularSpacings(values, window);
  if (spec.ensemble === "fixed-trace") {
    // λ = x/T with x Laguerre (shape k) and T = Σx ~ Gamma(K) independent of λ (theory/fixedTrace.ts):
    // unfold x̂ = E[T]·λ = K·λ by the Laguerre limit law; T/E[T] = 1 + O(1/√K) = 1 + O(1/N).
    const { shape } = spec.params;
    const trace = laguerreTraceShape(n, beta, shape);
    const scaled = values.map((v) => trace * v);
    const laguerre: ClassicalSpec = { ensemble: "laguerre", params: { shape, scale: 1 } };
    return unfoldedSpacings(scaled, unfoldingCdf(laguerre, n, beta), n, window);
  }
  return unfoldedSpacings(values, unfoldingCdf(spec, n, beta), n, window);
}

/** The result of the window sampler for one sample. */
export interface WindowSample {
  /** The k eigenvalues nearest the energy, ascending, and the index of the first in the spectrum. */
  eigenvalues: Float64Array;
  firstIndex: number;
  /** Their k − 1 spacings unfolded by N·F (the limit CDF) and the k − 2 ratios of consecutive ones. */
  spacings: Float64Array;
  ratios: Float64Array;
}

/** The default energy of the window sampler: the median of the limit law, in raw units. */
export function defaultEnergy(spec: ClassicalSpec, n: number, beta: number): number {
  const cdf = unfoldingCdf(spec, n, beta);
  // Bisection for F(E) = 1/2 on a bracket that holds the spectrum.
  let lo = -1;
  let hi = 1;
  while (cdf(lo) > 0.5) lo *= 2;
  while (cdf(hi) < 0.5) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); i++) {
    const mid = 0.5 * (lo + hi);
    if (cdf(mid) < 0.5) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * One sample of the window sampler: draws the tridiagonal model of a classical ensemble (the same
 * random stream and draw order as every other statistic, so sample s is the same matrix), finds its
 * `count` eigenvalues nearest `energy` without the others (tridiagonal/windowEigenvalues.ts) and
 * unfolds them.
 */
export function sampleWindow(
  spec: ClassicalSpec,
  rng: RandomSource,
  n: number,
  beta: number,
  energy: number,
  count: number,
): WindowSample {
  const t = drawTridiagonal(drawSample(spec, "tridiagonal", rng, n, beta));
  if (t === undefined) throw new RangeError("the window sampler needs a tridiagonal model");
  const result = windowEigenvalues(t.diagonal, t.offDiagonalSquared, energy, count);
  const spacings = unfoldedSpacings(result.values, unfoldingCdf(spec, n, beta), n);
  return {
    eigenvalues: result.values,
    firstIndex: result.firstIndex,
    spacings,
    ratios: spacingRatios(spacings),
  };
}
