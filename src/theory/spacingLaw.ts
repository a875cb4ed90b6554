/**
 * Gaudin's law: the distribution of the spacing between consecutive points of the sine_β process
 * (unit density, the N = ∞ bulk limit of every β-ensemble) for β = 1, 2, 4 — the exact law that
 * the Wigner surmise approximates.
 *
 * With E_β(0; s) the probability of no point in an interval of length s, the spacing S has
 *   P(S > s) = −E_β′(0; s),  density p_β(s) = E_β″(0; s),  E[S] = 1,  E[S²] = 2∫₀^∞ E_β(0; s) ds
 * (Mehta, Random Matrices, 3rd ed., §6.1.2). E_β(0; s) comes from the even/odd sine-kernel
 * determinants (sineKernel.ts): E₁ = D_{−½}(t²), E₂ = D_{−½}D_{½} at t = πs/2, E₄ = ½(D_{−½} + D_{½})
 * at t = πs. Three regimes, each accurate relative to the value it returns:
 *   s small:   the Taylor series of E_β(0; s) (sineSeriesCoefficients.ts), summed without the
 *              cancellation 1 + E′ that would lose the leading p_β(s) ~ c_β s^β behaviour;
 *   middle:    the Chebyshev table of the Nyström determinants;
 *   s large:   the Painlevé/Dyson large-s expansion (besselAsymptotics.ts), in log form, so that
 *              sf, pdf and their logarithms keep relative accuracy far below the smallest double.
 * The tests measure the accuracy against 30-digit mpmath references and published values.
 *
 * @example
 * ```ts
 * const p2 = spacingLaw(2);
 * p2.pdf(1);       // 0.9029037895814…  (the GUE spacing density at s = 1)
 * p2.variance;     // 0.17999387769…
 * p2.quantile(0.5);
 * ```
 */

import { detExp, detLog, detLog1p } from "../special/deterministicMath.js";
import { gaussLegendre } from "../special/gaussLegendre.js";
import { type ContinuousLaw, continuousLaw } from "./distribution.js";
import { type SineOrder, sineLogDeterminant } from "./sineKernel.js";
import { GAP1_SERIES, GAP2_SERIES, GAP4_SERIES } from "./sineSeriesCoefficients.js";

export type ClassicalBeta = 1 | 2 | 4;

/** Below this s the Taylor series is used (β = 1, 2; half of it for β = 4, whose t is πs). */
const SERIES_END = 0.5;

/** Throws a RangeError unless β ∈ {1, 2, 4}. */
export function checkClassicalBeta(beta: number, what: string): asserts beta is ClassicalBeta {
  if (beta !== 1 && beta !== 2 && beta !== 4) {
    throw new RangeError(`${what}: beta must be 1, 2 or 4, got ${beta}`);
  }
}

/**
 * The Taylor coefficients e_n of E_β(0; s) = Σ e_n s^n, n ≤ SERIES_ORDER. E_β(0; s) = 1 − s +
 * O(s^{β+2}) (p_β(s) ~ c_β s^β), so e_2 … e_{β+1} are exactly 0; they are set so (the generated
 * coefficients carry rounding residues there that would dominate the CDF at tiny s).
 */
export function gapSeries(beta: ClassicalBeta): Float64Array {
  const e = gapSeriesRaw(beta);
  for (let k = 2; k <= beta + 1; k++) e[k] = 0;
  return e;
}

function gapSeriesRaw(beta: ClassicalBeta): Float64Array {
  return (beta === 1 ? GAP1_SERIES : beta === 2 ? GAP2_SERIES : GAP4_SERIES).slice();
}

/** log E, log(−E′), log E″ of E_β(0; s) and E′ (for the CDF) at s, from the determinants. */
interface GapValues {
  logE: number;
  logMinusDerivative: number;
  logSecondDerivative: number;
}

const EVEN = new Float64Array(3);
const ODD = new Float64Array(3);

function logSumExp(a: number, b: number): number {
  return a > b ? a + detLog1p(detExp(b - a)) : b + detLog1p(detExp(a - b));
}

/** The three logarithms of GapValues at s > 0 (table/asymptotic regimes). */
function gapValues(beta: ClassicalBeta, s: number, out: GapValues): void {
  if (beta === 4) {
    const t = Math.PI * s;
    sineLogDeterminant(-0.5 as SineOrder, t, EVEN);
    sineLogDeterminant(0.5 as SineOrder, t, ODD);
    // E = ½(e^{ℓ₋} + e^{ℓ₊}), E′ = ½π(e^{ℓ₋}ℓ₋′ + e^{ℓ₊}ℓ₊′), E″ = ½π²(e^{ℓ₋}(ℓ₋″ + ℓ₋′²) + …).
    // ℓ′ < 0 for both parts (gap probabilities decrease), but the odd part's ℓ″ + ℓ′² is negative
    // at small t: the second derivative is combined on a common scale e^{max ℓ}.
    const top = Math.max(EVEN[0], ODD[0]);
    const we = detExp(EVEN[0] - top);
    const wo = detExp(ODD[0] - top);
    const half = -Math.LN2;
    out.logE = half + logSumExp(EVEN[0], ODD[0]);
    out.logMinusDerivative =
      half + detLog(Math.PI) + logSumExp(EVEN[0] + detLog(-EVEN[1]), ODD[0] + detLog(-ODD[1]));
    out.logSecondDerivative =
      half +
      2 * detLog(Math.PI) +
      top +
      detLog(we * (EVEN[2] + EVEN[1] * EVEN[1]) + wo * (ODD[2] + ODD[1] * ODD[1]));
    return;
  }
  const t = (Math.PI * s) / 2;
  sineLogDeterminant(-0.5, t, EVEN);
  let l0 = EVEN[0];
  let l1 = EVEN[1];
  let l2 = EVEN[2];
  if (beta === 2) {
    sineLogDeterminant(0.5, t, ODD);
    l0 += ODD[0];
    l1 += ODD[1];
    l2 += ODD[2];
  }
  const c = Math.PI / 2;
  out.logE = l0;
  out.logMinusDerivative = l0 + detLog(-l1 * c);
  out.logSecondDerivative = l0 + detLog((l2 + l1 * l1) * c * c);
}

/**
 * From the Taylor coefficients e_n of E_β(0; s): derivative 1 gives the CDF 1 + E′(s) =
 * Σ_{n≥2} n e_n s^{n−1} (the terms 1 + e₁ = 0 cancel exactly, e₁ = −1), derivative 2 the density
 * E″(s) = Σ_{n≥2} n(n−1) e_n s^{n−2}; Horner's rule from the highest term.
 */
function seriesSum(e: Float64Array, s: number, derivative: 1 | 2): number {
  let sum = 0;
  for (let n = e.length - 1; n >= 2; n--)
    sum = sum * s + (derivative === 1 ? n : n * (n - 1)) * e[n];
  return derivative === 1 ? sum * s : sum;
}

const laws = new Map<ClassicalBeta, ContinuousLaw>();

/**
 * The spacing law of sine_β (unit mean spacing), β ∈ {1, 2, 4}, as a ContinuousLaw on [0, ∞):
 * pdf p_β, cdf, sf = −E′, their logarithms, quantile (by bisection on the CDF), mean 1 and the
 * variance 2∫E_β(0; s)ds − 1. Built once per β (the first call builds the determinant tables,
 * a few tenths of a second); later calls return the same object.
 */
export function spacingLaw(beta: ClassicalBeta): ContinuousLaw {
  checkClassicalBeta(beta, "spacingLaw");
  let law = laws.get(beta);
  if (law !== undefined) return law;
  const e = gapSeries(beta);
  const seriesEnd = beta === 4 ? SERIES_END / 2 : SERIES_END;
  const values: GapValues = { logE: 0, logMinusDerivative: 0, logSecondDerivative: 0 };
  const pdf = (s: number) => {
    if (!(s > 0)) return 0;
    if (s === Number.POSITIVE_INFINITY) return 0;
    if (s <= seriesEnd) return seriesSum(e, s, 2);
    gapValues(beta, s, values);
    return detExp(values.logSecondDerivative);
  };
  const logpdf = (s: number) => {
    if (!(s > 0)) return Number.NEGATIVE_INFINITY;
    if (s === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
    if (s <= seriesEnd) return detLog(seriesSum(e, s, 2));
    gapValues(beta, s, values);
    return values.logSecondDerivative;
  };
  // CDF 1 + E′: the series below seriesEnd (no cancellation), else 1 − sf.
  const cdf = (s: number) => {
    if (!(s > 0)) return 0;
    if (s === Number.POSITIVE_INFINITY) return 1;
    if (s <= seriesEnd) return seriesSum(e, s, 1);
    gapValues(beta, s, values);
    return 1 - detExp(values.logMinusDerivative);
  };
  const sf = (s: number) => {
    if (!(s > 0)) return 1;
    if (s === Number.POSITIVE_INFINITY) return 0;
    if (s <= seriesEnd) return 1 - seriesSum(e, s, 1);
    gapValues(beta, s, values);
    return detExp(values.logMinusDerivative);
  };
  const logsf = (s: number) => {
    if (!(s > 0)) return 0;
    if (s === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
    if (s <= seriesEnd) return detLog1p(-seriesSum(e, s, 1));
    gapValues(beta, s, values);
    return values.logMinusDerivative;
  };
  const logcdf = (s: number) => {
    if (!(s > 0)) return Number.NEGATIVE_INFINITY;
    if (s <= seriesEnd) return detLog(seriesSum(e, s, 1));
    return detLog1p(-sf(s));
  };
  law = continuousLaw({
    name: `sine${beta === 1 ? "₁" : beta === 2 ? "₂" : "₄"} spacing`,
    support: [0, Number.POSITIVE_INFINITY],
    pdf,
    logpdf,
    cdf,
    sf,
    logsf,
    logcdf,
    mean: 1,
    variance: 2 * integrateGap(beta, e, seriesEnd) - 1,
  });
  laws.set(beta, law);
  return law;
}

/** ∫₀^∞ E_β(0; s) ds by 24-point Gauss–Legendre on [0, ½], [½, 1], [1, 2], …, [9, 10]. */
function integrateGap(beta: ClassicalBeta, e: Float64Array, seriesEnd: number): number {
  const { nodes, weights } = gaussLegendre(24);
  const values: GapValues = { logE: 0, logMinusDerivative: 0, logSecondDerivative: 0 };
  const breaks = [0, 0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  let total = 0;
  for (let p = 0; p + 1 < breaks.length; p++) {
    const half = (breaks[p + 1] - breaks[p]) / 2;
    const mid = (breaks[p + 1] + breaks[p]) / 2;
    for (let k = 0; k < nodes.length; k++) {
      const s = mid + half * nodes[k];
      let value: number;
      if (s <= seriesEnd) {
        value = 0;
        for (let n = e.length - 1; n >= 0; n--) value = value * s + e[n];
      } else {
        gapValues(beta, s, values);
        value = detExp(values.logE);
      }
      total += half * weights[k] * value;
    }
  }
  return total;
}
