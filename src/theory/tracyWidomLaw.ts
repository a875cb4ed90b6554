/**
 * `tracyWidom(β, {convention})`: the Tracy–Widom law TW_β as a distribution object (the
 * ContinuousLaw shape of distribution.ts: pdf, logpdf, cdf, logcdf, sf, logsf, quantile, isf,
 * mean, variance, sample, vectorised over Float64Array, NaN for invalid input).
 *
 * β ∈ {1, 2, 4}: the Fredholm-determinant laws of tracyWidom.ts (relative accuracy ≈ 1e−12 in both
 * tails, any argument). Any other β > 0: the law computed from the Bloemendal–Virág boundary-value
 * problem (tracyWidomGeneral.ts), whose set-up (≈ 0.3–1 s) runs once per β and is cached; its
 * accuracy is stated there. Convention "tw" (Tracy–Widom's 1996 F₄) exists for β = 4 only; "beta"
 * (default) is the β-ensemble law of docs/conventions.md for every β.
 *
 * @example
 * ```ts
 * const tw2 = tracyWidom(2);
 * tw2.cdf(-2);                       // 0.41322…
 * tw2.logsf(10);                     // log(1 − F₂(10)) = −49.579…, relative accuracy ~1e−12
 * tw2.quantile(new Float64Array([1e-100, 0.5]));
 * tracyWidom(4, { convention: "tw" }).mean;   // −2.3069
 * tracyWidom(3.3).cdf(-2);           // TW_3.3, computed (not sampled)
 * ```
 */

import type { ContinuousLaw } from "./distribution.js";
import { continuousLaw } from "./distribution.js";
import {
  type TracyWidomConvention,
  tracyWidomCdf,
  tracyWidomIsf,
  tracyWidomLogCdf,
  tracyWidomLogPdf,
  tracyWidomLogSf,
  tracyWidomMoments,
  tracyWidomPdf,
  tracyWidomQuantile,
  tracyWidomSample,
  tracyWidomSf,
} from "./tracyWidom.js";
import { TRACY_WIDOM_BETA_RANGE, tracyWidomBetaLaw } from "./tracyWidomGeneral.js";

export interface TracyWidomOptions {
  /** "beta" (default): the β-ensemble law; "tw": Tracy–Widom's 1996 F₄ (β = 4 only). */
  convention?: TracyWidomConvention;
}

const cache = new Map<string, ContinuousLaw>();

/**
 * The Tracy–Widom law TW_β as a ContinuousLaw (see the module comment). Throws a RangeError for an
 * invalid β (not a finite number > 0) or convention; evaluation itself never throws (NaN instead).
 * Objects are cached per (β, convention): the set-up of a general β runs once.
 */
export function tracyWidom(beta: number, options: TracyWidomOptions = {}): ContinuousLaw {
  const convention = options.convention ?? "beta";
  if (!(typeof beta === "number" && beta > 0 && Number.isFinite(beta))) {
    throw new RangeError(`tracyWidom: beta must be a finite number > 0, got ${beta}`);
  }
  if (convention !== "beta" && convention !== "tw") {
    throw new RangeError(
      `tracyWidom: convention must be "beta" or "tw", got ${JSON.stringify(convention)}`,
    );
  }
  const classical = beta === 1 || beta === 2 || beta === 4;
  if (convention === "tw" && !classical) {
    throw new RangeError(`tracyWidom: convention "tw" is defined for beta = 4 (and 1, 2) only`);
  }
  const key = `${beta}|${classical ? convention : "beta"}`;
  let law = cache.get(key);
  if (law === undefined) {
    law = classical ? classicalLaw(beta, convention) : generalLaw(beta);
    cache.set(key, law);
  }
  return law;
}

function classicalLaw(beta: 1 | 2 | 4, convention: TracyWidomConvention): ContinuousLaw {
  const moments = tracyWidomMoments(beta, convention);
  const probability = (p: number) => p >= 0 && p <= 1;
  return continuousLaw({
    name: beta === 4 && convention === "tw" ? "TW₄ (Tracy–Widom 1996 convention)" : `TW_${beta}`,
    support: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    pdf: (x) => tracyWidomPdf(x, beta, convention),
    logpdf: (x) => tracyWidomLogPdf(x, beta, convention),
    cdf: (x) => tracyWidomCdf(x, beta, convention),
    logcdf: (x) => tracyWidomLogCdf(x, beta, convention),
    sf: (x) => tracyWidomSf(x, beta, convention),
    logsf: (x) => tracyWidomLogSf(x, beta, convention),
    quantile: (p) => (probability(p) ? tracyWidomQuantile(p, beta, convention) : Number.NaN),
    isf: (q) => (probability(q) ? tracyWidomIsf(q, beta, convention) : Number.NaN),
    mean: moments.mean,
    variance: moments.variance,
    sample: (rng) => tracyWidomSample(rng, beta, convention),
  });
}

function generalLaw(beta: number): ContinuousLaw {
  const law = tracyWidomBetaLaw(beta);
  return continuousLaw({
    name: `TW_${beta}`,
    support: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    pdf: law.pdf,
    logpdf: law.logpdf,
    cdf: law.cdf,
    logcdf: law.logcdf,
    sf: law.sf,
    logsf: law.logsf,
    quantile: law.quantile,
    isf: law.isf,
    mean: law.mean,
    variance: law.variance,
  });
}

/**
 * The density of TW_β (β-ensemble convention) for overlays on λ_max histograms: any β in the
 * computed range (the first call for a non-classical β runs its set-up, ≈ 0.2–1 s), else undefined.
 */
export function tracyWidomDensity(beta: number): ((x: number) => number) | undefined {
  const classical = beta === 1 || beta === 2 || beta === 4;
  const [lo, hi] = TRACY_WIDOM_BETA_RANGE;
  if (!classical && !(beta >= lo && beta <= hi)) return undefined;
  const law = tracyWidom(beta);
  return (x: number) => law.pdf(x);
}
