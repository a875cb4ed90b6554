/**
 * Gamma variates: Marsaglia–Tsang squeeze/rejection for shape >= 1, and the boost
 * Gamma(a) = Gamma(a+1)·U^{1/a} for shape < 1, carried out in log space.
 */

import { detExp, detLog } from "../special/deterministicMath.js";
import { normal } from "./normal.js";
import type { RandomSource } from "./source.js";

/** Rejection attempts before giving up; the acceptance rate is > 0.95 for every shape >= 1. */
const MAX_ATTEMPTS = 1000;

function checkShape(shape: number): void {
  if (!(shape > 0) || shape === Infinity) {
    throw new RangeError(`gamma shape must be finite and > 0, got ${shape}`);
  }
}

/**
 * Gamma(shape, 1) variate for shape >= 1 by Marsaglia & Tsang, "A simple method for
 * generating gamma variables", ACM TOMS 26:363 (2000): d = shape - 1/3, c = 1/√(9d),
 * V = (1 + cZ)³, accept dV if U < 1 - 0.0331 Z⁴ or log U < Z²/2 + d(1 - V + log V).
 * Each attempt draws one normal (one uniform, see normal.ts) then one uniform.
 */
function marsagliaTsang(rng: RandomSource, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const z = normal(rng);
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = rng.uniform();
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2) return d * v;
    if (detLog(u) < 0.5 * z2 + d * (1 - v + detLog(v))) return d * v;
  }
  throw new Error(`gamma rejection sampler did not accept in ${MAX_ATTEMPTS} attempts`);
}

/**
 * log G with G ~ Gamma(shape, 1), finite even when G itself underflows (shape = 1e-4 gives
 * log G ≈ -10⁴ typically). Shape >= 1: log of Marsaglia–Tsang (2000); shape < 1:
 * log G = log G' + (log U)/shape with G' ~ Gamma(shape + 1), U uniform (Marsaglia & Tsang 2000,
 * §6), G' drawn first, then U.
 */
export function logGammaVariate(rng: RandomSource, shape: number): number {
  checkShape(shape);
  if (shape >= 1) return detLog(marsagliaTsang(rng, shape));
  const boosted = marsagliaTsang(rng, shape + 1);
  return detLog(boosted) + detLog(rng.uniform()) / shape;
}

/**
 * Gamma(shape, scale) variate, density x^{shape-1} e^{-x/scale} / (Γ(shape) scale^shape)
 * (DLMF 5.2.1 normalisation). Marsaglia & Tsang (2000) for shape >= 1; for shape < 1,
 * exp(logGammaVariate + log scale), which is 0 only when the true value underflows.
 */
export function gamma(rng: RandomSource, shape: number, scale = 1): number {
  checkShape(shape);
  if (!(scale > 0) || scale === Infinity) {
    throw new RangeError(`gamma scale must be finite and > 0, got ${scale}`);
  }
  if (shape >= 1) return scale * marsagliaTsang(rng, shape);
  return detExp(logGammaVariate(rng, shape) + detLog(scale));
}
