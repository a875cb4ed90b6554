/**
 * The local-statistics laws of the sine_β process (the bulk of every β-ensemble at N = ∞) and of the
 * hard edge, behind one entry point per statistic — what the CLI (`betaens spacing|gap|hardedge`)
 * and the explorer call. Browser-safe; every law is a ContinuousLaw (distribution.ts).
 *
 * | statistic | β = 1, 2, 4 | other β |
 * |---|---|---|
 * | spacing s (consecutive) | exact: spacingLaw.ts (Gaudin, Fredholm determinants) | simulated table |
 * | nearest neighbour min(s_l, s_r) | β = 2 exact (nearestNeighbour.ts), β = 1, 4 simulated | simulated |
 * | ratio r = s_{n+1}/s_n, folded r̃ = min(r, 1/r) | β = 2 exact (gapRatio.ts), β = 1, 4 simulated | simulated |
 * | count in an interval, E_β(k; s) | exact: countingLaw.ts | — |
 * | hard-edge smallest eigenvalue | exact: hardEdge.ts (β = 4: a > 0) | — |
 *
 * "Simulated": the circular β-ensemble at N = 400 (CMV model; 12 000 samples, 4.8·10⁶ spacings per β;
 * docs/local-statistics), for β ∈ {0.5, 1, 1.5, 2, 3, 4, 6, 10}: CDF values on a grid (steps 0.05
 * for the spacings, 0.02 for r̃) with standard errors ≤ 3·10⁻⁴, joined by monotone cubic
 * interpolation (Fritsch & Carlson, SIAM J. Numer. Anal. 17 (1980) 238–246); beyond the grid the
 * survival function decays as exp(−βπ²s²/16) (the large-gap rate of sine_β; Valkó & Virág,
 * Invent. Math. 209 (2017)). The law's name says which kind it is.
 *
 * @example
 * ```ts
 * sineSpacingLaw(2).pdf(1);            // Gaudin's exact density
 * sineGapRatioLaw(2, true).mean;       // ⟨min(r, 1/r)⟩ = 0.59975… (N = ∞, exact)
 * sineSpacingLaw(3).cdf(0.5);          // simulated, ± 1e−4
 * ```
 */

import { detExp, detLog } from "../special/deterministicMath.js";
import { type ContinuousLaw, continuousLaw } from "./distribution.js";
import { gapRatioLawExact } from "./gapRatio.js";
import { nearestNeighbourLawExact } from "./nearestNeighbour.js";
import { SIMULATED_SINE_BETA, type SimulatedLaw, type SimulatedSineBeta } from "./sineBetaTable.js";
import { spacingLaw } from "./spacingLaw.js";

export { type CountingLaw, sineCountingLaw } from "./countingLaw.js";
export { hardEdgeLaw } from "./hardEdge.js";

/** The β values of the simulated table. */
export const TABULATED_BETAS: readonly number[] = SIMULATED_SINE_BETA.map((row) => row.beta);

function tableRow(beta: number, what: string): SimulatedSineBeta {
  const row = SIMULATED_SINE_BETA.find((r) => r.beta === beta);
  if (row === undefined) {
    throw new RangeError(
      `${what}: beta must be one of ${TABULATED_BETAS.join(", ")} (the simulated table; 1, 2, 4 are exact where available), got ${beta}`,
    );
  }
  return row;
}

/** Monotone cubic (Fritsch–Carlson) interpolant through (x_i, y_i), its value and derivative. */
function monotoneCubic(x: Float64Array, y: Float64Array): (t: number, out: Float64Array) => void {
  const n = x.length;
  const h = new Float64Array(n - 1);
  const delta = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) {
    h[i] = x[i + 1] - x[i];
    delta[i] = (y[i + 1] - y[i]) / h[i];
  }
  const m = new Float64Array(n);
  m[0] = delta[0];
  m[n - 1] = delta[n - 2];
  for (let i = 1; i < n - 1; i++) {
    m[i] = delta[i - 1] * delta[i] <= 0 ? 0 : (delta[i - 1] + delta[i]) / 2;
  }
  for (let i = 0; i < n - 1; i++) {
    if (delta[i] === 0) {
      m[i] = 0;
      m[i + 1] = 0;
      continue;
    }
    const alpha = m[i] / delta[i];
    const beta = m[i + 1] / delta[i];
    const r = alpha * alpha + beta * beta;
    if (r > 9) {
      const tau = 3 / Math.sqrt(r);
      m[i] = tau * alpha * delta[i];
      m[i + 1] = tau * beta * delta[i];
    }
  }
  return (t, out) => {
    let i = Math.min(n - 2, Math.max(0, Math.floor((t - x[0]) / h[0])));
    while (i > 0 && t < x[i]) i--;
    while (i < n - 2 && t > x[i + 1]) i++;
    const s = (t - x[i]) / h[i];
    const s2 = s * s;
    const s3 = s2 * s;
    out[0] =
      (2 * s3 - 3 * s2 + 1) * y[i] +
      (s3 - 2 * s2 + s) * h[i] * m[i] +
      (-2 * s3 + 3 * s2) * y[i + 1] +
      (s3 - s2) * h[i] * m[i + 1];
    out[1] =
      ((6 * s2 - 6 * s) * y[i] +
        (3 * s2 - 4 * s + 1) * h[i] * m[i] +
        (-6 * s2 + 6 * s) * y[i + 1] +
        (3 * s2 - 2 * s) * h[i] * m[i + 1]) /
      h[i];
  };
}

/**
 * A law on [0, end] from simulated CDF values (grid from 0, F(0) = 0), with the Gaussian tail
 * beyond the grid for the spacing laws (rate βπ²/16 in s², `tail`), or support ending at the grid
 * (the folded ratio on [0, 1]).
 */
function simulatedLaw(
  name: string,
  table: SimulatedLaw,
  tail: number | undefined,
  variance: number,
): ContinuousLaw {
  const count = table.cdf.length;
  const x = new Float64Array(count + 1);
  const y = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) {
    x[i + 1] = table.step * (i + 1);
    y[i + 1] = Math.min(1, Math.max(y[i], table.cdf[i]));
  }
  const end = x[count];
  const interpolate = monotoneCubic(x, y);
  const out = new Float64Array(2);
  const sfEnd = 1 - y[count];
  const cdf = (s: number) => {
    if (!(s > 0)) return 0;
    if (s >= end) {
      if (tail === undefined || sfEnd <= 0) return 1;
      return 1 - sfEnd * detExp(-tail * (s * s - end * end));
    }
    interpolate(s, out);
    return Math.min(1, Math.max(0, out[0]));
  };
  const pdf = (s: number) => {
    if (!(s > 0)) return 0;
    if (s >= end) {
      if (tail === undefined || sfEnd <= 0) return 0;
      return 2 * tail * s * sfEnd * detExp(-tail * (s * s - end * end));
    }
    interpolate(s, out);
    return Math.max(0, out[1]);
  };
  return continuousLaw({
    name: `${name} (simulated: CβE, N = 400, CDF ± ${table.se.toExponential(1)})`,
    support: [0, tail === undefined ? end : Number.POSITIVE_INFINITY],
    pdf,
    cdf,
    logpdf: (s) => detLog(pdf(s)),
    mean: table.mean,
    variance,
  });
}

const subscript = (beta: number) =>
  String(beta).replace(/[0-9.]/g, (c) => (c === "." ? "." : "₀₁₂₃₄₅₆₇₈₉"[Number(c)]));

/** The spacing law of sine_β (unit mean): exact for β ∈ {1, 2, 4}, else the simulated table. */
export function sineSpacingLaw(beta: number): ContinuousLaw {
  if (beta === 1 || beta === 2 || beta === 4) return spacingLaw(beta);
  const row = tableRow(beta, "sineSpacingLaw");
  return simulatedLaw(
    `sine${subscript(beta)} spacing`,
    row.spacing,
    (beta * Math.PI * Math.PI) / 16,
    row.variance,
  );
}

/** The nearest-neighbour spacing min(s_left, s_right): exact for β = 2, else simulated. */
export function sineNearestNeighbourLaw(beta: number): ContinuousLaw {
  if (beta === 2) return nearestNeighbourLawExact();
  const row = tableRow(beta, "sineNearestNeighbourLaw");
  // min of two spacings: the large-gap rate of an interval of length 2s.
  return simulatedLaw(
    `sine${subscript(beta)} nearest-neighbour spacing`,
    row.nearest,
    (4 * beta * Math.PI * Math.PI) / 16,
    Number.NaN,
  );
}

/**
 * The ratio of consecutive spacings: r ∈ [0, ∞) or, with `folded`, r̃ = min(r, 1/r) ∈ [0, 1].
 * Exact for β = 2 (N = ∞), else simulated (r and 1/r have the same law, so the CDF of r is
 * F̃(ρ)/2 for ρ ≤ 1 and 1 − F̃(1/ρ)/2 beyond).
 */
export function sineGapRatioLaw(beta: number, folded = false): ContinuousLaw {
  if (beta === 2) return gapRatioLawExact(folded ? "folded" : "ratio");
  const row = tableRow(beta, "sineGapRatioLaw");
  const foldedLaw = simulatedLaw(
    `sine${subscript(beta)} folded gap ratio min(r, 1/r)`,
    row.folded,
    undefined,
    Number.NaN,
  );
  if (folded) return foldedLaw;
  return continuousLaw({
    name: foldedLaw.name.replace("folded gap ratio min(r, 1/r)", "gap ratio r"),
    support: [0, Number.POSITIVE_INFINITY],
    cdf: (r) => (!(r > 0) ? 0 : r <= 1 ? foldedLaw.cdf(r) / 2 : 1 - foldedLaw.cdf(1 / r) / 2),
    pdf: (r) => (!(r > 0) ? 0 : r <= 1 ? foldedLaw.pdf(r) / 2 : foldedLaw.pdf(1 / r) / (2 * r * r)),
    mean: row.ratioMean,
    variance: Number.NaN,
  });
}
