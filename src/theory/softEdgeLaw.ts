/**
 * Finite-N soft-edge laws: the law of the rescaled largest eigenvalue s = (λ_max − center)/scale of
 * the N-point Hermite β-ensemble (center and scale from edgeScaling, N′ = N + 1/2 − 1/β), with its
 * first finite-N correction,
 *   F_N(s) = F_β(s) + N^{−2/3}·E_β(s) + O(N^{−4/3}),   E_β(s) = a_β·s²F_β′(s) + b_β·F_β″(s),
 * the form of the leading correction in Forrester–Trinh (J. Math. Phys. 59 (2018) 053302) and
 * Bornemann (arXiv:2403.07628, §2 (GUE) and §5 (GOE/GSE): a linear combination of derivatives of
 * F_β with polynomial coefficients). The papers' texts were not available to this project, so the
 * coefficients are identified here in our own scaling (docs/tracy-widom/README.md §3):
 *   β = 2: a = 1/20, b = −3/40, from the exact finite-N GUE law (hermiteLargestEigenvalueCdf.ts):
 *          the remainder is 0.0195·N^{−4/3} for N = 10 … 10⁵ (exact, no simulation).
 *   β = 1, 4: fitted to simulations of the exact model (docs/tracy-widom/finiteNSimulation.ts);
 *          their resolution is stated in SOFT_EDGE_CORRECTIONS and the docs.
 * Laguerre: not available yet (RangeError).
 *
 * The corrected F is not a CDF far in the tails (F + hE can decrease, or pass 1, where F or 1 − F
 * is as small as hE); the law keeps it on [sL, sR], the widest interval around the median on which
 * its density is positive and F, 1 − F change by less than a factor 2, and continues it outside by
 * F·(corrected/F)(sL) and 1 − (1 − F)·(corrected sf/sf)(sR): monotone, continuous, and within
 * max(h|E(sL)|, h|E(sR)|) of the uncorrected tails.
 *
 * @example
 * ```ts
 * const law = softEdgeLaw({ ensemble: "hermite", beta: 2, n: 100 });
 * law.cdf(-2);   // P(100^{1/6}(λ_max − 20) ≤ −2) for the 100-point GUE, error ≈ 2e−5·… (4e−5 max)
 * ```
 */
import type { RandomSource } from "../random/source.js";
import { detPow } from "../special/deterministicMath.js";
import { type ContinuousLaw, continuousLaw } from "./distribution.js";
import {
  tracyWidomCdf,
  tracyWidomIsf,
  tracyWidomMoments,
  tracyWidomPdf,
  tracyWidomQuantile,
  tracyWidomSf,
} from "./tracyWidom.js";

export type SoftEdgeEnsemble = "hermite" | "laguerre";

export interface SoftEdgeSpec {
  ensemble: SoftEdgeEnsemble;
  beta: number;
  n: number;
}

/** A first correction E(s) = a·s²F′(s) + b·F″(s) with its source and how well it is known. */
export interface SoftEdgeCorrection {
  readonly a: number;
  readonly b: number;
  /** Where the coefficients come from. */
  readonly source: string;
}

/** The corrections known per ensemble and β (the module comment; docs/tracy-widom/README.md §3). */
export const SOFT_EDGE_CORRECTIONS: Readonly<Record<string, SoftEdgeCorrection>> = {
  // GUE: E = s²F₂′/20 − 3F₂″/40 (form: Forrester–Trinh 2018 eq. (1.10), Bornemann 2024 Thm 2.1; constants: exact fit, README §3)
  "hermite|2": {
    a: 1 / 20,
    b: -3 / 40,
    source: "exact finite-N GUE Fredholm determinant (remainder 0.0195·N^(−4/3))",
  },
};

const STEP1 = 1e-4;
const STEP2 = 1e-3;

/** h, E and E′ of the first correction at s (F′ = f, F″ = f′ by central differences of f). */
function correctionTerms(
  beta: 1 | 2 | 4,
  c: SoftEdgeCorrection,
  s: number,
): { f: number; e: number; ePrime: number } {
  const f = tracyWidomPdf(s, beta);
  const fp = (tracyWidomPdf(s + STEP1, beta) - tracyWidomPdf(s - STEP1, beta)) / (2 * STEP1);
  const fpp =
    (tracyWidomPdf(s + STEP2, beta) - 2 * f + tracyWidomPdf(s - STEP2, beta)) / (STEP2 * STEP2);
  return {
    f,
    e: c.a * s * s * f + c.b * fp,
    ePrime: c.a * (2 * s * f + s * s * fp) + c.b * fpp,
  };
}

function checkSpec(spec: SoftEdgeSpec): { beta: 1 | 2 | 4; correction: SoftEdgeCorrection } {
  const { ensemble, beta, n } = spec;
  if (ensemble !== "hermite" && ensemble !== "laguerre") {
    throw new RangeError(
      `softEdgeLaw: ensemble must be "hermite" or "laguerre", got ${String(ensemble)}`,
    );
  }
  if (!(beta === 1 || beta === 2 || beta === 4)) {
    throw new RangeError(`softEdgeLaw: beta must be 1, 2 or 4, got ${beta}`);
  }
  if (!(Number.isInteger(n) && n >= 2)) {
    throw new RangeError(`softEdgeLaw: n must be an integer >= 2, got ${n}`);
  }
  const correction = SOFT_EDGE_CORRECTIONS[`${ensemble}|${beta}`];
  if (correction === undefined) {
    throw new RangeError(
      `softEdgeLaw: no finite-N correction is available for ${ensemble} at beta = ${beta}`,
    );
  }
  return { beta, correction };
}

/** The expansion parameter h = N^{−2/3} of the first correction. */
export function softEdgeParameter(n: number): number {
  return detPow(n, -2 / 3);
}

/**
 * The first finite-N correction E(s) of spec (F_N ≈ F_β + N^{−2/3}E), without the clipping of
 * softEdgeLaw; throws where no correction is available.
 */
export function softEdgeCorrection(spec: SoftEdgeSpec, s: number): number {
  const { beta, correction } = checkSpec(spec);
  return correctionTerms(beta, correction, s).e;
}

/**
 * The law of (λ_max − center)/scale of the N-point ensemble (edgeScaling) to second order,
 * F_β + N^{−2/3}E (module comment), as a ContinuousLaw; `order: 0` gives F_β itself (for
 * comparisons). Its sample() inverts the corrected CDF (Newton from the TW_β quantile, bisection
 * safeguard; engine-independent arithmetic, so draws are bit-identical across engines).
 */
export function softEdgeLaw(spec: SoftEdgeSpec, options: { order?: 0 | 1 } = {}): ContinuousLaw {
  const { beta, correction } = checkSpec(spec);
  const order = options.order ?? 1;
  const h = order === 0 ? 0 : softEdgeParameter(spec.n);
  const terms = (s: number) => correctionTerms(beta, correction, s);
  const rawCdf = (s: number) => tracyWidomCdf(s, beta) + h * terms(s).e;
  const rawPdf = (s: number) => {
    const t = terms(s);
    return t.f + h * t.ePrime;
  };
  const rawSf = (s: number) => tracyWidomSf(s, beta) - h * terms(s).e;
  // [sL, sR]: the widest interval around the median on which the corrected density is positive
  // and the corrected F and 1 − F stay within a factor 2 of the uncorrected ones (beyond, the
  // expansion has no meaning: the correction is as large as the tail itself).
  const inRange = (ratio: number) => ratio >= 0.5 && ratio <= 2;
  const median = tracyWidomQuantile(0.5, beta);
  let sL = median;
  while (sL > -14) {
    const t = sL - 0.01;
    if (!(rawPdf(t) > 0 && inRange(rawCdf(t) / tracyWidomCdf(t, beta)))) break;
    sL = t;
  }
  let sR = median;
  while (sR < 14) {
    const t = sR + 0.01;
    if (!(rawPdf(t) > 0 && inRange(rawSf(t) / tracyWidomSf(t, beta)))) break;
    sR = t;
  }
  const leftRatio = rawCdf(sL) / tracyWidomCdf(sL, beta);
  const rightRatio = rawSf(sR) / tracyWidomSf(sR, beta);
  const cdf = (s: number) => {
    if (s < sL) return tracyWidomCdf(s, beta) * leftRatio;
    if (s > sR) return 1 - tracyWidomSf(s, beta) * rightRatio;
    return rawCdf(s);
  };
  const sf = (s: number) => {
    if (s < sL) return 1 - tracyWidomCdf(s, beta) * leftRatio;
    if (s > sR) return tracyWidomSf(s, beta) * rightRatio;
    return rawSf(s);
  };
  const pdf = (s: number) => {
    if (s < sL) return tracyWidomPdf(s, beta) * leftRatio;
    if (s > sR) return tracyWidomPdf(s, beta) * rightRatio;
    return Math.max(0, rawPdf(s));
  };
  const quantile = (p: number) => {
    if (!(p >= 0 && p <= 1)) return Number.NaN;
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    if (h === 0) return tracyWidomQuantile(p, beta);
    if (p < cdf(sL)) return tracyWidomQuantile(p / leftRatio, beta);
    if (p > cdf(sR)) return tracyWidomIsf((1 - p) / rightRatio, beta);
    // Newton on [sL, sR] from the TW quantile, kept inside a shrinking bracket.
    let lo = sL;
    let hi = sR;
    let s = Math.min(hi, Math.max(lo, tracyWidomQuantile(p, beta)));
    for (let i = 0; i < 100; i++) {
      const g = rawCdf(s) - p;
      if (g === 0) return s;
      if (g < 0) lo = s;
      else hi = s;
      const d = rawPdf(s);
      let next = s - g / d;
      if (!(d > 0 && next > lo && next < hi)) next = 0.5 * (lo + hi);
      if (Math.abs(next - s) <= 1e-14 * Math.max(1, Math.abs(s)) || hi - lo <= 1e-15) return next;
      s = next;
    }
    return s;
  };
  // Mean and variance: ∫(F − F_N) = h·(a·E[s²]) shifts the mean (∫F″ = 0); second moment
  // shifts by −2h(a·E[s³] − b) (∫s·s²F′ = E[s³], ∫s F″ = −1).
  const { mean: m1, variance } = tracyWidomMoments(beta);
  const m2 = variance + m1 * m1;
  const m3 = thirdMoment(beta);
  const mean = m1 - h * correction.a * m2;
  const second = m2 - 2 * h * (correction.a * m3 - correction.b);
  const label = `${spec.ensemble}, beta = ${beta}, N = ${spec.n}`;
  return continuousLaw({
    name: order === 0 ? `TW_${beta} (limit of ${label})` : `soft-edge law (${label})`,
    support: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    pdf,
    cdf,
    sf,
    quantile,
    mean,
    variance: second - mean * mean,
    sample: (rng: RandomSource) => quantile(rng.uniform()),
  });
}

/** E[s³] of TW_β, by Gauss–Legendre-free trapezoid on [−12, 10] (step 1e−3; smooth, decaying). */
const thirdMoments = new Map<number, number>();
function thirdMoment(beta: 1 | 2 | 4): number {
  let v = thirdMoments.get(beta);
  if (v === undefined) {
    v = 0;
    const step = 2e-3;
    for (let s = -12; s <= 10; s += step) v += s * s * s * tracyWidomPdf(s, beta) * step;
    thirdMoments.set(beta, v);
  }
  return v;
}
