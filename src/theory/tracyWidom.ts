/**
 * Tracy–Widom laws TW_β, β ∈ {1, 2, 4}: CDF, survival function, density, quantile, sampling and
 * moments, from Bornemann's Nyström evaluation of the Fredholm determinants (see
 * tracyWidomFredholm.ts) through a Chebyshev table built at first use (tracyWidomTable.ts).
 *
 * Conventions (docs/conventions.md): for β = 1, 2 the classical F₁, F₂ (both conventions coincide).
 * For β = 4, "beta" (the default) is the β-ensemble / stochastic-Airy law, with CDF
 * F₄^TW(2^{1/6}·s) (mean −2.0552, variance 0.4109); "tw" is Tracy–Widom's 1996 F₄^TW
 * (mean −2.3069, variance 0.5177).
 *
 * Internally everything is a function of t = κ·s (κ = 1, √2 for "tw", 2^{2/3} for "beta" at
 * β = 4) through a = log det(I − B_t), b = log det(I − B_t²), D₊ = det(I + B_t):
 *   F₁ = e^a,  F₂ = e^b,  F₄ = ½(e^a + D₊).
 * Regions: t < −7 the left-tail expansions (tracyWidomAsymptotics.ts), −7 ≤ t ≤ 17 the table,
 * 17 < t ≤ 200 the Nyström determinants directly (1 − F < 1e−21 there); beyond t < −40 and
 * t > 200 the laws are exactly 0 and 1 in double precision.
 *
 * Accuracy (measured in the tests): CDF and density to about 1e−15 absolute everywhere; relative
 * accuracy about 1e−9 in the left tail; for β = 1, 2 also in the right tail (survival function and
 * density keep ~14 digits however small); for β = 4 the right tail is accurate in absolute terms
 * only (its first-order terms cancel between det(I − B) and det(I + B)).
 */

import type { RandomSource } from "../random/source.js";
import { detExp, detExpm1, detLog, detLog1p } from "../special/deterministicMath.js";
import { gaussLegendre } from "../special/gaussLegendre.js";
import { airyFredholmLeftTail } from "./tracyWidomAsymptotics.js";
import {
  airyFredholmDeterminants,
  checkTracyWidomArguments,
  type TracyWidomConvention,
  tracyWidomArgumentScale,
} from "./tracyWidomFredholm.js";
import { evaluateTabulated, TABLE_END, tableBreaks, tracyWidomTable } from "./tracyWidomTable.js";

export type { TracyWidomConvention } from "./tracyWidomFredholm.js";
export { tracyWidomCdfFredholm, tracyWidomPdfFredholm } from "./tracyWidomFredholm.js";

type Beta = 1 | 2 | 4;

// ---------------------------------------------------------------------------------------------
// The laws in the variable t.

/** Where the table is used for a, b (F₁, F₂) and for c, D₊′ (F₄); see tracyWidomTable.ts. */
const TABLE_A_START = -7;
const TABLE_C_START = -7.5;

/** The determinants outside the table: left-tail expansions or direct Nyström evaluation. */
function outside(t: number) {
  return t < 0 ? airyFredholmLeftTail(t) : airyFredholmDeterminants(t);
}

function inTable(t: number, start: number): boolean {
  return t >= start && t <= TABLE_END;
}

/** a = log F₁(t). */
function logF1(t: number): number {
  if (inTable(t, TABLE_A_START)) return -detExp(evaluateTabulated(tracyWidomTable(), 0, t));
  return outside(t).logDetMinus;
}

/** b = log F₂(t). */
function logF2(t: number): number {
  if (inTable(t, TABLE_A_START)) return -detExp(evaluateTabulated(tracyWidomTable(), 2, t));
  return outside(t).logDetSquare;
}

/** c = log det(I + B_t). */
function logDetPlus(t: number): number {
  if (inTable(t, TABLE_C_START)) return evaluateTabulated(tracyWidomTable(), 4, t);
  return outside(t).logDetPlus;
}

/**
 * Beyond these t every law is 0 or 1 in double precision, and the expansions and the Nyström
 * determinants would overflow (−x³/12 at x = 1e103, Ai at t = 1e200): F_β(t) < e^{−x³/24} =
 * e^{−2666} for t = −x < −40, and 1 − F_β(t) < e^{−(2/3)t^{3/2}} = e^{−1885} for t > 200
 * (the tail asymptotics of Tracy–Widom 1994, 1996; docs/theory.md §3.10).
 */
const T_ZERO = -40;
const T_ONE = 200;

/** CDF of the law of T = κ·S (the same for both β = 4 conventions). */
function cdfT(beta: Beta, t: number): number {
  if (t < T_ZERO) return 0;
  if (t > T_ONE) return 1;
  if (beta === 1) return detExp(logF1(t));
  if (beta === 2) return detExp(logF2(t));
  // F₄ = ½(e^a + e^c); near 1 as 1 − ½(−expm1(a) − expm1(c)), which rounds monotonically.
  if (t > 0) return 1 - sfT(beta, t);
  return 0.5 * (detExp(logF1(t)) + detExp(logDetPlus(t)));
}

/** 1 − CDF of T, accurate relative to its size for β = 1, 2 (−expm1 of the log-CDF; never −0). */
function sfT(beta: Beta, t: number): number {
  if (t < T_ZERO) return 1;
  if (t > T_ONE) return 0;
  if (beta === 1) return 0 - detExpm1(logF1(t));
  if (beta === 2) return 0 - detExpm1(logF2(t));
  if (t > 0) return Math.max(0, -0.5 * (detExpm1(logF1(t)) + detExpm1(logDetPlus(t))));
  return 1 - cdfT(beta, t);
}

/** Density of T. */
function pdfT(beta: Beta, t: number): number {
  if (!(t >= T_ZERO && t <= T_ONE)) return 0;
  const table = tracyWidomTable();
  if (beta === 2) {
    if (inTable(t, TABLE_A_START)) {
      return detExp(-detExp(evaluateTabulated(table, 2, t)) + evaluateTabulated(table, 3, t));
    }
    const v = outside(t);
    return nonNegative(detExp(v.logDetSquare) * v.dLogDetSquare);
  }
  let density1: number;
  if (inTable(t, TABLE_A_START)) {
    density1 = detExp(-detExp(evaluateTabulated(table, 0, t)) + evaluateTabulated(table, 1, t));
  } else {
    const v = outside(t);
    density1 = detExp(v.logDetMinus) * v.dLogDetMinus;
  }
  if (beta === 1) return nonNegative(density1);
  let densityPlus: number;
  if (inTable(t, TABLE_C_START)) {
    densityPlus = evaluateTabulated(table, 5, t);
  } else {
    const v = outside(t);
    densityPlus = detExp(v.logDetPlus) * v.dLogDetPlus;
  }
  return nonNegative(0.5 * (density1 + densityPlus));
}

function nonNegative(v: number): number {
  return Number.isFinite(v) ? Math.max(0, v) : 0;
}

// ---------------------------------------------------------------------------------------------
// Public API.

/**
 * The Tracy–Widom CDF F_β(s) (Tracy–Widom 1994, 1996; Bornemann 2010): F₁(s) = det(I − B_s),
 * F₂(s) = det(I − K_Ai)_{L²(s,∞)}, and for β = 4 F₄^TW(2^{1/6}s) ("beta", default) or F₄^TW(s)
 * ("tw"). About 0.1 µs per call after a one-off table build.
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
  return cdfT(beta, tracyWidomArgumentScale(beta, convention) * s);
}

/**
 * The survival function 1 − F_β(s); for β = 1, 2 accurate relative to its own size far into the
 * right tail (1 − F₁ = −expm1(log det(I − B_s))), for β = 4 to about 1e−16 absolute.
 */
export function tracyWidomSf(
  s: number,
  beta: Beta,
  convention: TracyWidomConvention = "beta",
): number {
  checkTracyWidomArguments(beta, convention);
  if (Number.isNaN(s)) return Number.NaN;
  return sfT(beta, tracyWidomArgumentScale(beta, convention) * s);
}

/**
 * The Tracy–Widom density f_β(s) = F_β′(s), from Jacobi's formula
 * d/ds log det(I − K_s) = −tr((I − K_s)⁻¹ ∂_s K_s) applied to the Nyström matrices
 * (tabulated; not finite differences).
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

/**
 * The quantile F_β⁻¹(p): safeguarded Newton's method on log F (p ≤ ½) or on log(1 − F) (p > ½),
 * bracketed by the table's piece boundaries. Returns −∞ for p = 0 and +∞ for p = 1.
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

function quantileT(beta: Beta, p: number): number {
  // Bracket [lo, hi] with F(lo) ≤ p ≤ F(hi): binary search over the table's piece boundaries,
  // extended outwards when p lies beyond them.
  const breaks = tableBreaks();
  let lo: number;
  let hi: number;
  if (cdfT(beta, breaks[0]) > p) {
    hi = breaks[0];
    lo = hi - 2;
    while (cdfT(beta, lo) > p) {
      hi = lo;
      lo *= 2;
    }
  } else if (cdfT(beta, breaks[breaks.length - 1]) < p) {
    // Only possible for β = 4 (for β = 1, 2, 1 − F(17) < 1e−21 < 1 − p for any double p < 1).
    lo = breaks[breaks.length - 1];
    hi = lo + 2;
    while (cdfT(beta, hi) < p) {
      lo = hi;
      hi *= 2;
    }
  } else {
    let k = 0;
    let k1 = breaks.length - 1;
    while (k1 - k > 1) {
      const middle = (k + k1) >> 1;
      if (cdfT(beta, breaks[middle]) > p) k1 = middle;
      else k = middle;
    }
    lo = breaks[k];
    hi = breaks[k1];
  }
  const upper = p > 0.5 && beta !== 4;
  const target = upper ? detLog1p(-p) : detLog(p);
  let t = 0.5 * (lo + hi);
  for (let iteration = 0; iteration < 100; iteration++) {
    // g(t) = log F(t) − log p (increasing) or log(1 − F(t)) − log(1 − p) (decreasing).
    const value = upper ? detLog(sfT(beta, t)) : detLog(cdfT(beta, t));
    const density = pdfT(beta, t);
    const g = value - target;
    const slope = upper ? -density / sfT(beta, t) : density / cdfT(beta, t);
    if (g === 0) return t;
    if (upper ? g > 0 : g < 0) lo = t;
    else hi = t;
    let next = t - g / slope;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = 0.5 * (lo + hi);
    if (
      Math.abs(next - t) <= 4e-16 * Math.max(1, Math.abs(t)) ||
      hi - lo <= 4e-16 * Math.max(1, Math.abs(t))
    ) {
      return next;
    }
    t = next;
  }
  return t;
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
