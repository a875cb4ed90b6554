/**
 * The Tracy–Widom reference CDF of the mixing study: the Fredholm CDF F_β for β ∈ {1, 2, 4}
 * (tracyWidom.ts, β-ensemble convention); the computed TW_β for other β in TRACY_WIDOM_BETA_RANGE
 * (Bloemendal–Virág boundary-value problem, tracyWidomGeneral.ts, CDF error ≤ 1e−8); outside that
 * range the empirical CDF of M draws of TW_β from the truncated Hermite model (tracyWidomBeta.ts),
 * whose own KS error is ≈ 0.87/√M.
 */

import { tracyWidomBetaSample } from "../ensembles/tracyWidomBeta.js";
import { createRandomSource } from "../random/philox.js";
import { MIXING_DEFAULTS } from "../spec/defaults.js";
import { tracyWidomCdf } from "../theory/tracyWidom.js";
import { TRACY_WIDOM_BETA_RANGE } from "../theory/tracyWidomGeneral.js";
import { tracyWidom } from "../theory/tracyWidomLaw.js";

export interface TracyWidomReference {
  /**
   * "fredholm" (exact, β ∈ {1, 2, 4}), "computed" (TW_β from the boundary-value problem) or
   * "sample" (empirical CDF of `samples` TW_β draws, β outside TRACY_WIDOM_BETA_RANGE).
   */
  kind: "fredholm" | "computed" | "sample";
  samples: number;
  cdf: (s: number) => number;
}

/** Substream of the reference draws (far from the substreams of the chains and the control). */
const REFERENCE_SUBSTREAM = 2 ** 32 - 1;

/** Whether the mixing study's reference for β is computed (not sampled). */
export function tracyWidomReferenceComputed(beta: number): boolean {
  return (
    beta === 1 ||
    beta === 2 ||
    beta === 4 ||
    (beta >= TRACY_WIDOM_BETA_RANGE[0] && beta <= TRACY_WIDOM_BETA_RANGE[1])
  );
}

/**
 * F_β for β ∈ {1, 2, 4} (Bornemann 2010 Fredholm determinants); TW_β computed for other β in
 * TRACY_WIDOM_BETA_RANGE (Bloemendal–Virág 2013); otherwise the right-continuous
 * empirical CDF of M draws x_i of TW_β, F̂(s) = #{x_i ≤ s}/M (draw i from
 * createRandomSource(seed, i, 2^32 − 1)).
 */
export function tracyWidomReference(
  beta: number,
  seed: number,
  m: number = MIXING_DEFAULTS.referenceSamples,
): TracyWidomReference {
  if (beta === 1 || beta === 2 || beta === 4) {
    return { kind: "fredholm", samples: 0, cdf: (s) => tracyWidomCdf(s, beta) };
  }
  if (tracyWidomReferenceComputed(beta)) {
    const law = tracyWidom(beta);
    return { kind: "computed", samples: 0, cdf: (s) => law.cdf(s) };
  }
  if (!(Number.isInteger(m) && m >= 1)) {
    throw new RangeError(`reference samples must be an integer >= 1, got ${m}`);
  }
  const xs = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    xs[i] = tracyWidomBetaSample(createRandomSource(seed, i, REFERENCE_SUBSTREAM), beta);
  }
  xs.sort();
  return { kind: "sample", samples: m, cdf: (s) => upperBound(xs, s) / m };
}

/** Number of entries ≤ s in the ascending array xs (binary search). */
function upperBound(xs: Float64Array, s: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
