/**
 * The nearest-neighbour spacing of sine₂: the distance from a point of the process to the closer
 * of its two neighbours, min(s_left, s_right) (Forrester & Odlyzko, Phys. Rev. E 54 (1996)
 * R4493, who give it through a Painlevé transcendent; here a Fredholm determinant).
 *
 * Given a point at 0 (the Palm measure), the sine₂ process is determinantal with the kernel
 * S(x − y) − S(x)S(y); restricted to (−t, t) it splits into an odd part S(x − y) − S(x + y),
 * untouched by the conditioning, and an even part S(x − y) + S(x + y) − 2S(x)S(y), which is the
 * square of the finite Hankel transform V_{3/2} (checked in the tests; sineKernel.ts). Hence
 *   P(S_nn > t) = D_{3/2}((πt)²)·D_{½}((πt)²),  D_a = det(I − V_a²),
 * with the small-t Taylor series (sineSeriesCoefficients.ts) near 0 — P(S_nn ≤ t) ≈ (2π²/9)t³,
 * twice the spacing law's, keeps its relative accuracy — the Chebyshev table in the middle and the
 * large-X expansion beyond.
 *
 * @example
 * ```ts
 * nearestNeighbourLawExact().cdf(0.5);
 * ```
 */

import { detExp, detLog, detLog1p } from "../special/deterministicMath.js";
import { gaussLegendre } from "../special/gaussLegendre.js";
import { type ContinuousLaw, continuousLaw } from "./distribution.js";
import { sineLogDeterminant } from "./sineKernel.js";
import { NEAREST2_SERIES } from "./sineSeriesCoefficients.js";

/** Below this t = πs the Taylor series of P(S_nn > s) in t is used. */
const SERIES_END = 1.5;

let law: ContinuousLaw | undefined;

/** The nearest-neighbour spacing law of sine₂ (unit density), built once. */
export function nearestNeighbourLawExact(): ContinuousLaw {
  if (law !== undefined) return law;
  // Taylor coefficients of P(S_nn > s) = D_{3/2}D_{½} in s (formed at 60 digits).
  const g = NEAREST2_SERIES;
  const n = g.length;
  const odd = new Float64Array(3);
  const even = new Float64Array(3);
  /** [log sf, d/ds log sf] at s > 0 outside the series range. */
  const logs = (s: number): [number, number] => {
    const t = Math.PI * s;
    sineLogDeterminant(1.5, t, even);
    sineLogDeterminant(0.5, t, odd);
    return [even[0] + odd[0], Math.PI * (even[1] + odd[1])];
  };
  // 1 − G(s) = −Σ_{k≥1} g_k s^k (g₀ = 1), and −dG/ds = −Σ_{k≥1} k g_k s^{k−1}; the series
  // arguments below are s = t/π.
  const seriesCdf = (t: number) => {
    const s = t / Math.PI;
    let sum = 0;
    for (let k = n - 1; k >= 1; k--) sum = sum * s + g[k];
    return -sum * s;
  };
  const seriesPdf = (t: number) => {
    const s = t / Math.PI;
    let sum = 0;
    for (let k = n - 1; k >= 1; k--) sum = sum * s + k * g[k];
    return -sum;
  };
  const cdf = (s: number) => {
    if (!(s > 0)) return 0;
    if (s === Number.POSITIVE_INFINITY) return 1;
    const t = Math.PI * s;
    if (t <= SERIES_END) return seriesCdf(t);
    return 1 - detExp(logs(s)[0]);
  };
  const sf = (s: number) => {
    if (!(s > 0)) return 1;
    if (s === Number.POSITIVE_INFINITY) return 0;
    const t = Math.PI * s;
    if (t <= SERIES_END) return 1 - seriesCdf(t);
    return detExp(logs(s)[0]);
  };
  const pdf = (s: number) => {
    if (!(s > 0) || s === Number.POSITIVE_INFINITY) return 0;
    const t = Math.PI * s;
    if (t <= SERIES_END) return seriesPdf(t);
    const [l, d] = logs(s);
    return -d * detExp(l);
  };
  const logsf = (s: number) => {
    if (!(s > 0)) return 0;
    const t = Math.PI * s;
    if (t <= SERIES_END) return detLog1p(-seriesCdf(t));
    return logs(s)[0];
  };
  const logpdf = (s: number) => {
    if (!(s > 0)) return Number.NEGATIVE_INFINITY;
    const t = Math.PI * s;
    if (t <= SERIES_END) return detLog(seriesPdf(t));
    const [l, d] = logs(s);
    return l + detLog(-d);
  };
  // E[S] = ∫ sf, E[S²] = 2∫ s sf, Gauss–Legendre on [0, 6] in 6 pieces.
  const { nodes, weights } = gaussLegendre(32);
  let m1 = 0;
  let m2 = 0;
  for (let p = 0; p < 6; p++) {
    for (let k = 0; k < nodes.length; k++) {
      const s = p + (nodes[k] + 1) / 2;
      const w = weights[k] / 2;
      const value = sf(s);
      m1 += w * value;
      m2 += 2 * w * s * value;
    }
  }
  law = continuousLaw({
    name: "sine₂ nearest-neighbour spacing",
    support: [0, Number.POSITIVE_INFINITY],
    pdf,
    logpdf,
    cdf,
    sf,
    logsf,
    mean: m1,
    variance: m2 - m1 * m1,
  });
  return law;
}
