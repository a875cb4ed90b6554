/**
 * Chi variates, the norm of a k-dimensional standard Gaussian vector (k real > 0).
 */

import { detExp } from "../special/deterministicMath.js";
import { gamma, logGammaVariate } from "./gamma.js";
import type { RandomSource } from "./source.js";

/**
 * χ_k variate: √G with G ~ Gamma(k/2, scale 2), i.e. χ²_k (Johnson, Kotz & Balakrishnan,
 * Continuous Univariate Distributions vol. 1, §18.9). For k < 2 it is exp((log G + log 2)/2)
 * from logGammaVariate, so small k do not underflow needlessly. Throws RangeError unless k > 0 finite.
 */
export function chi(rng: RandomSource, k: number): number {
  if (!(k > 0) || k === Infinity) {
    throw new RangeError(`chi degrees of freedom must be finite and > 0, got ${k}`);
  }
  if (k >= 2) return Math.sqrt(2 * gamma(rng, 0.5 * k));
  return detExp(0.5 * (logGammaVariate(rng, 0.5 * k) + Math.LN2));
}
