/**
 * Tracy–Widom laws TW_β, β ∈ {1, 2, 4}: CDF, survival function, density and their logarithms,
 * quantile and inverse survival function, sampling and moments, from Bornemann's Nyström
 * evaluation of the Fredholm determinants (tracyWidomFredholm.ts) through a Chebyshev table built
 * at first use (tracyWidomTable.ts), with the asymptotic expansions in both tails.
 *
 * Conventions (docs/conventions.md): for β = 1, 2 the classical F₁, F₂ (both conventions coincide).
 * For β = 4, "beta" (the default) is the β-ensemble / stochastic-Airy law, with CDF
 * F₄^TW(2^{1/6}·s) (mean −2.0552, variance 0.4109); "tw" is Tracy–Widom's 1996 F₄^TW
 * (mean −2.3069, variance 0.5177).
 *
 * Internally everything is a function of t = κ·s (κ = 1, √2 for "tw", 2^{2/3} for "beta" at
 * β = 4) through a = log det(I − B_t) = log F₁, b = log det(I − B_t²) = log F₂, and for β = 4 the
 * law F₄(t) = ½(e^a + e^c), c = log det(I + B_t). Each law is held as log(−log F) and log f, so that
 * F (left tail), 1 − F = −expm1(log F) (right tail) and f all keep their relative accuracy:
 *   t < −10                   the left-tail expansions (tracyWidomAsymptotics.ts: Deift–Its–
 *                             Krasovsky for F₂, Baik–Buckingham–DiFranco for F₁ and F₄),
 *   −10 ≤ t ≤ 17              the table (tracyWidomTable.ts; on [−10, −5] from stored
 *                             high-precision values, elsewhere from the Nyström determinants),
 *   t > 17                    the right-tail expansions (tracyWidomRightTail.ts), finite for every
 *                             finite t (1 − F < 1e−21 there).
 *
 * Accuracy, measured against 25-digit references from Painlevé II (test/theory/fixtures, README
 * accuracy table): CDF and density to ≈ 1e−15 absolute; log F, log(1 − F) and log f to a few
 * 1e−13 absolute (worst 2e−12, at s ≈ −5 and in the right tail of F₄), i.e. F, 1 − F and f to a
 * relative ≤ 2e−12 down to 1e−300 and beyond (docs/tracy-widom/README.md).
 */

import type { RandomSource } from "../random/source.js";
import { detExp, detExpm1, detLog, detLog1p } from "../special/deterministicMath.js";
import { gaussLegendre } from "../special/gaussLegendre.js";
import { airyFredholmLeftTail } from "./tracyWidomAsymptotics.js";
import {
  checkTracyWidomArguments,
  type TracyWidomConvention,
  tracyWidomArgumentScale,
} from "./tracyWidomFredholm.js";
import { airyRightTail } from "./tracyWidomRightTail.js";
import {
  evaluateTabulated,
  TABLE_END,
  TABLE_START,
  tableBreaks,
  tracyWidomTable,
} from "./tracyWidomTable.js";

export type { TracyWidomConvention } from "./tracyWidomFredholm.js";
export { tracyWidomCdfFredholm, tracyWidomPdfFredholm } from "./tracyWidomFredholm.js";

type Beta = 1 | 2 | 4;

// ---------------------------------------------------------------------------------------------
// The laws in the variable t.

/** Below TABLE_START (t = −10) the left-tail expansions are used (relative error < 1e−13 there). */
/** Below this t every law is below exp(−1e299): log F = −∞ without evaluating anything. */
const FAR_LEFT = -1e100;

/** Table functions: log(−log F) and log f for each β. */
const LOG_MINUS_LOG_CDF: Record<Beta, number> = { 1: 0, 2: 2, 4: 4 };
const LOG_PDF_PART: Record<Beta, number> = { 1: 1, 2: 3, 4: 5 };

function leftEnd(_beta: Beta): number {
  return TABLE_START;
}

/** log(−log F(t)) in the table and right-tail ranges (t ≥ left end), NaN-free. */
function logMinusLogCdfT(beta: Beta, t: number): number {
  if (t <= TABLE_END) return evaluateTabulated(tracyWidomTable(), LOG_MINUS_LOG_CDF[beta], t);
  const r = airyRightTail(t);
  if (beta === 1) return r.logMinusA;
  if (beta === 2) return r.logMinusB;
  // −log F₄ = −log1p(−(1 − F₄)) ≈ 1 − F₄ to double precision here (1 − F₄ < 1e−40).
  return r.logSf4;
}

/** Left-tail log F and log f (t < left end), from the expansions of det(I ∓ B_t). */
function leftTail(beta: Beta, t: number): { logCdf: number; logPdf: number } {
  if (t < FAR_LEFT) return { logCdf: Number.NEGATIVE_INFINITY, logPdf: Number.NEGATIVE_INFINITY };
  const v = airyFredholmLeftTail(t);
  if (beta === 1) return { logCdf: v.logDetMinus, logPdf: v.logDetMinus + detLog(v.dLogDetMinus) };
  if (beta === 2) {
    return { logCdf: v.logDetSquare, logPdf: v.logDetSquare + detLog(v.dLogDetSquare) };
  }
  // F₄ = ½(e^a + e^c) = ½e^c(1 + e^{a−c}), f₄ = ½e^c(c′ + e^{a−c}a′) (c′ > 0 here).
  const ratio = detExp(v.logDetMinus - v.logDetPlus);
  return {
    logCdf: v.logDetPlus - Math.LN2 + detLog1p(ratio),
    logPdf: v.logDetPlus - Math.LN2 + detLog(v.dLogDetPlus + ratio * v.dLogDetMinus),
  };
}

/** log F(t). */
function logCdfT(beta: Beta, t: number): number {
  if (t === Number.POSITIVE_INFINITY) return 0;
  if (t < leftEnd(beta)) return leftTail(beta, t).logCdf;
  return -detExp(logMinusLogCdfT(beta, t));
}

/** log(1 − F(t)) = log(−expm1(log F)), written so that it neither underflows nor cancels. */
function logSfT(beta: Beta, t: number): number {
  if (t === Number.NEGATIVE_INFINITY) return 0;
  if (t < leftEnd(beta)) return detLog1p(-detExp(leftTail(beta, t).logCdf));
  if (t > TABLE_END && beta === 4) return airyRightTail(t).logSf4;
  const l = logMinusLogCdfT(beta, t); // log y, y = −log F
  const y = detExp(l);
  // log(1 − e^{−y}) = log y + log((1 − e^{−y})/y) = log y − y/2 + O(y²).
  return y < 1e-8 ? l - 0.5 * y : detLog(-detExpm1(-y));
}

/** log f(t), f the density in t. */
function logPdfT(beta: Beta, t: number): number {
  if (!Number.isFinite(t)) return Number.NEGATIVE_INFINITY;
  if (t < leftEnd(beta)) return leftTail(beta, t).logPdf;
  if (t <= TABLE_END) {
    const table = tracyWidomTable();
    const part = evaluateTabulated(table, LOG_PDF_PART[beta], t);
    return beta === 4 ? part : part - detExp(evaluateTabulated(table, LOG_MINUS_LOG_CDF[beta], t));
  }
  const r = airyRightTail(t);
  if (beta === 1) return r.logDA - detExp(r.logMinusA);
  if (beta === 2) return r.logDB - detExp(r.logMinusB);
  return r.logPdf4;
}

function cdfT(beta: Beta, t: number): number {
  return detExp(logCdfT(beta, t));
}

function sfT(beta: Beta, t: number): number {
  return detExp(logSfT(beta, t));
}

function pdfT(beta: Beta, t: number): number {
  return detExp(logPdfT(beta, t));
}

// ---------------------------------------------------------------------------------------------
// Public API (scalar functions of s; tracyWidomLaw.ts builds the distribution object).

/** t = κ·s (κ·s may overflow to ±∞ for |s| near the largest double: the limits are right). */
function argumentT(s: number, beta: Beta, convention: TracyWidomConvention): number {
  return tracyWidomArgumentScale(beta, convention) * s;
}

/**
 * The Tracy–Widom CDF F_β(s) (Tracy–Widom 1994, 1996; Bornemann 2010): F₁(s) = det(I − B_s),
 * F₂(s) = det(I − K_Ai)_{L²(s,∞)}, and for β = 4 F₄^TW(2^{1/6}s) ("beta", default) or F₄^TW(s)
 * ("tw"). About 0.1 µs per call after a one-off table build; finite and nondecreasing for every
 * input, NaN for NaN.
 *
 * @example
 * import { tracyWidomCdf } from "betaens/tracy-widom";
 * const f2 = tracyWidomCdf(-2, 2); // 0.413224…
 * const f4 = tracyWidomCdf(-2, 4, "tw"); // Tracy–Widom's 1996 F₄; the default "beta" is F₄(2^(1/6)s)
 */
export function tracyWidomCdf(
  s: number,
  beta: Beta,
  convention: TracyWidomConvention = "beta",
): number {
  checkTracyWidomArguments(beta, convention);
  if (Number.isNaN(s)) return Number.NaN;
  return cdfT(beta, argumentT(s, beta, convention));
}

/** log F_β(s), accurate (absolutely, i.e. F relatively) in the far left tail; NaN for NaN. */
export function tracyWidomLogCdf(
  s: number,
  beta: Beta,
  convention: TracyWidomConvention = "beta",
): number {
  checkTracyWidomArguments(beta, convention);
  if (Number.isNaN(s)) return Number.NaN;
  return logCdfT(beta, argumentT(s, beta, convention));
}

/**
 * The survival function 1 − F_β(s), accurate relative to its own size in the right tail for every
 * β (β = 4 without the first-order cancellation of det(I − B) against det(I + B)).
 */
export function tracyWidomSf(
  s: number,
  beta: Beta,
  convention: TracyWidomConvention = "beta",
): number {
  checkTracyWidomArguments(beta, convention);
  if (Number.isNaN(s)) return Number.NaN;
  return sfT(beta, argumentT(s, beta, convention));
}

/** log(1 − F_β(s)), finite for every finite s until 1 − F underflows the exponent range of a double's log. */
export function tracyWidomLogSf(
  s: number,
  beta: Beta,
  convention: TracyWidomConvention = "beta",
): number {
  checkTracyWidomArguments(beta, convention);
  if (Number.isNaN(s)) return Number.NaN;
  return logSfT(beta, argumentT(s, beta, convention));
}

/**
 * The Tracy–Widom density f_β(s) = F_β′(s), from Jacobi's formula
 * d/ds log det(I − K_s) = −tr((I − K_s)⁻¹ ∂_s K_s) applied to the Nyström matrices
 * (tabulated; not finite differences), and from the expansions in the tails.
 */
export function tracyWidomPdf(
  s: number,
  beta: Beta,
  convention: TracyWidomConvention = "beta",
): number {
  checkTracyWidomArguments(beta, convention);
  if (Number.isNaN(s)) return Number.NaN;
  const kappa = tracyWidomArgumentScale(beta, convention);
  return kappa * pdfT(beta, kappa * s);
}

/** log f_β(s). */
export function tracyWidomLogPdf(
  s: number,
  beta: Beta,
  convention: TracyWidomConvention = "beta",
): number {
  checkTracyWidomArguments(beta, convention);
  if (Number.isNaN(s)) return Number.NaN;
  const kappa = tracyWidomArgumentScale(beta, convention);
  return detLog(kappa) + logPdfT(beta, kappa * s);
}

/**
 * The quantile F_β⁻¹(p): safeguarded Newton's method on log F (p ≤ ½) or on log(1 − F) (p > ½,
 * through 1 − p, which is exact there). Accurate for p down to the smallest double. Returns −∞
 * for p = 0 and +∞ for p = 1; throws a RangeError for p outside [0, 1] (the distribution object
 * tracyWidom(β) returns NaN instead).
 *
 * @example
 * import { tracyWidomQuantile } from "betaens/tracy-widom";
 * const q95 = tracyWidomQuantile(0.95, 1); // the 95% point of TW₁
 */
export function tracyWidomQuantile(
  p: number,
  beta: Beta,
  convention: TracyWidomConvention = "beta",
): number {
  checkTracyWidomArguments(beta, convention);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  return quantileT(beta, p) / tracyWidomArgumentScale(beta, convention);
}

/**
 * The inverse survival function: the s with 1 − F_β(s) = q, accurate for q down to the smallest
 * double (e.g. q = 1e−300). +∞ for q = 0, −∞ for q = 1; RangeError outside [0, 1].
 */
export function tracyWidomIsf(
  q: number,
  beta: Beta,
  convention: TracyWidomConvention = "beta",
): number {
  checkTracyWidomArguments(beta, convention);
  if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be in [0, 1], got ${q}`);
  if (q === 0) return Number.POSITIVE_INFINITY;
  if (q === 1) return Number.NEGATIVE_INFINITY;
  return isfT(beta, q) / tracyWidomArgumentScale(beta, convention);
}

/**
 * One draw from TW_β by inversion: F_β⁻¹(U), U = rng.uniform() ∈ (0, 1).
 *
 * @example
 * import { createRandomSource } from "betaens";
 * import { tracyWidomSample } from "betaens/tracy-widom";
 * const s = tracyWidomSample(createRandomSource(1, 0), 2); // one TW₂ draw by inversion
 */
export function tracyWidomSample(
  rng: RandomSource,
  beta: Beta,
  convention: TracyWidomConvention = "beta",
): number {
  checkTracyWidomArguments(beta, convention);
  return quantileT(beta, rng.uniform()) / tracyWidomArgumentScale(beta, convention);
}

export interface TracyWidomMoments {
  mean: number;
  variance: number;
  skewness: number;
  /** Excess kurtosis E[(S − μ)⁴]/σ⁴ − 3. */
  excessKurtosis: number;
}

/**
 * Mean, variance, skewness and excess kurtosis of TW_β, by Gauss–Legendre quadrature of
 * s^k·f_β(s) over t ∈ [−14, 17] (the mass outside is below 1e−40); computed once per β.
 * Reference values: docs/conventions.md (mean, variance to 13 digits).
 */
export function tracyWidomMoments(
  beta: Beta,
  convention: TracyWidomConvention = "beta",
): TracyWidomMoments {
  checkTracyWidomArguments(beta, convention);
  let m = momentCache.get(beta);
  if (m === undefined) {
    m = momentsT(beta);
    momentCache.set(beta, m);
  }
  const kappa = tracyWidomArgumentScale(beta, convention);
  return {
    mean: m.mean / kappa,
    variance: m.variance / (kappa * kappa),
    skewness: m.skewness,
    excessKurtosis: m.excessKurtosis,
  };
}

// ---------------------------------------------------------------------------------------------
// Quantile and moments of T.

/**
 * The t with log F(t) = target (lower = true) or log(1 − F(t)) = target (lower = false), by
 * Newton's method on that logarithm (its slope f/F resp. −f/(1 − F) comes from the same tables),
 * safeguarded by bisection inside a bracket found by stepping outwards from the table's pieces.
 */
function solveT(beta: Beta, target: number, lower: boolean): number {
  const value = lower ? (t: number) => logCdfT(beta, t) : (t: number) => logSfT(beta, t);
  // g(t) = value(t) − target is increasing (lower) or decreasing (upper); below(t): t left of root.
  const below = (t: number) => (lower ? value(t) < target : value(t) > target);
  const breaks = tableBreaks();
  let lo: number;
  let hi: number;
  if (!below(breaks[0])) {
    hi = breaks[0];
    lo = hi - 2;
    while (!below(lo)) {
      hi = lo;
      lo *= 2;
    }
  } else if (below(breaks[breaks.length - 1])) {
    lo = breaks[breaks.length - 1];
    hi = lo + 8;
    while (below(hi)) {
      lo = hi;
      hi *= 2;
    }
  } else {
    let k = 0;
    let k1 = breaks.length - 1;
    while (k1 - k > 1) {
      const middle = (k + k1) >> 1;
      if (below(breaks[middle])) k = middle;
      else k1 = middle;
    }
    lo = breaks[k];
    hi = breaks[k1];
  }
  let t = 0.5 * (lo + hi);
  for (let iteration = 0; iteration < 200; iteration++) {
    const v = value(t);
    const g = v - target;
    if (g === 0) return t;
    if (lower ? g < 0 : g > 0) lo = t;
    else hi = t;
    // d/dt log F = f/F, d/dt log(1 − F) = −f/(1 − F), both as exp of differences of logs.
    const slope = lower ? detExp(logPdfT(beta, t) - v) : -detExp(logPdfT(beta, t) - v);
    let next = t - g / slope;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    const scale = 4e-16 * Math.max(1, Math.abs(t));
    if (Math.abs(next - t) <= scale || hi - lo <= scale) return next;
    t = next;
  }
  return t;
}

function quantileT(beta: Beta, p: number): number {
  return p > 0.5 ? solveT(beta, detLog(1 - p), false) : solveT(beta, detLog(p), true);
}

function isfT(beta: Beta, q: number): number {
  return q > 0.5 ? solveT(beta, detLog(1 - q), true) : solveT(beta, detLog(q), false);
}

const momentCache = new Map<Beta, TracyWidomMoments>();

function momentsT(beta: Beta): TracyWidomMoments {
  const { nodes, weights } = gaussLegendre(24);
  const lower = -14;
  const upper = 17;
  const raw = [0, 0];
  const samples: number[] = [];
  const masses: number[] = [];
  for (let lo = lower; lo < upper; lo += 1) {
    for (let i = 0; i < nodes.length; i++) {
      const t = lo + 0.5 * (nodes[i] + 1);
      const w = 0.5 * weights[i] * pdfT(beta, t);
      samples.push(t);
      masses.push(w);
      raw[0] += w;
      raw[1] += w * t;
    }
  }
  const mean = raw[1] / raw[0];
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < samples.length; i++) {
    const d = samples[i] - mean;
    const d2 = d * d;
    m2 += masses[i] * d2;
    m3 += masses[i] * d2 * d;
    m4 += masses[i] * d2 * d2;
  }
  m2 /= raw[0];
  m3 /= raw[0];
  m4 /= raw[0];
  return {
    mean,
    variance: m2,
    skewness: m3 / m2 ** 1.5,
    excessKurtosis: m4 / (m2 * m2) - 3,
  };
}
